package dev.mediagen.qa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The text side of our Splinter (papers-language.md §2.1): the word vocabulary and the RSS
 * pretraining inputs.
 *
 * <ul>
 *   <li>Vocabulary: LitBank words seen at least {@code minCount} times (at most {@code maxWords})
 *       plus the fact world's own words (its templates, pools, question wording, years 1700–1999);
 *       invented names are never words, they go to {@link HashedVocab} buckets in every split.
 *   <li>Pretraining text: LitBank passages ({@link RssCorpus#litbankPassages}) and generated
 *       documents with recurring facts ({@link PretrainingDocuments}), each cut to at most {@code
 *       maxTokens} tokens, masked with RSS ({@link RecurringSpans}).
 * </ul>
 */
public final class QaCorpus {

  private QaCorpus() {}

  /** The fact world's non-name words, sorted (templates, pools, questions, claims, years). */
  public static List<String> worldWords() {
    TreeSet<String> words = new TreeSet<>();
    QaDatasets.Splits s = QaDatasets.generate(7, 400, 0, 0);
    List<String> texts = new ArrayList<>(PretrainingDocuments.generate(7, 100, 1.0));
    for (MrqaDataset.Example e : s.train().examples()) {
      texts.add(e.context().context());
      texts.add(e.question().question());
    }
    for (String t : texts) {
      for (String form : QaTokenizer.forms(t)) {
        if (FactGenerator.isReserved(form)) {
          words.add(form);
        }
      }
    }
    for (int year = 1700; year < 2000; year++) {
      words.add(Integer.toString(year));
    }
    return List.copyOf(words);
  }

  /**
   * The vocabulary over {@code litbankPassages} (words seen {@code minCount}+ times, at most {@code
   * maxWords}) and {@link #worldWords()}.
   */
  public static QaTokenizer tokenizer(List<String> litbankPassages, int minCount, int maxWords) {
    List<String> texts = new ArrayList<>(litbankPassages);
    String world = String.join(" ", worldWords());
    for (int i = 0; i < Math.max(minCount, 1); i++) {
      texts.add(world); // world words always reach the count
    }
    return QaTokenizer.build(texts, Math.max(minCount, 1), maxWords);
  }

  /** The vocabulary of the fact world alone (the params-vs-examples study's small encoders). */
  public static QaTokenizer worldTokenizer() {
    return QaTokenizer.build(List.of(String.join(" ", worldWords())), 1, 0);
  }

  /** LitBank passages of at most {@code maxTokens} tokens. */
  public static List<String> litbank(Path conllDir, int maxTokens) throws IOException {
    return RssCorpus.litbankPassages(conllDir, maxTokens);
  }

  /**
   * RSS inputs of {@code passages} (each masked with its own generator derived from {@code seed};
   * passages without a recurring span are dropped).
   */
  public static List<SpanInput> rssInputs(
      List<String> passages, HashedVocab vocab, int maxLength, long seed) {
    return RssInputs.of(RssCorpus.examples(passages, RssConfig.splinter(), seed), vocab, maxLength);
  }
}
