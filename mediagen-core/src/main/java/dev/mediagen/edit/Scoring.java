package dev.mediagen.edit;

/**
 * How {@link EditMetrics} decides whether an output did a task.
 *
 * <ul>
 *   <li>{@code SCENE}: the target is a re-rendered scene graph; the analytic checker reads the
 *       output and compares the edited part with the target scene and the untouched part with the
 *       source.
 *   <li>{@code MAP}: the target is a white-on-black map (segmentation mask, edge map, contours);
 *       pixel IoU of the binarized output with the target map.
 *   <li>{@code BOX}: the target is the source with a box outline; IoU of the box read from the
 *       output with the target box.
 *   <li>{@code PIXELS}: the target is a pixel filter of the source (colour adjustment,
 *       super-resolution); the fraction of the pixels the filter changes that the output gets
 *       right.
 * </ul>
 */
public enum Scoring {
  SCENE,
  MAP,
  BOX,
  PIXELS
}
