package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a trained {@link S2eCoref} into predicted documents, in the two settings the evaluation
 * reports.
 *
 * <ul>
 *   <li>{@link Setting#END_TO_END}: the model finds its own mentions (pruning, then decoding; with
 *       singletons when the model scores them).
 *   <li>{@link Setting#GOLD_MENTIONS}: the gold mentions are the candidates (no pruning) and the
 *       model only links them; every gold mention is output, unlinked ones as singletons, so the
 *       result is comparable with the heuristic baselines over gold mentions.
 * </ul>
 */
public final class CorefDecoding {
  /** Where the candidate mentions come from. */
  public enum Setting {
    END_TO_END,
    GOLD_MENTIONS
  }

  private CorefDecoding() {}

  /** The document with predicted clusters. */
  public static CorefDocument predict(
      S2eCoref model, ParameterStore ps, NDManager root, CorefDocument doc, float[] states, Setting setting) {
    return doc.withClusters(
        clusters(model, ps, root, doc.tokens(), states, setting == Setting.GOLD_MENTIONS ? doc.mentions() : null));
  }

  /**
   * Predicted clusters of a document.
   *
   * @param words the document's words (their count is the number of token states)
   * @param goldMentions the candidate mentions (gold-mention setting), or null (end to end)
   */
  public static List<List<Mention>> clusters(
      S2eCoref model, ParameterStore ps, NDManager root, List<String> words, float[] states, List<Mention> goldMentions) {
    int tokens = words.size();
    if (tokens == 0) {
      return List.of();
    }
    int dim = states.length / tokens;
    try (NDManager m = root.newSubManager()) {
      NDArray x = Tensors.floats(m, states, new Shape(tokens, dim));
      List<Mention> spans = goldMentions == null ? null : new ArrayList<>(new TreeSet<>(goldMentions));
      S2eCoref.Prediction p = model.predict(ps, x, spans, words);
      if (goldMentions == null) {
        return p.clusters(model.config().predictsSingletons());
      }
      List<List<Mention>> linked = p.clusters(false);
      TreeSet<Mention> used = new TreeSet<>();
      linked.forEach(used::addAll);
      List<List<Mention>> out = new ArrayList<>(linked);
      for (Mention mention : spans) {
        if (!used.contains(mention)) {
          out.add(List.of(mention)); // every gold mention is output
        }
      }
      out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
      return out;
    }
  }
}
