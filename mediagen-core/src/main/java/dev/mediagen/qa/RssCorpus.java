package dev.mediagen.qa;

import dev.mediagen.coref.ConllReader;
import dev.mediagen.coref.CorefDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Text for RSS pretraining (Splinter, papers-language.md §2.1, pretrained on Wikipedia +
 * BookCorpus; here real English fiction offline): LitBank's 100 public-domain novel excerpts (CC BY
 * 4.0, {@code data/litbank/coref/conll}; only the CoNLL word column is shipped, so a sentence's
 * text is its words joined by single spaces) cut into passages of at most {@code maxTokens} {@link
 * QaTokenizer} tokens at sentence boundaries, plus generated fact passages from an entity split
 * disjoint from every QA split ({@link QaDatasets#pretrainingPassages}).
 */
public final class RssCorpus {

  private RssCorpus() {}

  /** Passages of every {@code *.conll} file in {@code conllDir} (files in name order). */
  public static List<String> litbankPassages(Path conllDir, int maxTokens) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(conllDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".conll")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no *.conll files in " + conllDir);
    }
    List<String> out = new ArrayList<>();
    for (Path file : files) {
      out.addAll(litbankFilePassages(file, maxTokens));
    }
    return out;
  }

  /** Passages of one CoNLL file. */
  public static List<String> litbankFilePassages(Path file, int maxTokens) throws IOException {
    List<String> out = new ArrayList<>();
    for (CorefDocument doc : ConllReader.read(file)) {
      List<String> sentences = doc.sentences().stream().map(s -> String.join(" ", s)).toList();
      out.addAll(passages(sentences, maxTokens));
    }
    return out;
  }

  /**
   * Greedily packs consecutive sentences into passages of at most {@code maxTokens} tokens, joined
   * by single spaces; a sentence longer than that is cut at token boundaries.
   */
  public static List<String> passages(List<String> sentences, int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int used = 0;
    for (String sentence : sentences) {
      List<Token> tokens = QaTokenizer.tokenize(sentence);
      if (tokens.isEmpty()) {
        continue;
      }
      for (int from = 0; from < tokens.size(); from += maxTokens) { // only > 1 pass when too long
        int to = Math.min(tokens.size(), from + maxTokens);
        String piece = sentence.substring(tokens.get(from).start(), tokens.get(to - 1).end());
        if (used > 0 && used + (to - from) > maxTokens) {
          out.add(current.toString());
          current.setLength(0);
          used = 0;
        }
        current.append(used > 0 ? " " : "").append(piece);
        used += to - from;
      }
    }
    if (used > 0) {
      out.add(current.toString());
    }
    return out;
  }

  /**
   * The RSS example of every passage; passage {@code i} is masked with its own generator derived
   * from {@code seed} and {@code i}, so examples do not depend on each other.
   */
  public static List<RssExample> examples(List<String> passages, RssConfig config, long seed) {
    List<RssExample> out = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i++) {
      SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
      out.add(RecurringSpans.mask(QaTokenizer.forms(passages.get(i)), config, rng));
    }
    return out;
  }
}
