package dev.mediagen.text;

import java.util.Arrays;
import java.util.List;

/**
 * A batch of token-id sequences padded with id 0 to the longest item: the input of a trainable text
 * encoder's embedding table.
 *
 * @param batch number of sequences B
 * @param maxLen padded length L (the longest item's length)
 * @param ids (B, L) row-major; positions {@code >= lengths[b]} hold 0 ({@code [PAD]})
 * @param lengths real length of each item, in [0, L]
 */
public record Encoded(int batch, int maxLen, int[] ids, int[] lengths) {

  public Encoded {
    if (batch < 0 || maxLen < 0) {
      throw new IllegalArgumentException(
          "shape (B=%d, L=%d) must have B >= 0, L >= 0".formatted(batch, maxLen));
    }
    if (ids.length != (long) batch * maxLen || lengths.length != batch) {
      throw new IllegalArgumentException(
          "ids has %d entries and lengths %d, expected B*L = %d and B = %d"
              .formatted(ids.length, lengths.length, (long) batch * maxLen, batch));
    }
    for (int b = 0; b < batch; b++) {
      if (lengths[b] < 0 || lengths[b] > maxLen) {
        throw new IllegalArgumentException(
            "lengths[%d] = %d is outside [0, %d]".formatted(b, lengths[b], maxLen));
      }
    }
  }

  /** Pads {@code sequences} with 0 to the longest one. */
  public static Encoded pad(List<int[]> sequences) {
    int batch = sequences.size();
    int maxLen = sequences.stream().mapToInt(s -> s.length).max().orElse(0);
    int[] ids = new int[batch * maxLen];
    int[] lengths = new int[batch];
    for (int b = 0; b < batch; b++) {
      int[] s = sequences.get(b);
      System.arraycopy(s, 0, ids, b * maxLen, s.length);
      lengths[b] = s.length;
    }
    return new Encoded(batch, maxLen, ids, lengths);
  }

  /** The unpadded ids of item {@code b} (a copy). */
  public int[] item(int b) {
    if (b < 0 || b >= batch) {
      throw new IndexOutOfBoundsException("item %d outside [0, %d)".formatted(b, batch));
    }
    return Arrays.copyOfRange(ids, b * maxLen, b * maxLen + lengths[b]);
  }

  /** Attention mask (B, L) row-major: 1 at real tokens, 0 at padding. */
  public float[] mask() {
    float[] m = new float[batch * maxLen];
    for (int b = 0; b < batch; b++) {
      Arrays.fill(m, b * maxLen, b * maxLen + lengths[b], 1f);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Encoded e
        && batch == e.batch
        && maxLen == e.maxLen
        && Arrays.equals(ids, e.ids)
        && Arrays.equals(lengths, e.lengths);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(lengths);
  }

  @Override
  public String toString() {
    return "Encoded[B=%d, L=%d, lengths=%s]".formatted(batch, maxLen, Arrays.toString(lengths));
  }
}
