package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.Tensors;
import java.util.List;
import java.util.Map;

/**
 * s2e's training objective (§3.1 of papers-language.md; {@code _get_marginal_log_likelihood_loss}):
 * for each candidate span q, the negative log of the probability mass its row puts on the gold
 * antecedents,
 *
 * <pre>
 *   loss(q) = −log Σ_{c ∈ GOLD(q)} e^{F(c,q)} / Σ_{c' ∈ Y(q) ∪ {ε}} e^{F(c',q)}
 * </pre>
 *
 * where GOLD(q) is the earlier candidates in q's gold cluster, or {ε} when there is none (q is not
 * a gold mention, or is the first of its cluster among the candidates). The loss is averaged over
 * the k candidates (the reference's {@code --normalise_loss}). Optionally a binary cross-entropy on
 * the mention scores ({@link #mentionBce}), see {@link S2eConfig#mentionLossWeight()}.
 */
public final class S2eLoss {
  private S2eLoss() {}

  /**
   * The gold-antecedent mask of a candidate list: (k, k + 1) row-major, 1 where column c is a gold
   * antecedent of row q, the last column (ε) 1 for rows with no gold antecedent.
   *
   * @param clusterOf gold cluster number of each gold mention
   */
  public static float[] goldMask(List<Mention> spans, Map<Mention, Integer> clusterOf) {
    int k = spans.size();
    float[] mask = new float[k * (k + 1)];
    for (int q = 0; q < k; q++) {
      Integer cq = clusterOf.get(spans.get(q));
      boolean any = false;
      for (int c = 0; c < q && cq != null; c++) {
        if (cq.equals(clusterOf.get(spans.get(c)))) {
          mask[q * (k + 1) + c] = 1f;
          any = true;
        }
      }
      if (!any) {
        mask[q * (k + 1) + k] = 1f;
      }
    }
    return mask;
  }

  /**
   * The mean marginal log-likelihood loss.
   *
   * @param logits (k, k + 1) scores F, null antecedent last, k ≥ 1
   * @param gold (k · (k + 1)) gold mask from {@link #goldMask}
   * @return scalar loss
   */
  public static NDArray marginalLogLikelihood(NDArray logits, float[] gold) {
    NDManager m = logits.getManager();
    long k = logits.getShape().get(0);
    float[] bias = new float[gold.length];
    for (int i = 0; i < gold.length; i++) {
      bias[i] = gold[i] > 0 ? 0f : MentionScorer.INVALID; // −10000 outside GOLD(q), as the reference
    }
    NDArray goldLogits = logits.add(Tensors.floats(m, bias, logits.getShape())); // (k, k+1)
    NDArray perSpan = logSumExp(logits).sub(logSumExp(goldLogits)); // (k) −log P(GOLD(q) | q)
    return Ops.scale(perSpan.sum(), 1f / k);
  }

  /**
   * Binary cross-entropy of the mention scores as logits of "this span is a gold mention", summed
   * over the valid spans of the band and divided by the number of tokens T: {@code log(1 + e^x) −
   * x·y} (torch's stable softplus). Dividing by T rather than by the T·L spans keeps the rare
   * positives (about one mention per 7 tokens among 30 spans per token in LitBank) from being
   * averaged away next to the coreference loss, which is a mean over k = λT spans.
   *
   * @param band (T, L) mention scores
   * @param target (T · L) 1 at gold mentions
   * @param valid (T · L) 1 at valid spans (s + o < T)
   * @return scalar loss
   */
  public static NDArray mentionBce(NDArray band, float[] target, float[] valid) {
    NDManager m = band.getManager();
    Shape shape = band.getShape();
    NDArray y = Tensors.floats(m, target, shape);
    NDArray w = Tensors.floats(m, valid, shape);
    NDArray bce = Activation.softPlus(band).sub(band.mul(y)); // (T, L) log(1 + e^x) − x·y
    return Ops.scale(bce.mul(w).sum(), 1f / Math.max(1, shape.get(0)));
  }

  /** log Σ_j e^{x_ij} over the last axis of a (k, n) matrix, stable. */
  static NDArray logSumExp(NDArray x) {
    NDArray max = x.max(new int[] {1}, true).stopGradient(); // (k, 1)
    return x.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1)); // (k)
  }
}
