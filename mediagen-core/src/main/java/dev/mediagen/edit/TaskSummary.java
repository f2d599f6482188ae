package dev.mediagen.edit;

import java.util.List;

/**
 * Per-task means of {@link EditScore}s, the rows of the benchmark table (Emu Edit reports its
 * metrics per task, papers-media.md §3.3). Means skip NaN entries; a column with no defined entry
 * is NaN.
 *
 * @param task the task
 * @param n number of examples
 * @param success fraction of examples whose edit happened
 * @param preserved fraction of examples (with something untouched) whose untouched part survived
 * @param exact fraction read exactly (see {@link EditScore#exact()})
 * @param overlap mean IoU / changed-pixel accuracy (NaN for SCENE tasks)
 * @param l1Target mean L1 to the target
 * @param l1Source mean L1 to the source (Emu Edit's L1)
 * @param featureTarget mean feature cosine to the target
 * @param featureSource mean feature cosine to the source (Emu Edit's DINO stand-in)
 */
public record TaskSummary(
    EditTask task,
    int n,
    double success,
    double preserved,
    double exact,
    double overlap,
    double l1Target,
    double l1Source,
    double featureTarget,
    double featureSource) {

  /** CSV header matching {@link #csv()}. */
  public static final String CSV_HEADER =
      "task,n,success,preserved,exact,overlap,l1_target,l1_source,feature_target,feature_source";

  /** Summary of {@code scores}, all of task {@code task}. */
  public static TaskSummary of(EditTask task, List<EditScore> scores) {
    return new TaskSummary(
        task,
        scores.size(),
        mean(scores, s -> s.success() ? 1 : 0),
        mean(scores, EditScore::preserved),
        mean(scores, s -> s.exact() ? 1 : 0),
        mean(scores, EditScore::overlap),
        mean(scores, EditScore::l1Target),
        mean(scores, EditScore::l1Source),
        mean(scores, EditScore::featureTarget),
        mean(scores, EditScore::featureSource));
  }

  /** One CSV row, 4 decimals, NaN written as empty. */
  public String csv() {
    StringBuilder b = new StringBuilder(task.id()).append(',').append(n);
    for (double v :
        new double[] {
          success, preserved, exact, overlap, l1Target, l1Source, featureTarget, featureSource
        }) {
      b.append(',').append(Double.isNaN(v) ? "" : "%.4f".formatted(v));
    }
    return b.toString();
  }

  private static double mean(
      List<EditScore> scores, java.util.function.ToDoubleFunction<EditScore> f) {
    double sum = 0;
    int n = 0;
    for (EditScore s : scores) {
      double v = f.applyAsDouble(s);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
