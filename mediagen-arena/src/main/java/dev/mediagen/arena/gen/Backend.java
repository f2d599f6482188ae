package dev.mediagen.arena.gen;

import java.awt.image.BufferedImage;
import java.util.function.IntConsumer;

/**
 * One generator backend of the arena (Pick-a-Pic served several models and guidance scales): a
 * checkpoint with its sampling settings, or a reference renderer. Calls come from the single
 * generation worker, one at a time.
 */
public interface Backend extends AutoCloseable {
  /** The id recorded as model_0 / model_1. */
  String id();

  /** Guidance scale recorded with each image, or null. */
  Float guidance();

  /** ODE steps recorded with each image (and the progress total), or null for one-shot backends. */
  Integer steps();

  /** Edge of the square images it makes, in pixels. */
  int size();

  /**
   * One image for {@code prompt}.
   *
   * @param seed the noise seed (recorded in {@code images.seed})
   * @param onStep called once per solver step (progress), may be null
   */
  BufferedImage generate(String prompt, long seed, IntConsumer onStep);

  @Override
  default void close() {}
}
