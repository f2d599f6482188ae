package dev.mediagen.edit;

/**
 * Emu Edit's grouping of its tasks (papers-media.md §3.1): region-based edits that change one part
 * of the scene, free-form edits that change the whole image, and computer-vision tasks posed as
 * image generation.
 */
public enum TaskCategory {
  REGION,
  FREE_FORM,
  VISION
}
