package dev.mediagen.text;

import ai.djl.ndarray.NDArray;

/**
 * The conditioning a denoiser receives from text: cross-attention tokens, their mask and a pooled
 * vector (added to the adaLN conditioning).
 *
 * @param tokens (B, L, D)
 * @param mask (B, L), 1 for real tokens
 * @param pooled (B, D)
 */
public record TextContext(NDArray tokens, NDArray mask, NDArray pooled) {
  /**
   * Lends the arrays to {@code scope} until it closes: DJL attaches every result to its first operand's
   * manager, so a context reused across solver steps would otherwise collect each step's cross-attention
   * keys and values in its own, long-lived manager.
   */
  public TextContext lentTo(ai.djl.ndarray.NDManager scope) {
    for (NDArray a : new NDArray[] {tokens, mask, pooled}) {
      if (a.getManager() != scope) a.tempAttach(scope);
    }
    return this;
  }
}
