package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * RSS pretraining sequences as model inputs (papers-language.md §2.1): {@code [CLS] tokens [SEP]}
 * with every {@code [QUESTION]} of the {@link RssExample} a question whose label is its kept span.
 * Real tokens other than specials are selectable; a passage with no recurring span gives no input.
 */
public final class RssInputs {

  private RssInputs() {}

  /** The input of one example, or null when it has no question. */
  public static SpanInput of(RssExample ex, HashedVocab vocab, int maxLength) {
    if (ex.questions().isEmpty()) {
      return null;
    }
    int n = ex.tokens().size() + 2;
    if (n > maxLength) {
      throw new IllegalArgumentException(
          "RSS sequence of %d tokens (+2 specials) exceeds maxLength %d; cut passages shorter"
              .formatted(ex.tokens().size(), maxLength));
    }
    int[] ids = new int[n];
    boolean[] selectable = new boolean[n];
    ids[0] = QaTokenizer.CLS_ID;
    ids[n - 1] = QaTokenizer.SEP_ID;
    for (int i = 0; i < ex.tokens().size(); i++) {
      String form = ex.tokens().get(i);
      ids[i + 1] = vocab.id(form);
      selectable[i + 1] = !QaTokenizer.isSpecial(form);
    }
    List<SpanInput.Question> qs = new ArrayList<>();
    for (RssExample.Question q : ex.questions()) {
      Span a = q.answer();
      qs.add(new SpanInput.Question(q.position() + 1, new Span(a.start() + 1, a.end() + 1)));
    }
    return new SpanInput(ids, selectable, qs);
  }

  /** Inputs of every example that has a question. */
  public static List<SpanInput> of(List<RssExample> examples, HashedVocab vocab, int maxLength) {
    List<SpanInput> out = new ArrayList<>();
    for (RssExample ex : examples) {
      SpanInput in = of(ex, vocab, maxLength);
      if (in != null) {
        out.add(in);
      }
    }
    return out;
  }
}
