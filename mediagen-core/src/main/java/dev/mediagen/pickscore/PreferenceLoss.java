package dev.mediagen.pickscore;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * The two objectives of PickScore training (papers-language.md §1.3; PickScore's {@code clip_criterion.py}).
 */
public final class PreferenceLoss {
  private static final float LOG_HALF = (float) Math.log(0.5);

  private PreferenceLoss() {}

  /**
   * The preference loss: a softmax over the pair's two scores against the soft label, per example
   * {@code L = −Σ_i p_i·log p̂_i + [tie]·log 0.5}, weighted by {@code w / Σw}.
   *
   * @param s0 (B,) scores of image 0
   * @param s1 (B,) scores of image 1
   * @param label0 (B,) 1, 0 or 0.5 (tie); label1 = 1 − label0
   * @param weights (B,) 1 / num_example_per_prompt
   * @return the scalar loss
   */
  public static NDArray preference(NDArray s0, NDArray s1, NDArray label0, NDArray weights) {
    NDArray logits = NDArrays.stack(new ai.djl.ndarray.NDList(s0, s1), 1); // (B, 2)
    NDArray logp = logits.logSoftmax(1); // (B, 2)
    NDArray label1 = label0.mul(-1).add(1);
    NDArray ce = label0.mul(logp.get(":, 0")).add(label1.mul(logp.get(":, 1"))).neg(); // (B,)
    // a tie's best prediction is 0.5/0.5, whose cross-entropy is −log 0.5: the offset makes its optimum 0 (a KL)
    NDArray tie = label0.eq(0.5f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    NDArray l = ce.add(tie.mul(LOG_HALF)); // (B,)
    // prolific prompts would dominate otherwise: each example counts 1 / (its prompt's examples)
    NDArray w = weights.div(weights.sum());
    return l.mul(w).sum();
  }

  /**
   * CLIP's symmetric contrastive loss (the pretraining of our CLIP analogue): the i-th caption should pick
   * the i-th image among the batch and vice versa.
   *
   * @param text (B, E) unit-norm text embeddings
   * @param image (B, E) unit-norm image embeddings
   * @param scale exp(τ), shape (1,)
   */
  public static NDArray contrastive(NDArray text, NDArray image, NDArray scale) {
    NDArray logits = text.matMul(image.transpose()).mul(scale); // (B, B)
    long b = logits.getShape().get(0);
    NDArray eye = logits.getManager().eye((int) b);
    NDArray t2i = logits.logSoftmax(1).mul(eye).sum().neg().div(b);
    NDArray i2t = logits.logSoftmax(0).mul(eye).sum().neg().div(b);
    return t2i.add(i2t).div(2);
  }
}
