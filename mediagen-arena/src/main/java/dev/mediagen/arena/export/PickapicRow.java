package dev.mediagen.arena.export;

import java.util.List;

/**
 * One row of the Pick-a-Pic dataset (HF {@code yuvalkirstain/pickapic_v1} without image bytes; the
 * images are written alongside as {@code images/<uid>.png}): one pairwise judgement.
 *
 * @param caption the prompt
 * @param image0Uid left image
 * @param image1Uid right image
 * @param label0 1, 0 or 0.5 (tie)
 * @param label1 1 − label0
 * @param bestImageUid the preferred uid, or "none" for a tie (as the app stores it)
 * @param model0 backend of image 0
 * @param model1 backend of image 1
 * @param userId voter
 * @param rankingId judgement id
 * @param createdAtMs epoch ms (a UTC timestamp in the files)
 * @param hasLabel always true here: every exported row is a judgement
 * @param areDifferent image_0_uid ≠ image_1_uid
 * @param numExamplePerPrompt rows with this caption in the same split (PickScore weights examples by its inverse)
 */
public record PickapicRow(
    String caption, String image0Uid, String image1Uid, double label0, double label1, String bestImageUid,
    String model0, String model1, long userId, long rankingId, long createdAtMs, boolean hasLabel, boolean areDifferent,
    long numExamplePerPrompt) {

  /** Column names in file order. */
  public static final List<String> COLUMNS = List.of(
      "caption", "image_0_uid", "image_1_uid", "label_0", "label_1", "best_image_uid", "model_0", "model_1",
      "user_id", "ranking_id", "created_at", "has_label", "are_different", "num_example_per_prompt");

  /** The same row with another per-split count. */
  public PickapicRow withCount(long n) {
    return new PickapicRow(caption, image0Uid, image1Uid, label0, label1, bestImageUid, model0, model1, userId, rankingId,
        createdAtMs, hasLabel, areDifferent, n);
  }
}
