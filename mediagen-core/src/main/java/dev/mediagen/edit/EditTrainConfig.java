package dev.mediagen.edit;

/**
 * Emu Edit's training recipe at our scale: multi-task instruction editing with condition dropout for dual
 * classifier-free guidance (InstructPix2Pix drops the image, the text, or both, 5% each).
 *
 * @param batch examples per step
 * @param lr peak AdamW learning rate
 * @param warmup warm-up steps
 * @param totalSteps cosine schedule length
 * @param dropImage probability of replacing the source image by zeros
 * @param dropText probability of dropping the instruction (and task: the null task)
 * @param dropBoth probability of dropping both
 * @param emaDecay EMA decay
 * @param seed run seed
 * @param checkpointEvery steps between checkpoints
 */
public record EditTrainConfig(
    int batch, float lr, int warmup, long totalSteps, double dropImage, double dropText, double dropBoth,
    float emaDecay, long seed, int checkpointEvery) {
  public EditTrainConfig {
    if (batch < 1) throw new IllegalArgumentException("batch %d must be >= 1".formatted(batch));
    if (dropImage + dropText + dropBoth >= 1) throw new IllegalArgumentException("condition dropout probabilities must sum to < 1");
  }

  public static EditTrainConfig tiny() {
    return new EditTrainConfig(8, 2e-3f, 5, 100, 0.05, 0.05, 0.05, 0.9f, 5, 0);
  }

  public static EditTrainConfig small() {
    return new EditTrainConfig(32, 1.5e-3f, 500, 12_000, 0.05, 0.05, 0.05, 0.999f, 4242, 500);
  }
}
