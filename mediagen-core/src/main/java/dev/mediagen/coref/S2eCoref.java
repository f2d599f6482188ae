package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Tensors;
import java.util.List;
import java.util.SplittableRandom;

/**
 * s2e — coreference resolution without span representations (Kirstain, Ram and Levy, ACL 2021;
 * papers-language.md §3), over a frozen pretrained encoder.
 *
 * <pre>
 *   frozen MiniLM word states (T, 768)            WordStates: contextual (512-piece windows, mean of
 *                                                 pieces) ‖ type (the word alone)
 *     → DocumentEncoder (T, D)                    projection + sinusoidal positions + local-attention
 *                                                 EncoderLayers
 *     → FC heads m^s, m^e, a^s, a^e (T, F)        FC(x) = Dropout(LayerNorm(GELU(Wx + b)))
 *     → MentionScorer f_m band (T, L)             v_s·m^s + v_e·m^e + m^s·B_m·m^e, s ≤ e < s + L
 *     → MentionPruner top ⌊λT⌋ spans (k)          document order
 *     → AntecedentScorer f_a (k, k)               four bilinears of a^s / a^e
 *     → F(c, q) = f_m(c) + f_m(q) + f_a(c, q)     c before q; ε column fixed at 0 → (k, k + 1)
 *                 [+ w · StringMatch(c, q)]      optional exact/head-match indicators (not in the paper)
 *     → S2eLoss (training) / GreedyDecoder (inference)
 * </pre>
 *
 * <p>No tensor holds a vector per span or per span pair: memory is O(T·D) token states, O(T·L)
 * mention scores and O(k²) pair scores, the point of the paper. Differences from the reference,
 * each forced by CPU scale and documented where it lives:
 *
 * <ul>
 *   <li>a frozen MiniLM under our own trainable layers instead of a fine-tuned Longformer-large
 *       ({@link WordStates}, {@link DocumentEncoder}); the layers attend locally (Longformer's
 *       sliding window, as shifted blocks) and get sinusoidal document positions (Longformer's
 *       absolute positions), and the input adds MiniLM's state of each word alone;
 *   <li>tokens are CoNLL words (word-piece states pooled per word), so L counts words;
 *   <li>the bilinear forms are used as x·B·y/F, a reparametrisation that keeps Adam stable ({@link
 *       MentionScorer#bilinear});
 *   <li>one document (crop) per step, dropout 0.1, a far shorter schedule;
 *   <li>an optional mention loss, and singletons in decoding, for data that annotates singletons
 *       ({@link S2eConfig#mentionLossWeight()}).
 * </ul>
 */
public final class S2eCoref extends Module {
  /** Query rows scored at once by {@link #predict} (bounds its memory on long documents). */
  static final int PREDICT_ROWS = 1024;

  private final S2eConfig config;
  private final DocumentEncoder encoder;
  private final FcHead startMention;
  private final FcHead endMention;
  private final FcHead startCoref;
  private final FcHead endCoref;
  private final MentionScorer mentionScorer;
  private final AntecedentScorer antecedentScorer;
  private final Parameter stringWeights; // (StringMatch.FEATURES), null without string features

  public S2eCoref(S2eConfig c) {
    this.config = c;
    this.encoder = module("encoder", new DocumentEncoder(c));
    this.startMention = module("start_mention_mlp", new FcHead(c.hidden(), c.ffnnSize(), c.dropout()));
    this.endMention = module("end_mention_mlp", new FcHead(c.hidden(), c.ffnnSize(), c.dropout()));
    this.startCoref = module("start_coref_mlp", new FcHead(c.hidden(), c.ffnnSize(), c.dropout()));
    this.endCoref = module("end_coref_mlp", new FcHead(c.hidden(), c.ffnnSize(), c.dropout()));
    this.mentionScorer = module("mention", new MentionScorer(c.ffnnSize(), c.maxSpanLength()));
    this.antecedentScorer = module("antecedent", new AntecedentScorer(c.ffnnSize()));
    this.stringWeights = c.stringFeatures() ? param("string_match", Init.ZEROS, StringMatch.FEATURES) : null;
  }

  public S2eConfig config() {
    return config;
  }

  /** The four token heads over the encoded document, each (T, F). */
  private record Heads(NDArray ms, NDArray me, NDArray as, NDArray ae) {}

  private Heads heads(ParameterStore ps, NDArray states, int first, boolean training, SplittableRandom rng) {
    NDArray x = encoder.forward(ps, states, first, training, rng); // (T, D)
    return new Heads(
        startMention.forward(ps, x, training, rng), // (T, F) m^s
        endMention.forward(ps, x, training, rng), // (T, F) m^e
        startCoref.forward(ps, x, training, rng), // (T, F) a^s
        endCoref.forward(ps, x, training, rng)); // (T, F) a^e
  }

  /** {@link #forward(ParameterStore, NDArray, int, List, boolean, SplittableRandom)} of a whole document. */
  public CorefOutput forward(
      ParameterStore ps, NDArray states, List<Mention> spans, boolean training, SplittableRandom rng) {
    return forward(ps, states, 0, spans, training, rng);
  }

  /**
   * The full forward pass (training and evaluation).
   *
   * @param states (T, inputDim) frozen token states
   * @param firstPosition document position of the first token (a training crop's offset, else 0)
   * @param spans candidate spans in document order (e.g. gold mentions), or null to prune
   * @param rng dropout generator, or null for no dropout
   */
  public CorefOutput forward(
      ParameterStore ps, NDArray states, int firstPosition, List<Mention> spans, boolean training,
      SplittableRandom rng) {
    return forward(ps, states, firstPosition, spans, null, training, rng);
  }

  /**
   * {@link #forward(ParameterStore, NDArray, int, List, boolean, SplittableRandom)} with the words the states
   * belong to, which a model with string features needs (null otherwise).
   */
  public CorefOutput forward(
      ParameterStore ps, NDArray states, int firstPosition, List<Mention> spans, List<String> words, boolean training,
      SplittableRandom rng) {
    int t = Math.toIntExact(states.getShape().get(0));
    requireWords(words, t);
    Heads h = heads(ps, states, firstPosition, training, rng);
    NDArray band = mentionScorer.forward(ps, h.ms(), h.me(), training); // (T, L)
    List<Mention> kept = spans != null ? spans : prune(band, t);
    int k = kept.size();
    int[] starts = kept.stream().mapToInt(Mention::start).toArray();
    int[] ends = kept.stream().mapToInt(Mention::end).toArray();
    NDManager m = states.getManager();
    if (k == 0) {
      return new CorefOutput(kept, band, m.zeros(new Shape(0)), m.zeros(new Shape(0, 1)));
    }
    NDArray fm = mentionScorer.spanScores(ps, h.ms(), h.me(), starts, ends, training); // (k)
    NDArray as = Gather.rows(h.as(), starts); // (k, F)
    NDArray ae = Gather.rows(h.ae(), ends); // (k, F)
    NDArray logits = pairLogits(ps, as, ae, fm.reshape(k, 1), as, ae, fm, 0, new Surface(words, starts, ends), training); // (k, k + 1)
    return new CorefOutput(kept, band, fm, logits);
  }

  /** Inference: candidate spans, their f_m and each one's greedy antecedent (host arrays). */
  public record Prediction(List<Mention> spans, float[] mentionScores, int[] antecedents) {
    /** Decoded clusters; singletons when the model was trained to score them. */
    public List<List<Mention>> clusters(boolean singletons) {
      return GreedyDecoder.clusters(spans, antecedents, mentionScores, singletons);
    }
  }

  /**
   * Inference over a document of any length: like {@link #forward} without dropout, but the (k, k+1)
   * scores are computed and decoded {@value #PREDICT_ROWS} query rows at a time, so memory stays
   * O(k·rows). Intermediate arrays live on a sub-manager of {@code states}' manager, closed here.
   */
  public Prediction predict(ParameterStore ps, NDArray states, List<Mention> spans) {
    return predict(ps, states, spans, null, PREDICT_ROWS);
  }

  /** {@link #predict(ParameterStore, NDArray, List)} with the document's words (needed with string features). */
  public Prediction predict(ParameterStore ps, NDArray states, List<Mention> spans, List<String> words) {
    return predict(ps, states, spans, words, PREDICT_ROWS);
  }

  /** {@link #predict} with {@code chunk} query rows at a time. */
  Prediction predict(ParameterStore ps, NDArray states, List<Mention> spans, List<String> words, int chunk) {
    int t = Math.toIntExact(states.getShape().get(0));
    requireWords(words, t);
    try (NDManager m = states.getManager().newSubManager()) {
      NDArray x = states.duplicate();
      x.attach(m);
      Heads h = heads(ps, x, 0, false, null);
      List<Mention> kept = spans != null ? spans : prune(mentionScorer.forward(ps, h.ms(), h.me(), false), t);
      int k = kept.size();
      int[] starts = kept.stream().mapToInt(Mention::start).toArray();
      int[] ends = kept.stream().mapToInt(Mention::end).toArray();
      if (k == 0) {
        return new Prediction(kept, new float[0], new int[0]);
      }
      NDArray fm = mentionScorer.spanScores(ps, h.ms(), h.me(), starts, ends, false); // (k)
      NDArray as = Gather.rows(h.as(), starts); // (k, F)
      NDArray ae = Gather.rows(h.ae(), ends); // (k, F)
      int[] antecedents = new int[k];
      for (int a = 0; a < k; a += chunk) {
        int b = Math.min(k, a + chunk);
        try (NDManager rows = m.newSubManager()) {
          NDArray qs = as.get("{}:{}", a, b); // (R, F) queries of this chunk
          NDArray qe = ae.get("{}:{}", a, b);
          NDArray fq = fm.get("{}:{}", a, b).reshape(b - a, 1);
          for (NDArray q : List.of(qs, qe, fq)) {
            q.attach(rows); // the chunk's intermediates follow their first operand
          }
          NDArray logits = pairLogits(ps, qs, qe, fq, as, ae, fm, a, new Surface(words, starts, ends), false); // (R, k + 1)
          int[] best = GreedyDecoder.antecedents(logits.toFloatArray(), b - a, k);
          System.arraycopy(best, 0, antecedents, a, b - a);
        }
      }
      return new Prediction(kept, fm.toFloatArray(), antecedents);
    }
  }

  /**
   * Query rows {@code a, a + 1, ...} of F(c, q) = f_m(c) + f_m(q) + f_a(c, q) for c < q, other
   * entries {@link MentionScorer#INVALID}, with the null column 0 appended.
   *
   * @param qs (R, F) a^s of the queries; qe (R, F) a^e; fq (R, 1) their f_m
   * @param as (k, F) a^s of all candidates; ae (k, F) a^e; fm (k) their f_m
   * @param surface the candidates' words, for string features
   * @return (R, k + 1)
   */
  private NDArray pairLogits(
      ParameterStore ps, NDArray qs, NDArray qe, NDArray fq, NDArray as, NDArray ae, NDArray fm, int a,
      Surface surface, boolean training) {
    int k = Math.toIntExact(fm.getShape().get(0));
    int r = Math.toIntExact(qs.getShape().get(0));
    NDManager m = qs.getManager();
    NDArray fa = antecedentScorer.forward(ps, qs, qe, as, ae, training); // (R, k)
    NDArray pair = fa.add(fq).add(fm.reshape(1, k)); // (R, k)
    if (stringWeights != null) {
      float[][] f = StringMatch.features(surface.words(), surface.starts(), surface.ends(), a, r); // [feature][R·k]
      NDArray w = value(ps, stringWeights, pair, training); // (FEATURES)
      for (int i = 0; i < f.length; i++) {
        pair = pair.add(Tensors.floats(m, f[i], new Shape(r, k)).mul(w.get(i))); // + w_i · match_i(c, q)
      }
    }
    float[] keep = new float[r * k];
    float[] fill = new float[r * k];
    for (int q = 0; q < r; q++) {
      for (int c = 0; c < k; c++) {
        boolean earlier = c < a + q;
        keep[q * k + c] = earlier ? 1f : 0f;
        fill[q * k + c] = earlier ? 0f : MentionScorer.INVALID;
      }
    }
    Shape shape = new Shape(r, k);
    NDArray masked = pair.mul(Tensors.floats(m, keep, shape)).add(Tensors.floats(m, fill, shape));
    return NDArrays.concat(new NDList(masked, m.zeros(new Shape(r, 1))), 1); // (R, k + 1), ε = 0
  }

  /** The words and candidate spans behind a score chunk (words null without string features). */
  private record Surface(List<String> words, int[] starts, int[] ends) {}

  private void requireWords(List<String> words, int tokens) {
    if (stringWeights == null) return;
    if (words == null) throw new IllegalArgumentException("this model scores string matches and needs the document's words");
    if (words.size() != tokens) throw new IllegalArgumentException("%d words for %d token states".formatted(words.size(), tokens));
  }

  private List<Mention> prune(NDArray band, int t) {
    return MentionPruner.prune(band.toFloatArray(), t, config.maxSpanLength(), config.topLambda());
  }
}
