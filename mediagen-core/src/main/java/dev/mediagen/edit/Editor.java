package dev.mediagen.edit;

import dev.mediagen.world.Video;

/**
 * Anything that edits an image by instruction, for {@link EditBenchmark}. An implementation may
 * read the example's {@code sourceImage()}, {@code instruction()} and, as Emu Edit's optional task
 * override, {@code task()}; reading the target is reserved for reference editors (the oracle).
 */
@FunctionalInterface
public interface Editor {
  /** The edited image: one frame of the source's size. */
  Video edit(EditExample example);

  /** The reference editor that returns the exact target (an upper bound: ~100% success). */
  static Editor oracle() {
    return EditExample::targetImage;
  }

  /** The editor that returns its input unchanged (0% success, 100% preserved by construction). */
  static Editor identity() {
    return EditExample::sourceImage;
  }
}
