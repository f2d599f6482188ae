package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RssCorpusTest {

  static Path litbankDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("data/litbank/coref/conll");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("data/litbank/coref/conll not found");
  }

  @Test
  void packsSentencesIntoPassagesOfAtMostMaxTokens() {
    List<String> p = RssCorpus.passages(List.of("a b c .", "d e .", "f g h i j k l", "m ."), 5);
    // "a b c ." (4) ; "d e ." (3) would make 7 -> new passage; the 7-token sentence is cut 5 + 2
    assertThat(p).containsExactly("a b c .", "d e .", "f g h i j", "k l m .");
    assertThatThrownBy(() -> RssCorpus.passages(List.of("a"), 0)).hasMessageContaining("got 0");
  }

  @Test
  void litbankPassagesAreRealTextWithRecurringSpans() throws IOException {
    Path alice = litbankDir().resolve("11_alices_adventures_in_wonderland_brat.conll");
    List<String> passages = RssCorpus.litbankFilePassages(alice, 128);
    assertThat(passages).hasSizeGreaterThan(10);
    assertThat(passages.get(0)).startsWith("CHAPTER I");
    assertThat(String.join(" ", passages)).contains("Alice");
    for (String p : passages) {
      assertThat(QaTokenizer.tokenize(p).size()).isBetween(1, 128);
    }
    List<RssExample> examples = RssCorpus.examples(passages, RssConfig.splinter(), 42);
    int questions = examples.stream().mapToInt(e -> e.questions().size()).sum();
    // fiction repeats names and phrases: most 128-token passages yield questions
    assertThat(questions).isGreaterThan(passages.size());
    assertThat(RssCorpus.examples(passages, RssConfig.splinter(), 42)).isEqualTo(examples);
  }

  @Test
  void generatedPretrainingPassagesGiveQuestionsAboutNames() {
    List<String> passages = QaDatasets.pretrainingPassages(3, 5);
    List<RssExample> examples = RssCorpus.examples(passages, RssConfig.splinter(), 1);
    List<String> answers = new ArrayList<>();
    for (RssExample e : examples) {
      assertThat(e.questions()).isNotEmpty();
      e.questions()
          .forEach(
              q ->
                  answers.add(
                      String.join(
                          " ", e.tokens().subList(q.answer().start(), q.answer().end() + 1))));
    }
    assertThat(answers).isNotEmpty();
  }
}
