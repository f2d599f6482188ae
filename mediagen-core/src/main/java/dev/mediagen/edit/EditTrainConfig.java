package dev.mediagen.edit;

import java.util.List;

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
 * @param tasks the tasks trained on, by id (empty: every training task; one task: a single-task expert)
 */
public record EditTrainConfig(
    int batch, float lr, int warmup, long totalSteps, double dropImage, double dropText, double dropBoth,
    float emaDecay, long seed, int checkpointEvery, List<String> tasks) {
  public EditTrainConfig {
    if (batch < 1) throw new IllegalArgumentException("batch %d must be >= 1".formatted(batch));
    if (dropImage + dropText + dropBoth >= 1) throw new IllegalArgumentException("condition dropout probabilities must sum to < 1");
    if (lr <= 0 || warmup < 0 || totalSteps < 1) {
      throw new IllegalArgumentException("lr %s must be > 0, warmup %d >= 0, totalSteps %d >= 1".formatted(lr, warmup, totalSteps));
    }
    tasks = tasks == null ? List.of() : List.copyOf(tasks); // null: a checkpoint written before the field existed
    tasks.forEach(EditTask::of); // names an unknown task
  }

  /** Every training task. */
  public EditTrainConfig(int batch, float lr, int warmup, long totalSteps, double dropImage, double dropText,
      double dropBoth, float emaDecay, long seed, int checkpointEvery) {
    this(batch, lr, warmup, totalSteps, dropImage, dropText, dropBoth, emaDecay, seed, checkpointEvery, List.of());
  }

  /** The same recipe with another learning-rate schedule. */
  public EditTrainConfig withSchedule(float lr, int warmup, long totalSteps) {
    return new EditTrainConfig(batch, lr, warmup, totalSteps, dropImage, dropText, dropBoth, emaDecay, seed, checkpointEvery, tasks);
  }

  /** The same recipe on other tasks (empty: every training task). */
  public EditTrainConfig withTasks(List<String> ids) {
    return new EditTrainConfig(batch, lr, warmup, totalSteps, dropImage, dropText, dropBoth, emaDecay, seed, checkpointEvery, ids);
  }

  /** The task mixture: uniform over {@link #tasks}, or over every training task. */
  public EditMix mix() {
    return tasks.isEmpty() ? EditMix.training() : EditMix.uniform(tasks.stream().map(EditTask::of).toList());
  }

  public static EditTrainConfig tiny() {
    return new EditTrainConfig(8, 2e-3f, 5, 100, 0.05, 0.05, 0.05, 0.9f, 5, 0);
  }

  public static EditTrainConfig small() {
    return new EditTrainConfig(32, 1.5e-3f, 500, 12_000, 0.05, 0.05, 0.05, 0.999f, 4242, 500);
  }
}
