package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Splinter's input format, windows with labels, and n-best decoding over windows back to the
 * answer's characters (QaFeatures → SlidingWindows → SpanDecoder → text).
 */
class QaFeaturesTest {

  static final String CONTEXT =
      "Alba Tessen was born in Quessa . She worked as a potter . Later she moved to Rimqostead"
          + " near the sea . Her brother Dorin Tessen was a ferryman in Lumport for many years .";

  static MrqaDataset.Example example(String context, String question, String answer) {
    List<Token> tokens = QaTokenizer.tokenize(context);
    DetectedAnswer d = DetectedAnswer.find(context, tokens, answer);
    MrqaQuestion q =
        new MrqaQuestion("q1", question, QaTokenizer.tokenize(question), List.of(answer),
            d == null ? List.of() : List.of(d));
    return new MrqaDataset.Example(MrqaContext.of(context, List.of(q)), q);
  }

  static HashedVocab vocab() {
    return new HashedVocab(QaTokenizer.build(List.of(CONTEXT, "where did who"), 1, 0), 16);
  }

  @Test
  void qassInputIsClsQuestionWithQuestionTokenSepWindowSep() {
    MrqaDataset.Example ex = example(CONTEXT, "Where was Alba born?", "Quessa");
    HashedVocab v = vocab();
    List<QaFeatures.Feature> fs = QaFeatures.training(ex, v, SpanHeadKind.QASS, 64, 16);
    assertThat(fs).hasSize(1);
    SpanInput in = fs.get(0).input();
    // [CLS] where was alba born ? [QUESTION] . [SEP] context... [SEP]
    assertThat(in.ids()[0]).isEqualTo(QaTokenizer.CLS_ID);
    assertThat(in.ids()[6]).isEqualTo(QaTokenizer.QUESTION_ID);
    assertThat(in.ids()[8]).isEqualTo(QaTokenizer.SEP_ID);
    assertThat(in.questions().get(0).position()).isEqualTo(6);
    assertThat(fs.get(0).contextOffset()).isEqualTo(9);
    assertThat(in.questions().get(0).answer()).isEqualTo(new Span(9 + 5, 9 + 5)); // "Quessa"
    assertThat(in.ids()[9 + 5]).isEqualTo(v.id("quessa"));
    for (int i = 0; i < in.length(); i++) {
      assertThat(in.selectable()[i]).isEqualTo(i >= 9 && i < in.length() - 1);
    }
    // the linear head reads the question as written
    SpanInput lin = QaFeatures.training(ex, v, SpanHeadKind.LINEAR, 64, 16).get(0).input();
    assertThat(lin.length()).isEqualTo(in.length() - 2);
    assertThat(lin.ids()).doesNotContain(QaTokenizer.QUESTION_ID);
  }

  @Test
  void longContextsAreWindowedAndOnlyWindowsHoldingTheAnswerAreLabelled() {
    MrqaDataset.Example ex = example(CONTEXT, "Where did Dorin work?", "Lumport");
    int answerToken = QaTokenizer.forms(CONTEXT).indexOf("lumport");
    List<QaFeatures.Feature> all = QaFeatures.windows(ex, vocab(), SpanHeadKind.QASS, 20, 4);
    assertThat(all.size()).isGreaterThan(3);
    assertThat(all).allSatisfy(f -> assertThat(f.input().length()).isLessThanOrEqualTo(20));
    List<QaFeatures.Feature> labelled = QaFeatures.training(ex, vocab(), SpanHeadKind.QASS, 20, 4);
    assertThat(labelled).isNotEmpty().hasSizeLessThan(all.size());
    for (QaFeatures.Feature f : labelled) {
      Span a = f.input().questions().get(0).answer();
      assertThat(f.window().toContext(a.start() - f.contextOffset())).isEqualTo(answerToken);
    }
  }

  @Test
  void aQuestionWithoutAnAnswerInItsContextIsAnError() {
    MrqaDataset.Example ex = example(CONTEXT, "Where was Alba born?", "Paris");
    assertThatThrownBy(() -> QaFeatures.training(ex, vocab(), SpanHeadKind.QASS, 64, 16))
        .hasMessageContaining("question q1 has no detected answer");
    MrqaDataset.Example tooLong = example(CONTEXT, "Who was the brother?", "Dorin Tessen was a ferryman in Lumport");
    // the 7-token answer never fits in a window of 4 context tokens
    assertThatThrownBy(() -> QaFeatures.training(tooLong, vocab(), SpanHeadKind.LINEAR, 11, 2))
        .hasMessageContaining("lies in no window of 11 tokens");
  }

  @Test
  void nBestDecodingOverWindowsRecoversTheAnswerText() {
    MrqaDataset.Example ex = example(CONTEXT, "Where did Dorin work?", "Lumport");
    List<QaFeatures.Feature> fs = QaFeatures.windows(ex, vocab(), SpanHeadKind.QASS, 20, 4);
    int answerToken = QaTokenizer.forms(CONTEXT).indexOf("lumport");
    int distractor = QaTokenizer.forms(CONTEXT).indexOf("quessa");
    List<float[][]> logits = new ArrayList<>();
    for (QaFeatures.Feature f : fs) {
      float[] s = new float[f.input().length()];
      float[] e = new float[f.input().length()];
      s[1] = 50; // a question token: never selectable
      e[1] = 50;
      if (f.window().contains(answerToken)) {
        s[f.contextOffset() + f.window().toWindow(answerToken)] = 6;
        e[f.contextOffset() + f.window().toWindow(answerToken)] = 6;
      }
      if (f.window().contains(distractor)) {
        s[f.contextOffset() + f.window().toWindow(distractor)] = 5;
        e[f.contextOffset() + f.window().toWindow(distractor) + 3] = 9; // too long at max 3
      }
      logits.add(new float[][] {s, e});
    }
    QaPredictor.Settings settings = new QaPredictor.Settings(4, 8, 5, 5, 3);
    List<QaPredictor.Prediction> p = QaPredictor.decode(List.of(ex), fs, logits, settings);
    assertThat(p.get(0).text()).isEqualTo("Lumport");
    assertThat(p.get(0).nBest()).allSatisfy(c -> assertThat(c.end() - c.start()).isLessThan(3));
    assertThat(SquadMetric.score(List.of(p.get(0).text()), List.of(List.of("Lumport"))).f1())
        .isEqualTo(100.0);
  }
}
