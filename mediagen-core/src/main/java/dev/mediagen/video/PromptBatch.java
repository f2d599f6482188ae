package dev.mediagen.video;

import ai.djl.ndarray.NDArray;

/**
 * A batch of prompts as the model reads them: frozen-encoder token states and the trainable encoder's
 * word ids, each with its mask.
 *
 * @param frozen (B, L1, frozenDim) float
 * @param frozenMask (B, L1) float, 1 for real tokens
 * @param words (B, L2) int32 word ids
 * @param wordMask (B, L2) float
 */
public record PromptBatch(
    NDArray frozen, NDArray frozenMask, NDArray words, NDArray wordMask, NDArray chars, NDArray charMask) {
  /** Without character ids (no visual-text encoder). */
  public PromptBatch(NDArray frozen, NDArray frozenMask, NDArray words, NDArray wordMask) {
    this(frozen, frozenMask, words, wordMask, null, null);
  }

  /** Rows of {@code this} followed by rows of {@code other} (for the doubled CFG batch). */
  public PromptBatch concat(PromptBatch other) {
    return new PromptBatch(
        padConcat(frozen, other.frozen), padConcat(frozenMask, other.frozenMask),
        padConcat(words, other.words), padConcat(wordMask, other.wordMask),
        chars == null ? null : padConcat(chars, other.chars), chars == null ? null : padConcat(charMask, other.charMask));
  }

  /** Concatenates along the batch axis, zero-padding axis 1 to the longer sequence. */
  static NDArray padConcat(NDArray a, NDArray b) {
    long la = a.getShape().get(1), lb = b.getShape().get(1);
    if (la < lb) a = pad(a, lb);
    if (lb < la) b = pad(b, la);
    return a.concat(b, 0);
  }

  private static NDArray pad(NDArray x, long len) {
    long[] shape = x.getShape().getShape().clone();
    shape[1] = len - shape[1];
    return x.concat(x.getManager().zeros(new ai.djl.ndarray.types.Shape(shape), x.getDataType()), 1);
  }
}
