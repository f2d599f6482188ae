package dev.mediagen.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the body of an atomic write ({@link AtomicFiles}).
 *
 * @param <T> what the body receives (an output stream, a temp file path, a temp directory)
 */
@FunctionalInterface
public interface IoConsumer<T> {
  /** Does the work; any exception aborts the surrounding write and leaves the target untouched. */
  void accept(T t) throws IOException;
}
