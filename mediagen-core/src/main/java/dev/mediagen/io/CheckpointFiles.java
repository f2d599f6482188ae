package dev.mediagen.io;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Finding the files of a checkpoint directory. Every model family keeps its checkpoint in {@code
 * RUN/checkpoint} with a config file in it, and every command accepts either the run directory or
 * the checkpoint directory.
 */
public final class CheckpointFiles {

  private CheckpointFiles() {}

  /**
   * A run directory or a checkpoint directory, as the checkpoint directory: {@code p} when it holds
   * {@code config}, else {@code p/checkpoint} when that does.
   *
   * @param what what the checkpoint is, for the error: "a checkpoint", "an s2e checkpoint", …
   * @throws NoSuchFileException naming both places looked at when neither holds {@code config}
   */
  public static Path resolve(Path p, String config, String what) throws NoSuchFileException {
    if (Files.isRegularFile(p.resolve(config))) {
      return p;
    }
    if (Files.isRegularFile(p.resolve("checkpoint").resolve(config))) {
      return p.resolve("checkpoint");
    }
    throw new NoSuchFileException(
        p + " is not " + what + " (no " + config + " in it or in " + p.resolve("checkpoint") + ")");
  }

  /**
   * The file {@code name} of checkpoint directory {@code dir}.
   *
   * @param what what the checkpoint is, for the error: "checkpoint", "TAE checkpoint", …
   * @throws NoSuchFileException naming the directory and the missing file
   */
  public static Path require(Path dir, String name, String what) throws NoSuchFileException {
    Path f = dir.resolve(name);
    if (!Files.isRegularFile(f)) {
      throw new NoSuchFileException(what + " " + dir + " lacks " + name);
    }
    return f;
  }
}
