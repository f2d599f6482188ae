package dev.mediagen.coref;

/**
 * The recipe of an s2e training run.
 *
 * @param seed the run seed; every random stream (document order, crops, dropout, initialisation)
 *     derives from it and the step, so a resumed run repeats an uninterrupted one exactly
 * @param totalSteps steps of the schedule, one document (crop) per step
 * @param lr peak AdamW learning rate (the paper's head rate is 3e-4)
 * @param warmup linear warm-up steps
 * @param weightDecay decoupled weight decay on matrices (0.01 in the paper)
 * @param clip global gradient-norm clip (≤ 0: off)
 * @param emaDecay decay of the weight average that evaluation uses (0: the raw weights)
 * @param cropTokens a training step sees a random window of this many tokens starting at a sentence
 *     start (0: whole documents); mentions cut by the window are dropped for that step
 * @param validateEvery steps between dev-set CoNLL F1 evaluations (0: only at the end)
 * @param checkpointEvery steps between checkpoints (0: only at the end)
 */
public record CorefTrainConfig(
    long seed,
    long totalSteps,
    float lr,
    int warmup,
    float weightDecay,
    float clip,
    float emaDecay,
    int cropTokens,
    int validateEvery,
    int checkpointEvery) {

  public CorefTrainConfig {
    if (totalSteps < 1 || totalSteps > 10_000_000) {
      throw new IllegalArgumentException("totalSteps %d is outside [1, 10000000]".formatted(totalSteps));
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
    if (!(emaDecay >= 0 && emaDecay < 1)) {
      throw new IllegalArgumentException("emaDecay %s is outside [0, 1)".formatted(emaDecay));
    }
    if (cropTokens < 0 || cropTokens == 1) {
      throw new IllegalArgumentException("cropTokens %d must be 0 (whole documents) or >= 2".formatted(cropTokens));
    }
    if (validateEvery < 0 || checkpointEvery < 0) {
      throw new IllegalArgumentException(
          "validateEvery %d and checkpointEvery %d must be >= 0".formatted(validateEvery, checkpointEvery));
    }
  }

  /** Smoke runs and tests: whole tiny documents, a high rate, no EMA. */
  public static CorefTrainConfig tiny() {
    return new CorefTrainConfig(1, 60, 3e-3f, 5, 0f, 1f, 0f, 0, 0, 0);
  }

  /**
   * The shipped LitBank model's recipe: 3000 crops of 1024 tokens (about 18 passes over the 80
   * training documents), AdamW at 1e-3 with 100 warm-up steps and cosine decay, EMA 0.99.
   */
  public static CorefTrainConfig litbank() {
    return new CorefTrainConfig(2021, 3000, 1e-3f, 100, 0.01f, 1f, 0.99f, 1024, 250, 250);
  }
}
