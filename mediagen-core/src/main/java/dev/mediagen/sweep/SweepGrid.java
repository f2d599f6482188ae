package dev.mediagen.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid of the params-vs-examples study (papers-language.md §4.1): task formats × model sizes ×
 * training-set sizes × seeds. The paper's own values are {@link #paper()} (T5 v1.1 small…xxl, n ∈
 * {32, 128, 512, 2048}, seeds 42–46); its per-cell learning-rate × weight-decay × min-steps search
 * belongs to the runner. Model sizes are names here; the runner maps them to configurations and
 * reports parameter counts with each result.
 */
public record SweepGrid(
    List<TaskFormat> formats, List<String> models, List<Integer> sizes, List<Integer> seeds) {

  public static final List<Integer> PAPER_SIZES = List.of(32, 128, 512, 2048);
  public static final List<Integer> PAPER_SEEDS = List.of(42, 43, 44, 45, 46);

  public SweepGrid {
    formats = List.copyOf(formats);
    models = List.copyOf(models);
    sizes = List.copyOf(sizes);
    seeds = List.copyOf(seeds);
    if (formats.isEmpty() || models.isEmpty() || sizes.isEmpty() || seeds.isEmpty()) {
      throw new IllegalArgumentException(
          "grid needs at least one format, model, size and seed; got %d, %d, %d, %d"
              .formatted(formats.size(), models.size(), sizes.size(), seeds.size()));
    }
    for (int n : sizes) {
      if (n < 2) {
        throw new IllegalArgumentException(
            "training-set size must be >= 2 (train + dev), got " + n);
      }
    }
    if (models.stream().distinct().count() != models.size()) {
      throw new IllegalArgumentException("model names must be distinct, got " + models);
    }
  }

  /** The paper's grid: 4 formats × T5 v1.1 small/base/large/xl/xxl × 4 sizes × 5 seeds. */
  public static SweepGrid paper() {
    return new SweepGrid(
        List.of(TaskFormat.values()),
        List.of("t5-v1_1-small", "t5-v1_1-base", "t5-v1_1-large", "t5-v1_1-xl", "t5-v1_1-xxl"),
        PAPER_SIZES,
        PAPER_SEEDS);
  }

  /** Every cell, format-major, then model, size, seed. */
  public List<SweepCell> cells() {
    List<SweepCell> out = new ArrayList<>();
    for (TaskFormat f : formats) {
      for (String m : models) {
        for (int n : sizes) {
          for (int seed : seeds) {
            out.add(new SweepCell(f, m, n, seed));
          }
        }
      }
    }
    return out;
  }
}
