package dev.mediagen.edit;

import dev.mediagen.world.Split;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A weighted mixture of tasks for multi-task training (Emu Edit trains one model on all its tasks,
 * papers-media.md §3.2): each draw picks a task with probability proportional to its weight, then
 * an example of it.
 *
 * @param weights non-negative weight per task (missing tasks have weight 0); positive sum
 */
public record EditMix(Map<EditTask, Double> weights) {

  public EditMix {
    weights = Map.copyOf(weights);
    double sum = 0;
    for (Map.Entry<EditTask, Double> e : weights.entrySet()) {
      double w = e.getValue();
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException(
            "weight %s of task %s must be finite and >= 0".formatted(w, e.getKey().id()));
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException(
          "task weights %s must have a positive sum".formatted(weights));
    }
  }

  /** Equal weight on each of {@code tasks}. */
  public static EditMix uniform(List<EditTask> tasks) {
    Map<EditTask, Double> w = new EnumMap<>(EditTask.class);
    for (EditTask t : tasks) {
      w.put(t, 1.0);
    }
    return new EditMix(w);
  }

  /** Equal weight on the 13 training tasks; the held-out tasks get none. */
  public static EditMix training() {
    return uniform(EditTask.training());
  }

  /** A task drawn by weight (tasks visited in enum order, so draws are reproducible). */
  public EditTask task(SplittableRandom rng) {
    double sum = 0;
    for (EditTask t : EditTask.values()) {
      sum += weights.getOrDefault(t, 0.0);
    }
    double u = rng.nextDouble() * sum;
    EditTask last = null;
    for (EditTask t : EditTask.values()) {
      double w = weights.getOrDefault(t, 0.0);
      if (w > 0) {
        last = t;
        u -= w;
        if (u < 0) {
          return t;
        }
      }
    }
    return last;
  }

  /** A task drawn by weight, then an example of it. */
  public EditExample sample(EditTasks tasks, SplittableRandom rng, Split split) {
    return tasks.sample(task(rng), rng, split);
  }
}
