package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The trivial baselines a coreference model must beat (feature 3.8 of the s2e brief).
 *
 * <p>Both take a set of mentions and only decide how to cluster them. Given the <em>gold</em>
 * mentions (the spans of the key's clusters, singletons included) they isolate the clustering
 * decision, which is the "gold mentions" setting; published "exact match" baselines differ in this
 * choice (some cluster only proper-noun or predicted mentions), so scores are comparable only under
 * the same mentions. Passing predicted mentions instead gives the end-to-end version.
 */
public final class CorefBaselines {

  private CorefBaselines() {}

  /** Every mention its own cluster, in reading order; duplicates collapse to one. */
  public static List<List<Mention>> allSingletons(Collection<Mention> mentions) {
    List<List<Mention>> out = new ArrayList<>();
    for (Mention m : new TreeSet<>(mentions)) {
      out.add(List.of(m));
    }
    return out;
  }

  /**
   * Mentions whose surface text is identical after lower-casing (tokens joined by single spaces,
   * {@link Locale#ROOT}) form one cluster; clusters and their mentions in reading order. "He" and
   * "he" merge, "Mr. Darcy" and "Darcy" do not.
   */
  public static List<List<Mention>> exactStringMatch(
      List<String> tokens, Collection<Mention> mentions) {
    Map<String, List<Mention>> byText = new LinkedHashMap<>();
    for (Mention m : new TreeSet<>(mentions)) {
      if (m.end() >= tokens.size()) {
        throw new IllegalArgumentException(
            "mention "
                + m
                + " ends past the last token (allowed range 0.."
                + (tokens.size() - 1)
                + ")");
      }
      String text =
          String.join(" ", tokens.subList(m.start(), m.end() + 1)).toLowerCase(Locale.ROOT);
      byText.computeIfAbsent(text, t -> new ArrayList<>()).add(m);
    }
    return new ArrayList<>(byText.values());
  }

  /** {@link #allSingletons} over the document's gold mentions, as a prediction for it. */
  public static CorefDocument allSingletons(CorefDocument gold) {
    return gold.withClusters(allSingletons(gold.mentions()));
  }

  /** {@link #exactStringMatch} over the document's gold mentions, as a prediction for it. */
  public static CorefDocument exactStringMatch(CorefDocument gold) {
    return gold.withClusters(exactStringMatch(gold.tokens(), gold.mentions()));
  }
}
