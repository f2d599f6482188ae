package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * Model inputs of extractive QA in Splinter's fine-tuning format (papers-language.md §2.2): {@code
 * [CLS] question [SEP] window [SEP]}, where for the QASS head the question gets {@code "
 * [QUESTION]."} appended ({@code qass_preprocess.py} appends {@code " [MASK]."}, which the model
 * swaps for {@code [QUESTION]}; we write the token directly) and the state of that token is x_q;
 * the linear head reads the question as written. Contexts longer than the room beside the question
 * are cut into {@link SlidingWindows} with a stride; only context tokens are selectable.
 *
 * <p>Training labels: the first detected answer's first token span (MRQA's convention). A window
 * that does not contain the whole answer gives no training feature (BERT would label it {@code
 * [CLS]}; MRQA questions always have an answer, and Splinter's head has no no-answer option), and a
 * question whose answer lies in no window is an error naming it — never a silently wrong label.
 */
public final class QaFeatures {

  private QaFeatures() {}

  /** One window of one question; {@code contextOffset} = position of the window's first token. */
  public record Feature(
      MrqaDataset.Example example,
      SlidingWindows.Window window,
      List<SlidingWindows.Window> windows,
      int contextOffset,
      SpanInput input) {}

  /** The question tokens the model reads, with {@code [QUESTION] .} appended for QASS. */
  public static List<Token> questionTokens(String question, SpanHeadKind head) {
    String text = head == SpanHeadKind.QASS ? question + " " + QaTokenizer.QUESTION + "." : question;
    return QaTokenizer.tokenize(text);
  }

  /** Every window of one question, without labels (evaluation). */
  public static List<Feature> windows(
      MrqaDataset.Example ex, HashedVocab vocab, SpanHeadKind head, int maxLength, int stride) {
    return build(ex, vocab, head, maxLength, stride, false);
  }

  /** The labelled windows of one question (those containing its first detected answer). */
  public static List<Feature> training(
      MrqaDataset.Example ex, HashedVocab vocab, SpanHeadKind head, int maxLength, int stride) {
    List<Feature> out = build(ex, vocab, head, maxLength, stride, true);
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "question %s: its answer %s lies in no window of %d tokens (stride %d)"
              .formatted(ex.question().qid(), answerSpan(ex), maxLength, stride));
    }
    return out;
  }

  /** Labelled windows of every question of {@code examples}. */
  public static List<SpanInput> trainingInputs(
      List<MrqaDataset.Example> examples,
      HashedVocab vocab,
      SpanHeadKind head,
      int maxLength,
      int stride) {
    List<SpanInput> out = new ArrayList<>();
    for (MrqaDataset.Example ex : examples) {
      training(ex, vocab, head, maxLength, stride).forEach(f -> out.add(f.input()));
    }
    return out;
  }

  /** The first detected answer's first token span, or an error naming the question. */
  static Span answerSpan(MrqaDataset.Example ex) {
    List<DetectedAnswer> detected = ex.question().detectedAnswers();
    if (detected.isEmpty()) {
      throw new IllegalArgumentException(
          "question %s has no detected answer in its context".formatted(ex.question().qid()));
    }
    return detected.get(0).tokenSpans().get(0);
  }

  private static List<Feature> build(
      MrqaDataset.Example ex,
      HashedVocab vocab,
      SpanHeadKind head,
      int maxLength,
      int stride,
      boolean labelled) {
    List<Token> question = questionTokens(ex.question().question(), head);
    List<Token> context = ex.context().contextTokens();
    if (context.isEmpty()) {
      throw new IllegalArgumentException("question %s has an empty context".formatted(ex.question().qid()));
    }
    int room = SlidingWindows.maxContextTokens(maxLength, question.size());
    List<SlidingWindows.Window> windows = SlidingWindows.windows(context.size(), room, stride);
    Span answer = labelled ? answerSpan(ex) : null;
    if (answer != null && answer.end() >= context.size()) {
      throw new IllegalArgumentException(
          "question %s: answer token span %s is outside its %d-token context"
              .formatted(ex.question().qid(), answer, context.size()));
    }
    int questionAt = -1;
    for (int i = 0; i < question.size(); i++) {
      if (question.get(i).text().equals(QaTokenizer.QUESTION)) {
        questionAt = 1 + i; // after [CLS]; the last one if the question wrote the token itself
      }
    }
    if (head == SpanHeadKind.QASS && questionAt < 0) {
      throw new IllegalStateException("no [QUESTION] token in " + question);
    }
    int offset = question.size() + 2; // [CLS] question [SEP]
    int[] questionIds = vocab.idsOfTokens(question);
    List<Feature> out = new ArrayList<>();
    for (SlidingWindows.Window w : windows) {
      if (answer != null && !w.contains(answer)) {
        continue;
      }
      int n = offset + w.length() + 1;
      int[] ids = new int[n];
      boolean[] selectable = new boolean[n];
      ids[0] = QaTokenizer.CLS_ID;
      System.arraycopy(questionIds, 0, ids, 1, questionIds.length);
      ids[offset - 1] = QaTokenizer.SEP_ID;
      for (int i = 0; i < w.length(); i++) {
        ids[offset + i] = vocab.id(context.get(w.start() + i).form());
        selectable[offset + i] = true;
      }
      ids[n - 1] = QaTokenizer.SEP_ID;
      Span label = null;
      if (answer != null) {
        Span local = w.toWindow(answer);
        label = new Span(offset + local.start(), offset + local.end());
      }
      int position = head == SpanHeadKind.QASS ? questionAt : 0;
      SpanInput input = new SpanInput(ids, selectable, List.of(new SpanInput.Question(position, label)));
      out.add(new Feature(ex, w, windows, offset, input));
    }
    return out;
  }
}
