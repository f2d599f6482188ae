package dev.mediagen.edit;

import dev.mediagen.world.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Batch evaluation of an {@link Editor} on fixed example sets: per-task success, preservation,
 * exact rate, IoU, L1 and feature similarity ({@link TaskSummary}), emitted as a table or CSV — the
 * ShapesWorld analogue of the Emu Edit benchmark (papers-media.md §3.3).
 */
public final class EditBenchmark {
  private final EditMetrics metrics;

  public EditBenchmark() {
    this(new EditMetrics());
  }

  public EditBenchmark(EditMetrics metrics) {
    this.metrics = metrics;
  }

  /** {@code perTask} fixed examples of each of {@code tasks} from {@code split}. */
  public static List<EditExample> suite(
      EditTasks source, List<EditTask> tasks, Split split, int perTask, long seed) {
    List<EditExample> out = new ArrayList<>();
    for (EditTask t : tasks) {
      out.addAll(source.testSet(t, split, perTask, seed));
    }
    return out;
  }

  /** Scores of {@code editor} on every example, in order. */
  public List<EditScore> scores(List<EditExample> examples, Editor editor) {
    List<EditScore> out = new ArrayList<>(examples.size());
    for (EditExample ex : examples) {
      out.add(metrics.score(ex, editor.edit(ex)));
    }
    return out;
  }

  /** Per-task summaries of {@code editor} on {@code examples}, in task order. */
  public List<TaskSummary> run(List<EditExample> examples, Editor editor) {
    return summarize(scores(examples, editor));
  }

  /** Groups scores by task, in task order. */
  public static List<TaskSummary> summarize(List<EditScore> scores) {
    Map<EditTask, List<EditScore>> byTask = new EnumMap<>(EditTask.class);
    for (EditScore s : scores) {
      byTask.computeIfAbsent(s.task(), k -> new ArrayList<>()).add(s);
    }
    List<TaskSummary> out = new ArrayList<>();
    byTask.forEach((task, list) -> out.add(TaskSummary.of(task, list)));
    return out;
  }

  /** The summaries as CSV with a header line. */
  public static String csv(List<TaskSummary> rows) {
    StringBuilder b = new StringBuilder(TaskSummary.CSV_HEADER).append('\n');
    for (TaskSummary r : rows) {
      b.append(r.csv()).append('\n');
    }
    return b.toString();
  }
}
