package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tiny synthetic coreference documents for smoke trainings: words drawn from {Ann, Bob, the, saw,
 * and}; every "Ann" corefers with every other "Ann", every "Bob" with every "Bob"; a word's frozen
 * "state" is a fixed random vector of its type plus a little noise.
 */
final class SyntheticCoref {
  static final List<String> WORDS = List.of("Ann", "Bob", "the", "saw", "and");

  private SyntheticCoref() {}

  static CorefDocument document(int index, int tokens, long seed) {
    SplittableRandom r = new SplittableRandom(seed + index);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < tokens; i++) {
      words.add(WORDS.get(r.nextInt(WORDS.size())));
    }
    List<List<String>> sentences = new ArrayList<>();
    for (int i = 0; i < tokens; i += 5) {
      sentences.add(words.subList(i, Math.min(tokens, i + 5)));
    }
    List<List<Mention>> clusters = new ArrayList<>();
    for (String name : List.of("Ann", "Bob")) {
      List<Mention> c = new ArrayList<>();
      for (int i = 0; i < tokens; i++) {
        if (words.get(i).equals(name)) {
          c.add(new Mention(i, i));
        }
      }
      if (!c.isEmpty()) {
        clusters.add(c);
      }
    }
    return CorefDocument.fromTokens("synthetic-" + index, 0, sentences).withClusters(clusters);
  }

  static float[] states(CorefDocument doc, int dim, long seed) {
    float[][] type = new float[WORDS.size()][dim];
    SplittableRandom r = new SplittableRandom(seed);
    for (float[] v : type) {
      for (int d = 0; d < dim; d++) {
        v[d] = (float) r.nextGaussian();
      }
    }
    SplittableRandom noise = new SplittableRandom(seed + 1000 + doc.docId().hashCode());
    List<String> tokens = doc.tokens();
    float[] out = new float[tokens.size() * dim];
    for (int t = 0; t < tokens.size(); t++) {
      for (int d = 0; d < dim; d++) {
        out[t * dim + d] = type[WORDS.indexOf(tokens.get(t))][d] + 0.1f * (float) noise.nextGaussian();
      }
    }
    return out;
  }
}
