package dev.mediagen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locations the CLI uses by default. */
final class Paths {
  private Paths() {}

  /** The project root (set by the launcher), else the working directory. */
  static Path home() {
    String h = System.getProperty("mediagen.home");
    return h == null ? Path.of("").toAbsolutePath() : Path.of(h);
  }

  /** The shipped text-to-video checkpoint the defaults use. */
  static Path defaultVideoCheckpoint() {
    return home().resolve("models").resolve("t2v-small");
  }

  /** Fails before any work when {@code out}'s directory cannot be created or written. */
  static void requireWritable(Path out) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create the output directory " + dir + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(dir)) throw new IOException("the output directory " + dir + " is not writable");
  }
}
