package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * Sliding windows over a context longer than the model input, as BERT/Splinter's SQuAD feature
 * converter cuts them (papers-language.md §2.2: {@code max_seq_length=384}, {@code
 * doc_stride=128}). The input of window {@code w} is {@code [CLS] question [SEP] context[w.start ..
 * w.start+w.length) [SEP]}; consecutive windows start {@code min(length, stride)} tokens apart, so
 * they overlap whenever the stride is smaller than the window. A token seen by several windows is
 * scored from the one where it has the most context on both sides ({@link #isMaxContext}).
 */
public final class SlidingWindows {

  private SlidingWindows() {}

  /** Context tokens {@code [start, start + length)}. */
  public record Window(int index, int start, int length) {

    /** One past the last context token. */
    public int end() {
      return start + length;
    }

    public boolean contains(int contextIndex) {
      return contextIndex >= start && contextIndex < end();
    }

    /** True when the whole inclusive span lies inside the window. */
    public boolean contains(Span contextSpan) {
      return contains(contextSpan.start()) && contains(contextSpan.end());
    }

    /** Window coordinate of a context token it contains. */
    public int toWindow(int contextIndex) {
      if (!contains(contextIndex)) {
        throw new IllegalArgumentException(
            "context token %d is outside window %d [%d, %d)"
                .formatted(contextIndex, index, start, end()));
      }
      return contextIndex - start;
    }

    /** Context coordinate of a window token. */
    public int toContext(int windowIndex) {
      if (windowIndex < 0 || windowIndex >= length) {
        throw new IllegalArgumentException(
            "window token %d is outside [0, %d)".formatted(windowIndex, length));
      }
      return start + windowIndex;
    }

    /** A context span in window coordinates (it must lie inside). */
    public Span toWindow(Span contextSpan) {
      return new Span(toWindow(contextSpan.start()), toWindow(contextSpan.end()));
    }

    /** A window span in context coordinates. */
    public Span toContext(Span windowSpan) {
      return new Span(toContext(windowSpan.start()), toContext(windowSpan.end()));
    }
  }

  /**
   * Context tokens that fit beside a question of {@code questionLength} tokens in {@code
   * maxSeqLength}: {@code maxSeqLength - questionLength - 3} ({@code [CLS]} and two {@code [SEP]}).
   */
  public static int maxContextTokens(int maxSeqLength, int questionLength) {
    int room = maxSeqLength - questionLength - 3;
    if (room < 1) {
      throw new IllegalArgumentException(
          "question of %d tokens leaves no room in max length %d (need question <= %d)"
              .formatted(questionLength, maxSeqLength, maxSeqLength - 4));
    }
    return room;
  }

  /** Windows of at most {@code maxTokens} covering {@code contextLength} tokens. */
  public static List<Window> windows(int contextLength, int maxTokens, int stride) {
    if (contextLength < 1 || maxTokens < 1 || stride < 1) {
      throw new IllegalArgumentException(
          "need contextLength >= 1, maxTokens >= 1, stride >= 1; got %d, %d, %d"
              .formatted(contextLength, maxTokens, stride));
    }
    List<Window> out = new ArrayList<>();
    int start = 0;
    do {
      int length = Math.min(maxTokens, contextLength - start);
      out.add(new Window(out.size(), start, length));
      if (start + length >= contextLength) {
        break;
      }
      start += Math.min(length, stride);
    } while (true);
    return out;
  }

  /**
   * True when window {@code windowIndex} is the best one for context token {@code position}: the
   * one maximizing {@code min(left, right) + 0.01 * length} (first on ties), BERT's {@code
   * _check_is_max_context}.
   */
  public static boolean isMaxContext(List<Window> windows, int windowIndex, int position) {
    double bestScore = Double.NEGATIVE_INFINITY;
    int best = -1;
    for (Window w : windows) {
      if (!w.contains(position)) {
        continue;
      }
      int left = position - w.start();
      int right = w.end() - 1 - position;
      double score = Math.min(left, right) + 0.01 * w.length();
      if (score > bestScore) {
        bestScore = score;
        best = w.index();
      }
    }
    return best == windowIndex;
  }
}
