package dev.mediagen.qa;

import dev.mediagen.train.Seeds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed choices that turn the shipped data into our Splinter's inputs (papers-language.md §2),
 * shared by the CLI and the few-shot study: vocabulary (LitBank words seen ≥ {@value #MIN_COUNT}
 * times, at most {@value #MAX_WORDS}, the fact world's words, {@value #BUCKETS} hashed buckets), and
 * the RSS text: LitBank passages of at most {@value #PASSAGE_TOKENS} tokens plus generated
 * documents with recurring facts, every text cut to fit the model's positions.
 */
public final class QaSetup {
  public static final int MIN_COUNT = 3;
  public static final int MAX_WORDS = 6000;
  public static final int BUCKETS = 1024;
  public static final int PASSAGE_TOKENS = 160;
  /** The seed of the shipped QA splits (train pool, dev, test). */
  public static final long DATA_SEED = 2021;

  private QaSetup() {}

  /** The vocabulary over LitBank passages and the fact world. */
  public static HashedVocab vocabulary(List<String> litbankPassages) {
    return new HashedVocab(QaCorpus.tokenizer(litbankPassages, MIN_COUNT, MAX_WORDS), BUCKETS);
  }

  /** LitBank passages of the CoNLL files in {@code conllDir}. */
  public static List<String> litbank(Path conllDir) throws IOException {
    return QaCorpus.litbank(conllDir, PASSAGE_TOKENS);
  }

  /**
   * The pretraining texts: {@code litbank} and {@code documents} generated documents (seeded),
   * each at most {@code maxTokens} tokens (longer documents are cut at sentence ends); a share
   * {@code questionShare} of the documents' restatements are question-and-answer lines.
   */
  public static List<String> pretrainingTexts(
      List<String> litbank, int documents, long seed, int maxTokens, double questionShare) {
    return pretrainingTexts(litbank, documents, seed, maxTokens, questionShare, PretrainingDocuments.PEOPLE);
  }

  /** {@link #pretrainingTexts(List, int, long, int, double)} with {@code people} people per generated document. */
  public static List<String> pretrainingTexts(
      List<String> litbank, int documents, long seed, int maxTokens, double questionShare, int people) {
    List<String> out = new ArrayList<>(litbank);
    for (String doc : PretrainingDocuments.generate(seed, documents, 0.5, questionShare, people)) {
      List<String> sentences = Arrays.asList(doc.split("(?<=\\.) "));
      out.addAll(RssCorpus.passages(sentences, maxTokens));
    }
    return out;
  }

  /**
   * RSS train and dev inputs: every {@code devEvery}-th text is held out for the span-accuracy
   * check (0: none).
   */
  public static List<List<SpanInput>> rssSplit(
      List<String> texts, HashedVocab vocab, int maxLength, long seed, int devEvery) {
    return rssSplit(texts, vocab, maxLength, seed, devEvery, 1);
  }

  /**
   * {@link #rssSplit(List, HashedVocab, int, long, int)} with every training passage masked {@code
   * dupeFactor} times, each time with its own generator (the reference's {@code dupe_factor}: the same
   * text with other recurring spans kept and replaced). With a factor above 1 the split is made on
   * passages first, so no copy of a dev passage trains; dev passages are masked once.
   */
  public static List<List<SpanInput>> rssSplit(
      List<String> texts, HashedVocab vocab, int maxLength, long seed, int devEvery, int dupeFactor) {
    if (dupeFactor < 1) {
      throw new IllegalArgumentException("dupeFactor must be >= 1, got " + dupeFactor);
    }
    if (dupeFactor > 1) {
      List<String> trainTexts = new ArrayList<>();
      List<String> devTexts = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        (devEvery > 0 && i % devEvery == devEvery - 1 ? devTexts : trainTexts).add(texts.get(i));
      }
      List<SpanInput> train = new ArrayList<>();
      for (int d = 0; d < dupeFactor; d++) {
        train.addAll(QaCorpus.rssInputs(trainTexts, vocab, maxLength, Seeds.derive(seed, Seeds.DATA, d + 1)));
      }
      return List.of(train, QaCorpus.rssInputs(devTexts, vocab, maxLength, seed));
    }
    List<SpanInput> all = QaCorpus.rssInputs(texts, vocab, maxLength, seed);
    List<SpanInput> train = new ArrayList<>();
    List<SpanInput> dev = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      (devEvery > 0 && i % devEvery == devEvery - 1 ? dev : train).add(all.get(i));
    }
    return List.of(train, dev);
  }

  /** The QA splits: a train pool of {@code trainPool} questions and a test set of {@code test}. */
  public static QaDatasets.Splits qaSplits(int trainPool, int dev, int test) {
    return QaDatasets.generate(DATA_SEED, trainPool, dev, test);
  }
}
