package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Embedding;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The span-representation coreference model that s2e replaces (Lee et al. 2017 "e2e-coref" with
 * Lee et al. 2018's coarse-to-fine antecedent pruning, "c2f"), over the same frozen states and
 * {@link DocumentEncoder}. Used by the memory benchmark ({@link CorefMemoryBench}); it is not
 * trained here.
 *
 * <pre>
 *   candidates: every span of ≤ L tokens inside one sentence (N spans, as c2f)
 *   g_i = [x_s; x_e; Σ_t softmax(α_t)·x_t; φ(width)]            span vectors (N, 3D + f)
 *   s_m(i) = FFNN_m(g_i); keep the top ⌊λT⌋                      (k, 3D + f)
 *   s_c(i, j) = g_i·W_c·g_j; keep the top K antecedents per span  (k, K)
 *   s_a(i, j) = FFNN_a([g_i; g_j; g_i∘g_j; φ(distance)])          pair vectors (k, K, 3(3D + f) + f)
 *   s(i, j) = s_m(i) + s_m(j) + s_c(i, j) + s_a(i, j); ε = 0     (k, K + 1)
 * </pre>
 *
 * The head attention gathers every span's token vectors into an (N, L, D) tensor, as e2e-coref's
 * {@code get_span_emb} does, and the pair FFNN reads a (k, K, ·) tensor of pair vectors: these are
 * the O(N·L·D) and O(k·K·d) memories that s2e avoids.
 */
public final class SpanPairBaseline extends Module {
  private final SpanPairConfig config;
  private final DocumentEncoder encoder;
  private final Dense headScore;
  private final Embedding width;
  private final Dense mentionHidden;
  private final Dense mentionOut;
  private final Dense coarse;
  private final Embedding distance;
  private final Dense pairHidden;
  private final Dense pairOut;

  public SpanPairBaseline(SpanPairConfig c) {
    this.config = c;
    S2eConfig e = c.encoder();
    int g = c.spanDim();
    this.encoder = module("encoder", new DocumentEncoder(e));
    this.headScore = module("head_score", new Dense(e.hidden(), 1));
    this.width = module("width_emb", new Embedding(e.maxSpanLength(), c.featureDim()));
    this.mentionHidden = module("mention_ffnn.0", new Dense(g, c.ffnnSize()));
    this.mentionOut = module("mention_ffnn.1", new Dense(c.ffnnSize(), 1));
    this.coarse = module("coarse_bilinear", new Dense(g, g));
    this.distance = module("distance_emb", new Embedding(DISTANCE_BUCKETS, c.featureDim()));
    this.pairHidden = module("pair_ffnn.0", new Dense(3 * g + c.featureDim(), c.ffnnSize()));
    this.pairOut = module("pair_ffnn.1", new Dense(c.ffnnSize(), 1));
  }

  static final int DISTANCE_BUCKETS = 10;

  /**
   * Scores of one document.
   *
   * @param spans the kept spans (k), document order
   * @param antecedents (k · K) index of each kept span's j-th antecedent among the kept spans
   * @param logits (k, K + 1) s(i, j) with invalid antecedents at {@link MentionScorer#INVALID}, ε last
   */
  public record Output(List<Mention> spans, int[] antecedents, NDArray logits) {}

  /**
   * @param states (T, inputDim) frozen token states
   * @param sentenceStarts first token of each sentence (candidates never cross a sentence border)
   * @param rng dropout generator, or null
   */
  public Output forward(ParameterStore ps, NDArray states, int[] sentenceStarts, boolean training, SplittableRandom rng) {
    S2eConfig e = config.encoder();
    int t = Math.toIntExact(states.getShape().get(0));
    int l = e.maxSpanLength();
    NDArray x = encoder.forward(ps, states, 0, training, rng); // (T, D)
    int[][] cand = candidates(t, l, sentenceStarts); // {starts, ends}
    int n = cand[0].length;
    int[] tokens = new int[n * l]; // token j of span i, clipped to its end
    float[] pad = new float[n * l];
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = cand[1][i] - cand[0][i];
      for (int j = 0; j < l; j++) {
        tokens[i * l + j] = Math.min(cand[0][i] + j, cand[1][i]);
        pad[i * l + j] = cand[0][i] + j <= cand[1][i] ? 0f : MentionScorer.INVALID;
      }
    }
    NDManager m = states.getManager();
    NDArray alpha = Gather.rows(headScore.forward(ps, x, training), tokens).reshape(n, l); // (N, L)
    alpha = alpha.add(Tensors.floats(m, pad, new Shape(n, l))).softmax(1).expandDims(2); // (N, L, 1)
    NDArray spanTokens = Gather.rows(x, tokens).reshape(n, l, e.hidden()); // (N, L, D)
    NDArray head = spanTokens.mul(alpha).sum(new int[] {1}); // (N, D)
    NDArray phi = width.forward(ps, Tensors.ints(m, widths, new Shape(n)), training); // (N, f)
    NDArray g = NDArrays.concat(new NDList(Gather.rows(x, cand[0]), Gather.rows(x, cand[1]), head, phi), 1);
    g = Dropout.apply(g, e.dropout(), rng); // (N, G)
    NDArray sm = ffnn(ps, mentionHidden, mentionOut, g, training, e.dropout(), rng).squeeze(1); // (N)
    int k = Math.min(n, MentionPruner.keep(t, e.topLambda()));
    int[] keep = topIndices(sm.toFloatArray(), k); // document order (candidates are ordered)
    List<Mention> spans = new ArrayList<>();
    for (int i : keep) {
      spans.add(new Mention(cand[0][i], cand[1][i]));
    }
    NDArray gk = Gather.rows(g, keep); // (k, G)
    NDArray smk = Gather.rows(sm.reshape(n, 1), keep); // (k, 1)
    NDArray sc = coarse.forward(ps, gk, training).matMul(gk.transpose()); // (k, k) g_i·W_c·g_j
    int kk = Math.min(config.maxAntecedents(), Math.max(1, k - 1));
    int[] ant = new int[k * kk];
    float[] valid = new float[k * kk];
    int[] buckets = new int[k * kk];
    float[] coarseHost = sc.add(smk.reshape(1, k)).toFloatArray(); // rank antecedents by s_c + s_m(j)
    for (int i = 0; i < k; i++) {
      int[] best = topIndices(Arrays.copyOfRange(coarseHost, i * k, i * k + i), Math.min(kk, i));
      for (int j = 0; j < kk; j++) {
        boolean ok = j < best.length;
        ant[i * kk + j] = ok ? best[j] : 0;
        valid[i * kk + j] = ok ? 1f : 0f;
        buckets[i * kk + j] = ok ? bucket(i - best[j]) : 0;
      }
    }
    NDArray gi = gk.expandDims(1).broadcast(k, kk, config.spanDim()); // (k, K, G)
    NDArray gj = Gather.rows(gk, ant).reshape(k, kk, config.spanDim()); // (k, K, G)
    NDArray dist = distance.forward(ps, Tensors.ints(m, buckets, new Shape(k, kk)), training); // (k, K, f)
    NDArray pairs = NDArrays.concat(new NDList(gi, gj, gi.mul(gj), dist), 2); // (k, K, 3G + f)
    NDArray sa = ffnn(ps, pairHidden, pairOut, pairs, training, e.dropout(), rng).squeeze(2); // (k, K)
    int[] rowCol = new int[k * kk];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < kk; j++) {
        rowCol[i * kk + j] = i * k + ant[i * kk + j];
      }
    }
    NDArray scAnt = Gather.rows(sc.reshape(k * k, 1), rowCol).reshape(k, kk); // (k, K)
    NDArray smAnt = Gather.rows(smk, ant).reshape(k, kk); // (k, K)
    NDArray score = sa.add(scAnt).add(smAnt).add(smk); // (k, K)
    float[] fill = new float[k * kk];
    for (int i = 0; i < fill.length; i++) {
      fill[i] = valid[i] > 0 ? 0f : MentionScorer.INVALID;
    }
    Shape shape = new Shape(k, kk);
    score = score.mul(Tensors.floats(m, valid, shape)).add(Tensors.floats(m, fill, shape));
    NDArray logits = NDArrays.concat(new NDList(score, m.zeros(new Shape(k, 1))), 1); // (k, K + 1)
    return new Output(spans, ant, logits);
  }

  private static NDArray ffnn(
      ParameterStore ps, Dense hidden, Dense out, NDArray x, boolean training, float p, SplittableRandom rng) {
    NDArray h = Activation.relu(hidden.forward(ps, x, training)); // one hidden layer, as BERT-era c2f
    return out.forward(ps, Dropout.apply(h, p, rng), training);
  }

  /** Candidate spans {starts, ends} of at most L tokens inside one sentence, in document order. */
  static int[][] candidates(int t, int l, int[] sentenceStarts) {
    int[] sentenceEnd = new int[t]; // last token of each token's sentence
    for (int i = 0; i < sentenceStarts.length; i++) {
      int end = i + 1 < sentenceStarts.length ? sentenceStarts[i + 1] - 1 : t - 1;
      for (int tok = sentenceStarts[i]; tok <= end && tok < t; tok++) {
        sentenceEnd[tok] = end;
      }
    }
    List<int[]> spans = new ArrayList<>();
    for (int s = 0; s < t; s++) {
      for (int e = s; e < Math.min(t, s + l) && e <= sentenceEnd[s]; e++) {
        spans.add(new int[] {s, e});
      }
    }
    return new int[][] {
      spans.stream().mapToInt(a -> a[0]).toArray(), spans.stream().mapToInt(a -> a[1]).toArray()
    };
  }

  /** Indices of the {@code k} largest values (ties to the lower index), ascending. */
  static int[] topIndices(float[] v, int k) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> v[a] != v[b] ? Float.compare(v[b], v[a]) : Integer.compare(a, b));
    int[] out = new int[Math.min(k, v.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    Arrays.sort(out);
    return out;
  }

  /** c2f's distance buckets: 0, 1, 2, 3, 4, 5–7, 8–15, 16–31, 32–63, 64+. */
  static int bucket(int d) {
    if (d <= 4) {
      return Math.max(0, d);
    }
    return Math.min(DISTANCE_BUCKETS - 1, 31 - Integer.numberOfLeadingZeros(d) + 3);
  }
}
