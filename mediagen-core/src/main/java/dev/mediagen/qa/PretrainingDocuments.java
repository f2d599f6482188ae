package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated documents for RSS pretraining in which facts recur, as they do in the encyclopedia and
 * book text Splinter pretrains on (papers-language.md §2.1: RSS needs spans that occur more than
 * once). A plain {@link FactGenerator} passage names each person once and states each value once,
 * so its only recurring spans are template phrases ("was born in"); a document here is such a
 * passage about {@value #PEOPLE} people followed by a summary that restates a share of its facts in
 * other words ("Mira Tolland came from Quessa.", {@link Attribute#restatement}) or, optionally, as
 * question-and-answer lines ("Which town was the birthplace of Mira Tolland? Quessa."), in random
 * order. Entities come from {@link EntitySplit#PRETRAIN}, disjoint
 * from every QA split, so no QA answer is ever seen in pretraining.
 */
public final class PretrainingDocuments {

  /** People per document (two keep a document with its summary under ~170 tokens). */
  public static final int PEOPLE = 2;

  private PretrainingDocuments() {}

  /** {@code count} documents from a generator derived from {@code seed}, without questions. */
  public static List<String> generate(long seed, int count, double restateShare) {
    return generate(seed, count, restateShare, 0);
  }

  /**
   * {@code count} documents from a generator derived from {@code seed}; each restated fact is a
   * question-and-answer line ({@link Attribute#inquiry}) with probability {@code questionShare}.
   */
  public static List<String> generate(
      long seed, int count, double restateShare, double questionShare) {
    return generate(seed, count, restateShare, questionShare, PEOPLE);
  }

  /** {@link #generate(long, int, double, double)} with {@code people} people per document (1 to 4). */
  public static List<String> generate(
      long seed, int count, double restateShare, double questionShare, int people) {
    if (people < 1 || people > 4) {
      throw new IllegalArgumentException("people must be in [1, 4], got " + people);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    if (!(restateShare >= 0 && restateShare <= 1)) {
      throw new IllegalArgumentException("restateShare must be in [0, 1], got " + restateShare);
    }
    if (!(questionShare >= 0 && questionShare <= 1)) {
      throw new IllegalArgumentException("questionShare must be in [0, 1], got " + questionShare);
    }
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      FactPassage p =
          FactGenerator.passage(EntitySplit.PRETRAIN, people, 0, rng);
      out.add(document(p, restateShare, questionShare, rng));
    }
    return out;
  }

  /**
   * The passage, then a restatement for each fact kept with probability {@code share} (a
   * question-and-answer line with probability {@code questionShare}), shuffled.
   */
  static String document(
      FactPassage p, double share, double questionShare, SplittableRandom rng) {
    List<String> claims = new ArrayList<>();
    for (FactPassage.Fact f : p.facts()) {
      if (rng.nextDouble() < share) {
        // no draw when questionShare is 0, so documents without questions stay as they were
        boolean ask = questionShare > 0 && rng.nextDouble() < questionShare;
        Attribute a = f.attribute();
        claims.add(ask ? a.inquiry(f.person(), f.value()) : a.restatement(f.person(), f.value()));
      }
    }
    for (int i = claims.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      claims.set(i, claims.set(j, claims.get(i)));
    }
    StringBuilder s = new StringBuilder(p.context());
    claims.forEach(c -> s.append(' ').append(c));
    return s.toString();
  }
}
