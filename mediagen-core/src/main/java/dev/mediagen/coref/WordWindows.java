package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.List;

/**
 * How a long document is cut into overlapping encoder windows, and which window each word takes its
 * state from (pure functions; {@link WordStates} runs the encoder on them).
 *
 * <p>Windows are runs of whole words whose word pieces fit {@code maxPieces}. Each window starts
 * {@code stride} pieces (rounded to the next word start) after the previous one, so neighbouring
 * windows overlap by about {@code maxPieces − stride} pieces and no word is ever dropped. A word
 * that lies in several windows takes its state from the one where it has the most context, {@code
 * min(pieces before it, pieces after it)} inside the window (BERT's "max context" rule for SQuAD
 * sliding windows); ties go to the earlier window.
 *
 * @param starts first word of each window
 * @param ends one past the last word of each window
 * @param owner for each word, the window its state comes from
 */
public record WordWindows(int[] starts, int[] ends, int[] owner) {

  /**
   * Plans the windows of a document.
   *
   * @param pieces number of word pieces of each word (0 allowed: a word the tokenizer drops)
   * @param maxPieces pieces a window may hold (the encoder's limit minus its special tokens)
   * @param stride pieces between consecutive window starts, in [1, maxPieces]
   * @throws IllegalArgumentException if a single word has more than {@code maxPieces} pieces
   */
  public static WordWindows plan(int[] pieces, int maxPieces, int stride) {
    if (maxPieces < 1) {
      throw new IllegalArgumentException("maxPieces must be >= 1, got " + maxPieces);
    }
    if (stride < 1 || stride > maxPieces) {
      throw new IllegalArgumentException(
          "stride %d is outside [1, maxPieces = %d]".formatted(stride, maxPieces));
    }
    int n = pieces.length;
    long[] offset = new long[n + 1]; // piece offset of each word start
    for (int w = 0; w < n; w++) {
      if (pieces[w] < 0 || pieces[w] > maxPieces) {
        throw new IllegalArgumentException(
            "word %d has %d word pieces, allowed 0..%d (the encoder window)"
                .formatted(w, pieces[w], maxPieces));
      }
      offset[w + 1] = offset[w] + pieces[w];
    }
    List<int[]> windows = new ArrayList<>();
    int start = 0;
    while (start < n) {
      int end = start;
      while (end < n && offset[end + 1] - offset[start] <= maxPieces) {
        end++;
      }
      windows.add(new int[] {start, end});
      if (end == n) {
        break;
      }
      int next = start + 1;
      while (next < end && offset[next] - offset[start] < stride) {
        next++;
      }
      start = next;
    }
    int[] starts = windows.stream().mapToInt(w -> w[0]).toArray();
    int[] ends = windows.stream().mapToInt(w -> w[1]).toArray();
    int[] owner = new int[n];
    long[] best = new long[n];
    java.util.Arrays.fill(best, -1);
    for (int i = 0; i < starts.length; i++) {
      for (int w = starts[i]; w < ends[i]; w++) {
        long context = Math.min(offset[w] - offset[starts[i]], offset[ends[i]] - offset[w + 1]);
        if (context > best[w]) {
          best[w] = context;
          owner[w] = i;
        }
      }
    }
    return new WordWindows(starts, ends, owner);
  }

  /** Number of windows. */
  public int size() {
    return starts.length;
  }
}
