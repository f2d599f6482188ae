package dev.mediagen.sweep;

/**
 * One cell of the params-vs-examples grid (papers-language.md §4.1): a task format, a model size, a
 * number of training examples and a seed. The runner does its inner hyper-parameter search and
 * checkpoint selection inside the cell.
 */
public record SweepCell(TaskFormat format, String model, int n, int seed) {

  public SweepCell {
    if (format == null || model == null || model.isBlank()) {
      throw new IllegalArgumentException("cell needs a format and a model name");
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
  }

  /** {@code FORMAT/model/n/seed}, unique per cell. */
  public String key() {
    return format + "/" + model + "/" + n + "/" + seed;
  }
}
