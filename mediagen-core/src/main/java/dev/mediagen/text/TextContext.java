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
public record TextContext(NDArray tokens, NDArray mask, NDArray pooled) {}
