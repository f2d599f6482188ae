package dev.mediagen.edit;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an instruction touches, so that {@link EditMetrics} can score the edited part and the
 * preserved part separately (Emu Edit's two goals: do the edit, keep everything else).
 *
 * @param sourceObjects indices of source objects the instruction names or changes (for DETECT and
 *     SEGMENT: the named object)
 * @param targetObjects indices of target-scene objects that are new or changed (empty for pixel
 *     tasks)
 * @param background whether the background colour is part of the edit
 * @param text whether the visual text is part of the edit
 */
public record EditFocus(
    Set<Integer> sourceObjects, Set<Integer> targetObjects, boolean background, boolean text) {

  public EditFocus {
    sourceObjects = Set.copyOf(Objects.requireNonNull(sourceObjects, "sourceObjects"));
    targetObjects = Set.copyOf(Objects.requireNonNull(targetObjects, "targetObjects"));
  }

  /** An edit of one source object that stays at target index {@code target} (-1: removed). */
  static EditFocus object(int source, int target) {
    return new EditFocus(Set.of(source), target < 0 ? Set.of() : Set.of(target), false, false);
  }

  /** An edit of every object of an {@code n}-object scene (and optionally background/text). */
  static EditFocus all(int n, boolean background, boolean text) {
    Set<Integer> idx = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      idx.add(i);
    }
    return new EditFocus(idx, idx, background, text);
  }
}
