package dev.mediagen.video;

/**
 * The TAE's training recipe: Movie Gen trains images and videos at 1:3; ours alternates image and video
 * batches in that ratio.
 *
 * @param imageBatch images per image step
 * @param videoBatch clips per video step
 * @param frames frames of a training clip (a multiple of the temporal compression)
 * @param videoShare share of steps that train on videos (Movie Gen: 3/4)
 * @param lr peak AdamW learning rate
 * @param warmup warm-up steps
 * @param totalSteps cosine schedule length
 * @param seed run seed
 * @param checkpointEvery steps between checkpoints
 */
public record TaeTrainConfig(
    int imageBatch, int videoBatch, int frames, double videoShare, float lr, int warmup, long totalSteps, long seed,
    int checkpointEvery) {
  public TaeTrainConfig {
    if (imageBatch < 1 || videoBatch < 1) throw new IllegalArgumentException("batch sizes must be >= 1");
    if (!(videoShare >= 0 && videoShare <= 1)) {
      throw new IllegalArgumentException("videoShare %s must be in [0, 1]".formatted(videoShare));
    }
    if (totalSteps < 1) throw new IllegalArgumentException("totalSteps %d must be >= 1".formatted(totalSteps));
    if (!(lr > 0 && lr < 1)) throw new IllegalArgumentException("lr %s must be in (0, 1)".formatted(lr));
  }

  /** Whether step {@code s} is a video step (every 4 steps: 3 videos and 1 image at share 0.75). */
  public boolean isVideoStep(long s) {
    return (s % 4) < Math.round(videoShare * 4);
  }

  /** This recipe with another peak learning rate and schedule length (a second stage). */
  public TaeTrainConfig withSchedule(float lr, long totalSteps) {
    return new TaeTrainConfig(imageBatch, videoBatch, frames, videoShare, lr, warmup, totalSteps, seed, checkpointEvery);
  }

  public static TaeTrainConfig tiny() {
    return new TaeTrainConfig(4, 2, 4, 0.75, 2e-3f, 5, 100, 3, 0);
  }

  public static TaeTrainConfig small() {
    return new TaeTrainConfig(16, 4, 8, 0.75, 1e-3f, 300, 8000, 77, 250);
  }
}
