package dev.mediagen.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Crash-safe writes: the body writes a temp file in the target's directory, which is fsynced and
 * then renamed over the target with {@code ATOMIC_MOVE}. A reader therefore sees either the old
 * file or the complete new one, never a torn one; an exception in the body deletes the temp file
 * and leaves an existing target untouched (DESIGN.md §6, checkpoints).
 *
 * <p>Temp names are {@code .tmp-<pid>-<n>-<name>} (hidden, and ending in the target's own name so
 * external tools that pick a format by extension, such as ffmpeg, still work). They are created
 * with the process's default permissions (not {@code 0600} as {@code Files.createTempFile} would).
 */
public final class AtomicFiles {
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final long PID = ProcessHandle.current().pid();

  private AtomicFiles() {}

  /** Writes {@code target} atomically from {@code body}; the body may close the stream. */
  public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
    writeWith(
        target,
        tmp -> {
          try (OutputStream file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW);
              OutputStream buffered = new BufferedOutputStream(new KeepOpen(file), 1 << 16)) {
            body.accept(buffered);
          }
        });
  }

  /** Writes {@code text} as UTF-8, atomically. */
  public static void writeString(Path target, String text) throws IOException {
    writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes}, atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Lets {@code fillTempFile} create a file at a temp path (which does not exist yet and ends with
   * the target's file name), then fsyncs it and renames it over {@code target}. Used for files that
   * an external process writes (MP4 via ffmpeg).
   */
  public static void writeWith(Path target, IoConsumer<Path> fillTempFile) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = prepareParent(abs);
    if (Files.isDirectory(abs)) {
      throw new IOException("cannot write file " + abs + ": a directory exists at that path");
    }
    Path tmp = tempSibling(dir, abs);
    try {
      fillTempFile.accept(tmp);
      if (!Files.isRegularFile(tmp)) {
        throw new IOException("writing " + abs + " produced no file at temp path " + tmp);
      }
      fsync(tmp, false);
      move(tmp, abs);
      fsync(dir, true);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /**
   * Replaces the directory {@code target} (for checkpoints that are directories): {@code
   * fillTempDir} fills a fresh sibling directory, every file in it is fsynced, the old directory is
   * renamed to a backup, the new one renamed into place, and the backup deleted. If the fill
   * throws, the temp directory is removed and the old directory is untouched. A crash between the
   * two renames leaves the old content at {@code .old-<pid>-<n>-<name>} beside the target.
   */
  public static void replaceDirectory(Path target, IoConsumer<Path> fillTempDir)
      throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = prepareParent(abs);
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new IOException("cannot replace directory " + abs + ": a non-directory exists there");
    }
    Path tmp = tempSibling(dir, abs);
    try {
      Files.createDirectory(tmp);
    } catch (IOException e) {
      throw new IOException(
          "cannot write directory " + abs + ": " + dir + " is not writable (" + e + ")", e);
    }
    try {
      fillTempDir.accept(tmp);
      try (Stream<Path> all = Files.walk(tmp)) {
        for (Path p : (Iterable<Path>) all::iterator) {
          fsync(p, Files.isDirectory(p));
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      deleteRecursivelyQuietly(tmp);
      throw e;
    }
    if (!Files.exists(abs)) {
      move(tmp, abs);
      fsync(dir, true);
      return;
    }
    Path backup =
        dir.resolve(".old-" + PID + "-" + COUNTER.incrementAndGet() + "-" + shortName(abs));
    move(abs, backup);
    try {
      move(tmp, abs);
    } catch (IOException | RuntimeException e) {
      move(backup, abs); // put the old directory back
      deleteRecursivelyQuietly(tmp);
      throw e;
    }
    fsync(dir, true);
    deleteRecursively(backup);
  }

  /** Deletes a file or directory tree if it exists. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      List<Path> paths = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path prepareParent(Path abs) throws IOException {
    Path dir = abs.getParent();
    if (dir == null) {
      throw new IOException("cannot write " + abs + ": it has no parent directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null && !Files.isDirectory(existing)) {
        throw new IOException(
            "cannot write " + abs + ": " + existing + " exists and is not a directory", e);
      }
      throw new IOException(
          "cannot write " + abs + ": cannot create directory " + dir + " (" + e + ")", e);
    }
    if (!Files.isWritable(dir)) {
      throw new IOException("cannot write " + abs + ": directory " + dir + " is not writable");
    }
    return dir;
  }

  private static Path tempSibling(Path dir, Path abs) {
    return dir.resolve(".tmp-" + PID + "-" + COUNTER.incrementAndGet() + "-" + shortName(abs));
  }

  /** Keeps temp names within the usual 255-byte limit while keeping the extension. */
  private static String shortName(Path abs) {
    String name = abs.getFileName().toString();
    return name.length() <= 200 ? name : name.substring(name.length() - 200);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so this only happens on exotic file systems: fall back to a plain rename.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void fsync(Path path, boolean directory) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e; // directories cannot be opened for fsync on every OS; files always can
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: the original exception matters more
    }
  }

  private static void deleteRecursivelyQuietly(Path p) {
    try {
      deleteRecursively(p);
    } catch (IOException ignored) {
      // best effort: the original exception matters more
    }
  }

  /** Lets the body close "its" stream without closing the file before we flush it. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
