package dev.mediagen.video;

/**
 * The recipe of a text-to-video training run (joint image + video training, Movie Gen §3.2 at toy scale).
 *
 * @param imageBatch clips per image step (1 frame)
 * @param videoBatch clips per video step
 * @param videoEvery every k-th step is a video step (0 = images only); each batch has one shape (bucket)
 * @param lr peak AdamW learning rate
 * @param warmup linear warm-up steps
 * @param totalSteps steps of the cosine schedule (the run may stop earlier, by time)
 * @param weightDecay decoupled weight decay on matrices
 * @param clip global gradient-norm clip
 * @param emaDecay EMA decay of the sampling weights
 * @param captionDropout probability of replacing a caption by the empty prompt (enables CFG)
 * @param seed the run seed (every random stream derives from it)
 * @param validateEvery steps between validation-loss evaluations
 * @param sampleEvery steps between sample grids
 * @param checkpointEvery steps between checkpoints
 * @param uniformTime share of training times drawn uniformly from [0, 1) instead of logit-normal. The
 *     logit-normal rarely draws t &lt; 0.1 (1.4%), where the layout is decided from pure noise; without
 *     enough such samples a small model learns colours but not where objects go (measured: position
 *     words had no effect after 4,500 steps).
 */
public record VideoTrainConfig(
    int imageBatch,
    int videoBatch,
    int videoEvery,
    float lr,
    int warmup,
    long totalSteps,
    float weightDecay,
    float clip,
    float emaDecay,
    float captionDropout,
    long seed,
    int validateEvery,
    int sampleEvery,
    int checkpointEvery,
    double uniformTime) {
  /** Logit-normal times only. */
  public VideoTrainConfig(
      int imageBatch, int videoBatch, int videoEvery, float lr, int warmup, long totalSteps, float weightDecay,
      float clip, float emaDecay, float captionDropout, long seed, int validateEvery, int sampleEvery, int checkpointEvery) {
    this(imageBatch, videoBatch, videoEvery, lr, warmup, totalSteps, weightDecay, clip, emaDecay, captionDropout, seed,
        validateEvery, sampleEvery, checkpointEvery, 0);
  }

  public VideoTrainConfig {
    if (!(uniformTime >= 0 && uniformTime <= 1)) {
      throw new IllegalArgumentException("uniformTime %s must be in [0, 1]".formatted(uniformTime));
    }
    if (imageBatch < 1 || videoBatch < 1) {
      throw new IllegalArgumentException("batch sizes %d/%d must be >= 1".formatted(imageBatch, videoBatch));
    }
    if (videoEvery < 0) throw new IllegalArgumentException("videoEvery %d must be >= 0".formatted(videoEvery));
    if (!(lr > 0 && lr < 1)) throw new IllegalArgumentException("lr %s must be in (0, 1)".formatted(lr));
    if (!(captionDropout >= 0 && captionDropout < 1)) {
      throw new IllegalArgumentException("captionDropout %s must be in [0, 1)".formatted(captionDropout));
    }
    if (totalSteps < 1) throw new IllegalArgumentException("totalSteps %d must be >= 1".formatted(totalSteps));
  }

  /** True when {@code step} trains on video clips rather than images. */
  public boolean isVideoStep(long step) {
    return videoEvery > 0 && step % videoEvery == videoEvery - 1;
  }

  /** The same recipe with another image/video mix (0: text-to-image only). */
  public VideoTrainConfig withVideoEvery(int k) {
    return new VideoTrainConfig(imageBatch, videoBatch, k, lr, warmup, totalSteps, weightDecay, clip, emaDecay,
        captionDropout, seed, validateEvery, sampleEvery, checkpointEvery, uniformTime);
  }

  /** The same recipe with another share of uniformly drawn times. */
  public VideoTrainConfig withUniformTime(double u) {
    return new VideoTrainConfig(imageBatch, videoBatch, videoEvery, lr, warmup, totalSteps, weightDecay, clip, emaDecay,
        captionDropout, seed, validateEvery, sampleEvery, checkpointEvery, u);
  }

  /** The same recipe with another learning-rate schedule (a fine-tuning stage: lower peak, short cosine). */
  public VideoTrainConfig withSchedule(float peakLr, int warmupSteps, long steps) {
    return new VideoTrainConfig(imageBatch, videoBatch, videoEvery, peakLr, warmupSteps, steps, weightDecay, clip, emaDecay,
        captionDropout, seed, validateEvery, sampleEvery, checkpointEvery, uniformTime);
  }

  /** The same recipe with {@code clips} clips per video step. */
  public VideoTrainConfig withVideoBatch(int clips) {
    return new VideoTrainConfig(imageBatch, clips, videoEvery, lr, warmup, totalSteps, weightDecay, clip, emaDecay,
        captionDropout, seed, validateEvery, sampleEvery, checkpointEvery, uniformTime);
  }

  /** Tests and smoke runs. */
  public static VideoTrainConfig tiny() {
    return new VideoTrainConfig(8, 2, 2, 2e-3f, 5, 200, 0f, 1f, 0.9f, 0.1f, 1, 20, 0, 0);
  }

  /** The shipped model's recipe. */
  public static VideoTrainConfig small() {
    return new VideoTrainConfig(32, 4, 3, 1.5e-3f, 500, 13_000, 0.01f, 1f, 0.999f, 0.1f, 1234, 500, 1000, 500, 0.5);
  }
}
