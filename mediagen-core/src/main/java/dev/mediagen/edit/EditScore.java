package dev.mediagen.edit;

/**
 * {@link EditMetrics}' verdict on one output.
 *
 * @param task the example's task
 * @param success the edit happened: for SCENE tasks the checker reads every edited object, removed
 *     region, background or text as the target has it; for MAP/BOX tasks the IoU reaches {@link
 *     EditMetrics#IOU_THRESHOLD}; for PIXELS tasks {@code overlap} reaches {@link
 *     EditMetrics#CHANGED_THRESHOLD}
 * @param preserved 1 when everything the instruction did not touch is as in the source (SCENE:
 *     untouched objects, background, text read unchanged; BOX: the whole source scene still reads
 *     exactly; PIXELS: the unchanged pixels stay within tolerance), 0 when not, NaN when nothing is
 *     untouched (MAP tasks, EDGES_TO_IMAGE)
 * @param exact SCENE: the checker reads the whole target scene exactly; otherwise success and not
 *     preserved == 0
 * @param overlap MAP: pixel IoU of the binarized output with the target map; BOX: box IoU; PIXELS:
 *     fraction of the pixels the target changes that the output gets within tolerance; SCENE: NaN
 * @param l1Target mean |output − target| over all values in [0, 1]
 * @param l1Source mean |output − source|, Emu Edit's L1 metric
 * @param featureTarget {@link ImageFeatures} cosine of output and target
 * @param featureSource {@link ImageFeatures} cosine of output and source, the DINO-metric stand-in
 */
public record EditScore(
    EditTask task,
    boolean success,
    double preserved,
    boolean exact,
    double overlap,
    double l1Target,
    double l1Source,
    double featureTarget,
    double featureSource) {}
