package dev.mediagen.text;

import java.util.Arrays;

/**
 * Token-level hidden states of a batch of texts, padded to the longest item: the cross-attention
 * context a frozen text encoder hands to the denoiser (Movie Gen conditions on per-token states,
 * not pooled vectors; papers-media.md §1.1 d).
 *
 * @param batch number of texts B
 * @param maxLen padded sequence length L (the longest item's token count)
 * @param dim hidden size D per token
 * @param states (B, L, D) row-major; rows at positions {@code >= lengths[b]} are exactly zero
 * @param lengths real token count per item (including the encoder's own special tokens), each in
 *     [0, L]
 */
public record TokenStates(int batch, int maxLen, int dim, float[] states, int[] lengths) {

  public TokenStates {
    if (batch < 0 || maxLen < 0 || dim < 1) {
      throw new IllegalArgumentException(
          "shape (B=%d, L=%d, D=%d) must have B >= 0, L >= 0, D >= 1"
              .formatted(batch, maxLen, dim));
    }
    if (states.length != (long) batch * maxLen * dim) {
      throw new IllegalArgumentException(
          "states has %d floats, expected B*L*D = %d*%d*%d = %d"
              .formatted(states.length, batch, maxLen, dim, (long) batch * maxLen * dim));
    }
    if (lengths.length != batch) {
      throw new IllegalArgumentException(
          "lengths has %d entries, expected B = %d".formatted(lengths.length, batch));
    }
    for (int b = 0; b < batch; b++) {
      if (lengths[b] < 0 || lengths[b] > maxLen) {
        throw new IllegalArgumentException(
            "lengths[%d] = %d is outside [0, %d]".formatted(b, lengths[b], maxLen));
      }
    }
  }

  /** The unpadded states of item {@code b}: a fresh (lengths[b], D) row-major copy. */
  public float[] item(int b) {
    checkIndex(b);
    int from = b * maxLen * dim;
    return Arrays.copyOfRange(states, from, from + lengths[b] * dim);
  }

  /** State {@code (b, t, d)}; zero for padding positions. */
  public float get(int b, int t, int d) {
    checkIndex(b);
    if (t < 0 || t >= maxLen || d < 0 || d >= dim) {
      throw new IndexOutOfBoundsException(
          "(t=%d, d=%d) outside [0, %d) x [0, %d)".formatted(t, d, maxLen, dim));
    }
    return states[(b * maxLen + t) * dim + d];
  }

  /** Attention mask (B, L) row-major: 1 at real tokens, 0 at padding. */
  public float[] mask() {
    float[] m = new float[batch * maxLen];
    for (int b = 0; b < batch; b++) {
      Arrays.fill(m, b * maxLen, b * maxLen + lengths[b], 1f);
    }
    return m;
  }

  /** Mean of item {@code b}'s real token states (length D); zeros for an empty item. */
  public float[] meanPooled(int b) {
    checkIndex(b);
    float[] mean = new float[dim];
    int n = lengths[b];
    for (int t = 0; t < n; t++) {
      int row = (b * maxLen + t) * dim;
      for (int d = 0; d < dim; d++) {
        mean[d] += states[row + d];
      }
    }
    if (n > 0) {
      for (int d = 0; d < dim; d++) {
        mean[d] /= n;
      }
    }
    return mean;
  }

  private void checkIndex(int b) {
    if (b < 0 || b >= batch) {
      throw new IndexOutOfBoundsException("item %d outside [0, %d)".formatted(b, batch));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenStates s
        && batch == s.batch
        && maxLen == s.maxLen
        && dim == s.dim
        && Arrays.equals(states, s.states)
        && Arrays.equals(lengths, s.lengths);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(states) + Arrays.hashCode(lengths);
  }

  @Override
  public String toString() {
    return "TokenStates[B=%d, L=%d, D=%d, lengths=%s]"
        .formatted(batch, maxLen, dim, Arrays.toString(lengths));
  }
}
