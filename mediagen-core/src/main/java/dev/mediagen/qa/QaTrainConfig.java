package dev.mediagen.qa;

/**
 * The recipe of a span-selection training run (RSS pretraining or QA fine-tuning).
 *
 * @param seed run seed: initialisation, data order and everything else derive from (seed, step)
 * @param steps total optimizer steps of the schedule
 * @param batchSize sequences per step
 * @param lr peak AdamW learning rate
 * @param warmup linear warm-up steps (then cosine decay to 0.1·lr)
 * @param weightDecay decoupled weight decay on matrices
 * @param clip global gradient-norm clip (≤ 0: off)
 * @param checkpointEvery steps between checkpoints (0: only at the end)
 */
public record QaTrainConfig(
    long seed,
    long steps,
    int batchSize,
    float lr,
    int warmup,
    float weightDecay,
    float clip,
    int checkpointEvery) {

  public QaTrainConfig {
    if (steps < 1 || steps > 10_000_000) {
      throw new IllegalArgumentException("steps %d is outside [1, 10000000]".formatted(steps));
    }
    if (batchSize < 1 || batchSize > 4096) {
      throw new IllegalArgumentException("batchSize %d is outside [1, 4096]".formatted(batchSize));
    }
    if (!(lr > 0 && lr < 1)) {
      throw new IllegalArgumentException("lr %s is outside (0, 1)".formatted(lr));
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup %d must be >= 0".formatted(warmup));
    }
    if (!(weightDecay >= 0 && weightDecay < 1)) {
      throw new IllegalArgumentException("weightDecay %s is outside [0, 1)".formatted(weightDecay));
    }
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("checkpointEvery %d must be >= 0".formatted(checkpointEvery));
    }
  }

  /** Smoke runs: 40 steps of 8 at 3e-3. */
  public static QaTrainConfig tiny() {
    return new QaTrainConfig(1, 40, 8, 3e-3f, 4, 0f, 1f, 0);
  }

  /**
   * RSS pretraining of the study encoder (Splinter: lr 1e-4, 10 k warm-up, batch 256): 12,000 steps
   * of 16 (docs/RESULTS.md, runs C and D; the first runs' 1,500 reached 9% span accuracy).
   */
  public static QaTrainConfig rss() {
    return new QaTrainConfig(2021, 12_000, 16, 1e-3f, 100, 0.01f, 1f, 250);
  }

  /**
   * Few-shot fine-tuning: Splinter trains 10 epochs or at least 200 steps at batch 12; here {@code
   * max(minSteps, 10 epochs)} capped at {@code maxSteps}, batch 12.
   */
  public static QaTrainConfig fewShot(long seed, int examples, int minSteps, int maxSteps, float lr) {
    long epochs10 = (10L * examples + 11) / 12;
    long steps = Math.min(maxSteps, Math.max(minSteps, epochs10));
    return new QaTrainConfig(seed, steps, 12, lr, (int) Math.max(1, steps / 10), 0.01f, 1f, 0);
  }

  public QaTrainConfig withSteps(long s) {
    return new QaTrainConfig(seed, s, batchSize, lr, warmup, weightDecay, clip, checkpointEvery);
  }

  public QaTrainConfig withSeed(long s) {
    return new QaTrainConfig(s, steps, batchSize, lr, warmup, weightDecay, clip, checkpointEvery);
  }
}
