package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;

/**
 * s2e's antecedent score between a candidate c = (c_s, c_e) and a query q = (q_s, q_e), four
 * bilinear functions of the start and end antecedent representations:
 *
 * <pre>
 *   f_a(c, q) = a^s_{c_s}·B_ss·a^s_{q_s} + a^s_{c_s}·B_se·a^e_{q_e}
 *             + a^e_{c_e}·B_es·a^s_{q_s} + a^e_{c_e}·B_ee·a^e_{q_e}
 * </pre>
 *
 * Each B is an (F → F) linear with bias, as the reference's {@code antecedent_{s2s,s2e,e2s,e2e}
 * _classifier}; here the name's first letter is the candidate's side and the second the query's,
 * following the equation; scaled by 1/F and initialised as {@link MentionScorer#bilinear}. Computed as {@code (B_ss·a^s_q + B_se·a^e_q)·a^s_c + (B_es·a^s_q +
 * B_ee·a^e_q)·a^e_c}: two (R × F)·(F × K) products, no pairwise vectors.
 */
public final class AntecedentScorer extends Module {
  private final Dense ss;
  private final Dense se;
  private final Dense es;
  private final Dense ee;

  public AntecedentScorer(int ffnnSize) {
    this.ss = module("s2s_classifier", MentionScorer.bilinear(ffnnSize));
    this.se = module("s2e_classifier", MentionScorer.bilinear(ffnnSize));
    this.es = module("e2s_classifier", MentionScorer.bilinear(ffnnSize));
    this.ee = module("e2e_classifier", MentionScorer.bilinear(ffnnSize));
  }

  /**
   * @param qs (R, F) a^s at the queries' starts
   * @param qe (R, F) a^e at the queries' ends
   * @param cs (K, F) a^s at the candidates' starts
   * @param ce (K, F) a^e at the candidates' ends
   * @return (R, K) f_a(c, q), row = query, column = candidate
   */
  public NDArray forward(
      ParameterStore ps, NDArray qs, NDArray qe, NDArray cs, NDArray ce, boolean training) {
    float scale = 1f / qs.getShape().get(1); // the 1/F of MentionScorer.bilinear
    NDArray toStart = Ops.scale(ss.forward(ps, qs, training).add(se.forward(ps, qe, training)), scale); // (R, F)
    NDArray toEnd = Ops.scale(es.forward(ps, qs, training).add(ee.forward(ps, qe, training)), scale); // (R, F)
    return toStart.matMul(cs.transpose()).add(toEnd.matMul(ce.transpose())); // (R, K)
  }
}
