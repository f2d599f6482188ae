package dev.mediagen.fuse;

/**
 * X&amp;Fuse training at our scale: flow matching on the target image with a conditioning image fused into
 * most rows — retrieved, a subject crop or the scene map, by weight — and dropped in {@code dropImage} of
 * them so the model stays a plain text-to-image model (the unconditional branch of image guidance).
 *
 * @param batch rows per step
 * @param lr peak AdamW learning rate
 * @param warmup warm-up steps
 * @param totalSteps cosine schedule length
 * @param dropImage probability that a row has no conditioning image
 * @param dropText probability that a row's caption is replaced by the empty prompt (text guidance)
 * @param retrieve relative weight of Retrieve&amp;Fuse rows among conditioned rows
 * @param crop relative weight of Crop&amp;Fuse rows
 * @param scene relative weight of Scene&amp;Fuse rows
 * @param bankSize training images in the retrieval bank
 * @param emaDecay EMA decay
 * @param seed run seed
 * @param checkpointEvery steps between checkpoints (0: only at the end)
 */
public record FuseTrainConfig(
    int batch, float lr, int warmup, long totalSteps, double dropImage, double dropText, double retrieve, double crop,
    double scene, int bankSize, float emaDecay, long seed, int checkpointEvery) {
  public FuseTrainConfig {
    if (batch < 1 || batch > 4096) throw new IllegalArgumentException("batch %d must be in [1, 4096]".formatted(batch));
    if (!(lr > 0)) throw new IllegalArgumentException("lr %s must be > 0".formatted(lr));
    if (totalSteps < 1) throw new IllegalArgumentException("totalSteps %d must be >= 1".formatted(totalSteps));
    if (!(dropImage >= 0 && dropImage <= 1)) throw new IllegalArgumentException("dropImage %s must be in [0, 1]".formatted(dropImage));
    if (!(dropText >= 0 && dropText < 1)) throw new IllegalArgumentException("dropText %s must be in [0, 1)".formatted(dropText));
    if (!(retrieve >= 0 && crop >= 0 && scene >= 0) || retrieve + crop + scene <= 0) {
      throw new IllegalArgumentException("mode weights (%s, %s, %s) must be >= 0 with a positive sum".formatted(retrieve, crop, scene));
    }
    if (bankSize < 2) throw new IllegalArgumentException("bankSize %d must be >= 2".formatted(bankSize));
  }

  /** The conditioning mode for a uniform draw {@code u} in [0, 1) (rows that keep their image). */
  public FuseMode mode(double u) {
    double total = retrieve + crop + scene;
    return u * total < retrieve ? FuseMode.RETRIEVE : u * total < retrieve + crop ? FuseMode.CROP : FuseMode.SCENE;
  }

  /** The same run with a cosine schedule of {@code steps} steps (warm-up shortened to fit). */
  public FuseTrainConfig withTotalSteps(long steps) {
    return new FuseTrainConfig(batch, lr, (int) Math.min(warmup, Math.max(0, steps / 5)), steps, dropImage, dropText, retrieve, crop, scene,
        bankSize, emaDecay, seed, checkpointEvery);
  }

  /** Unit tests. */
  public static FuseTrainConfig tiny() {
    return new FuseTrainConfig(6, 2e-3f, 2, 100, 0.3, 0.1, 1, 1, 1, 24, 0.9f, 5, 0);
  }

  /** Fine-tuning the small text-to-video model into an X&amp;Fuse model on the CPU budget (see RESULTS.md). */
  public static FuseTrainConfig small() {
    return new FuseTrainConfig(16, 5e-4f, 50, 600, 0.3, 0.1, 0.4, 0.3, 0.3, 2000, 0.99f, 77, 100);
  }
}
