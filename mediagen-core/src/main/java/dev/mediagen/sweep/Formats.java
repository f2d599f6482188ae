package dev.mediagen.sweep;

import dev.mediagen.qa.FactGenerator;
import dev.mediagen.qa.FactPassage;
import dev.mediagen.qa.QaDatasets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the four task formats of the params-vs-examples study (papers-language.md §4.1) from the
 * <i>same</i> generated facts: each asked question of a {@link FactPassage} (the questions of
 * {@link QaDatasets}) becomes one example per format, with the same id.
 *
 * <ul>
 *   <li>classification: the passage and a claim about the asked fact, true half of the time; a
 *       false claim swaps in a value of the same kind, preferably one the passage states about
 *       someone or something else (so the passage must be read);
 *   <li>extractive: passage + question → the answer span;
 *   <li>multiple choice: passage + question + the answer and 3 distractors of the same kind (from
 *       the passage first, then from the split's pools), shuffled;
 *   <li>open: the question alone. Facts belong to invented people and dev/test people are never
 *       seen in training ({@code EntitySplit}), so closed-book answers cannot be recalled: more
 *       training examples should not help open QA, by construction — the paper's finding that open
 *       QA gains nothing from examples (§4.2), turned into a controlled experiment.
 * </ul>
 */
public final class Formats {

  /** Answer choices per multiple-choice question. */
  public static final int CHOICES = 4;

  private Formats() {}

  /** One example per asked question of {@code passages}; ids are {@link QaDatasets#qid}. */
  public static List<TaskExample> build(
      TaskFormat format, String split, List<FactPassage> passages, long seed) {
    List<TaskExample> out = new ArrayList<>();
    for (int p = 0; p < passages.size(); p++) {
      FactPassage passage = passages.get(p);
      SplittableRandom rng = new SplittableRandom(seed ^ (0xBF58476D1CE4E5B9L * (p + 1)));
      for (int q = 0; q < passage.asked().size(); q++) {
        out.add(example(format, QaDatasets.qid(split, p, q), passage, passage.asked().get(q), rng));
      }
    }
    return out;
  }

  /** The example of one asked question in one format. */
  public static TaskExample example(
      TaskFormat format, String id, FactPassage p, FactPassage.Asked asked, SplittableRandom rng) {
    FactPassage.Fact fact = asked.fact();
    return switch (format) {
      case CLASSIFICATION -> {
        boolean label = rng.nextBoolean();
        String value = label ? fact.value() : distractors(p, fact, 1, rng).get(0);
        yield new TaskExample.Classification(
            id, p.context(), fact.attribute().claim(fact.person(), value), label);
      }
      case EXTRACTIVE ->
          new TaskExample.Extractive(id, p.context(), asked.question(), fact.value(), fact.chars());
      case MULTIPLE_CHOICE -> {
        List<String> choices = new ArrayList<>(distractors(p, fact, CHOICES - 1, rng));
        int label = rng.nextInt(CHOICES);
        choices.add(label, fact.value());
        yield new TaskExample.MultipleChoice(id, p.context(), asked.question(), choices, label);
      }
      case OPEN -> new TaskExample.Open(id, asked.question(), fact.value());
    };
  }

  /**
   * {@code k} distinct values of the fact's kind other than its own: those stated in the passage
   * first (in random order), then fresh ones from the passage's split.
   */
  public static List<String> distractors(
      FactPassage p, FactPassage.Fact fact, int k, SplittableRandom rng) {
    List<String> inPassage = new ArrayList<>(p.valuesOf(fact.attribute().kind()));
    inPassage.remove(fact.value());
    for (int i = inPassage.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      inPassage.set(i, inPassage.set(j, inPassage.get(i)));
    }
    Set<String> out = new LinkedHashSet<>(inPassage.subList(0, Math.min(k, inPassage.size())));
    for (int attempt = 0; out.size() < k; attempt++) {
      if (attempt > 10_000) {
        throw new IllegalStateException("cannot find " + k + " distractors for " + fact);
      }
      String v = FactGenerator.value(fact.attribute().kind(), p.split(), rng);
      if (!v.equals(fact.value())) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }
}
