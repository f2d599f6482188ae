package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MrqaReaderWriterTest {

  private static final String HEADER =
      "{\"header\": {\"dataset\": \"SQuAD\", \"split\": \"train\"}}";

  /** A hand-written context in MRQA's layout: "Quessa" is chars 25..30 (inclusive), token 5. */
  private static String context(String answerText, int cs, int ce, int ts, int te) {
    return """
{"context": "Mira Tolland was born in Quessa.", "context_tokens": [["Mira", 0], ["Tolland", 5], \
["was", 13], ["born", 17], ["in", 22], ["Quessa", 25], [".", 31]], "qas": [{"qid": "q1", \
"question": "Where was Mira born?", "question_tokens": [["Where", 0], ["was", 6], ["Mira", 10], \
["born", 15], ["?", 19]], "answers": ["Quessa"], "detected_answers": [{"text": "%s", \
"char_spans": [[%d, %d]], "token_spans": [[%d, %d]]}]}]}"""
        .formatted(answerText, cs, ce, ts, te);
  }

  private static MrqaReader.Result read(String text, MrqaReader.OnBadQuestion policy)
      throws IOException {
    return MrqaReader.read(text, "x.jsonl", policy);
  }

  @Test
  void readsHandWrittenMrqaWithInclusiveSpans() throws IOException {
    MrqaDataset ds =
        read(HEADER + "\n" + context("Quessa", 25, 30, 5, 5) + "\n", MrqaReader.OnBadQuestion.FAIL)
            .dataset();
    assertThat(ds.dataset()).isEqualTo("SQuAD");
    assertThat(ds.split()).isEqualTo("train");
    MrqaQuestion q = ds.contexts().get(0).qas().get(0);
    assertThat(q.qid()).isEqualTo("q1");
    DetectedAnswer d = q.detectedAnswers().get(0);
    assertThat(d.charSpans()).containsExactly(new Span(25, 30));
    assertThat(
            Offsets.text(
                ds.contexts().get(0).context(),
                ds.contexts().get(0).contextTokens(),
                d.tokenSpans().get(0)))
        .isEqualTo("Quessa");
    // our tokenizer agrees with the hand-written (spaCy-like) tokens on this text
    assertThat(ds.contexts().get(0).contextTokens())
        .isEqualTo(QaTokenizer.tokenize("Mira Tolland was born in Quessa."));
  }

  @Test
  void acceptsMrqaSplitHeaderIdFieldAndNormalizedAnswerCase() throws IOException {
    String header = "{\"header\": {\"dataset\": \"NQ\", \"mrqa_split\": \"dev\"}}";
    String line = context("quessa", 25, 30, 5, 5).replace("\"qid\"", "\"id\"");
    MrqaDataset ds = read(header + "\n" + line, MrqaReader.OnBadQuestion.FAIL).dataset();
    assertThat(ds.split()).isEqualTo("dev");
    assertThat(ds.contexts().get(0).qas().get(0).qid()).isEqualTo("q1");
  }

  @Test
  void roundTripsGeneratedDatasetThroughFileAndGzip(@TempDir Path dir) throws IOException {
    MrqaDataset ds = QaDatasets.generate(5, 10, 0, 0).train();
    Path file = dir.resolve("train.jsonl");
    MrqaWriter.write(file, ds);
    assertThat(MrqaReader.read(file)).isEqualTo(ds);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(1 + ds.contexts().size());
    assertThat(lines.get(0))
        .isEqualTo("{\"header\":{\"dataset\":\"FactWorld\",\"split\":\"train\"}}");

    Path gz = dir.resolve("train.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(file));
    }
    assertThat(MrqaReader.read(gz)).isEqualTo(ds);
  }

  @Test
  void malformedJsonNamesFileAndLine() {
    String text = HEADER + "\n" + context("Quessa", 25, 30, 5, 5) + "\n{\"context\": \"oops\",\n";
    assertThatThrownBy(() -> read(text, MrqaReader.OnBadQuestion.SKIP))
        .isInstanceOf(MrqaFormatException.class)
        .hasMessageStartingWith("x.jsonl:3: malformed JSON");
  }

  @Test
  void missingFieldsAndBadTokensAreErrors() {
    String noTokens = context("Quessa", 25, 30, 5, 5).replace("\"question_tokens\"", "\"qt\"");
    assertThatThrownBy(() -> read(HEADER + "\n" + noTokens, MrqaReader.OnBadQuestion.SKIP))
        .hasMessage("x.jsonl:2: qas[0]: missing field \"question_tokens\"");
    String badOffset = context("Quessa", 25, 30, 5, 5).replace("[\"born\", 17]", "[\"born\", 18]");
    assertThatThrownBy(() -> read(HEADER + "\n" + badOffset, MrqaReader.OnBadQuestion.SKIP))
        .hasMessageContaining("x.jsonl:2: context_tokens[3] \"born\" does not occur at offset 18");
    assertThatThrownBy(() -> read("{\"dataset\": 1}", MrqaReader.OnBadQuestion.SKIP))
        .hasMessageContaining("x.jsonl:1: first line must be");
    String reversed = context("Quessa", 30, 25, 5, 5);
    assertThatThrownBy(() -> read(HEADER + "\n" + reversed, MrqaReader.OnBadQuestion.SKIP))
        .hasMessageContaining("x.jsonl:2: qas[0].detected_answers[0]: field \"char_spans\"");
  }

  @Test
  void answerSpanNotSpellingItsTextFailsOrIsSkippedAndCounted() throws IOException {
    String shifted =
        HEADER
            + "\n"
            + context("Quessa", 24, 29, 5, 5)
            + "\n"
            + context("Quessa", 25, 30, 5, 5).replace("q1", "q2")
            + "\n";
    assertThatThrownBy(() -> read(shifted, MrqaReader.OnBadQuestion.FAIL))
        .hasMessage(
            "x.jsonl:2: question q1: answer \"Quessa\" char span [24, 29] spells \" Quess\"");
    MrqaReader.Result r = read(shifted, MrqaReader.OnBadQuestion.SKIP);
    assertThat(r.skippedQuestions()).isEqualTo(1);
    assertThat(r.skippedContexts()).isEqualTo(1);
    assertThat(r.warnings())
        .containsExactly(
            "x.jsonl:2: skipped question q1: answer \"Quessa\" char span [24, 29] spells \""
                + " Quess\"");
    assertThat(r.dataset().contexts()).hasSize(1);
    assertThat(r.dataset().contexts().get(0).qas().get(0).qid()).isEqualTo("q2");
  }

  @Test
  void tokenSpanNotCoveringTheAnswerIsABadQuestion() throws IOException {
    MrqaReader.Result r =
        read(HEADER + "\n" + context("Quessa", 25, 30, 4, 4), MrqaReader.OnBadQuestion.SKIP);
    assertThat(r.skippedQuestions()).isEqualTo(1);
    assertThat(r.warnings().get(0)).contains("token span [4, 4] (chars 22..23) does not cover");
  }

  @Test
  void questionWithoutDetectedAnswerIsSkippedOrFails() throws IOException {
    String none =
        context("Quessa", 25, 30, 5, 5)
            .replaceAll("\"detected_answers\": \\[.*\\]\\}\\]\\}", "\"detected_answers\": []}]}");
    assertThat(none).contains("\"detected_answers\": []");
    assertThatThrownBy(() -> read(HEADER + "\n" + none, MrqaReader.OnBadQuestion.FAIL))
        .hasMessage("x.jsonl:2: question q1: no answer detected in its context");
    MrqaReader.Result r = read(HEADER + "\n" + none, MrqaReader.OnBadQuestion.SKIP);
    assertThat(r.skippedQuestions()).isEqualTo(1);
    assertThat(r.dataset().questionCount()).isZero();
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.jsonl");
    assertThatThrownBy(() -> MrqaReader.read(missing)).hasMessageContaining(missing.toString());
  }

  @Test
  void writerEscapesNewlinesSoEachContextStaysOneLine(@TempDir Path dir) throws IOException {
    String text = "Line one.\nLine two \"quoted\".";
    List<Token> tokens = QaTokenizer.tokenize(text);
    MrqaQuestion q =
        new MrqaQuestion(
            "a",
            "What?",
            QaTokenizer.tokenize("What?"),
            List.of("two"),
            List.of(DetectedAnswer.find(text, tokens, "two")));
    MrqaDataset ds =
        new MrqaDataset("T", "dev", List.of(new MrqaContext(text, tokens, List.of(q))));
    Path file = dir.resolve("t.jsonl");
    MrqaWriter.write(file, ds);
    assertThat(Files.readString(file, StandardCharsets.UTF_8).split("\n")).hasSize(2);
    assertThat(MrqaReader.read(file)).isEqualTo(ds);
  }
}
