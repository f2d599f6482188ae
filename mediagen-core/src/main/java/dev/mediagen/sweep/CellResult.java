package dev.mediagen.sweep;

import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one {@link SweepCell}: the model's parameter count (for the scaling fit), the
 * primary test score of the format (accuracy, EM or F1 in percent) and any further metrics by name.
 */
public record CellResult(SweepCell cell, long params, double score, Map<String, Double> metrics) {

  public CellResult {
    if (cell == null) {
      throw new IllegalArgumentException("result needs its cell");
    }
    if (params < 1) {
      throw new IllegalArgumentException("params must be >= 1, got " + params);
    }
    metrics = metrics == null ? Map.of() : Map.copyOf(new TreeMap<>(metrics));
  }
}
