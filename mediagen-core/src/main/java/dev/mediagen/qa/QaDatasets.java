package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The QA dataset this project ships: {@link FactGenerator} passages about invented people turned
 * into MRQA contexts (papers-language.md §2.3 format, §5 option (a)). Train, dev and test use
 * disjoint {@link EntitySplit}s, so every dev/test person and place name is unseen in training;
 * passages for RSS pretraining come from a fourth, disjoint split ({@link #pretrainingPassages}).
 *
 * <p>Sizes count <b>questions</b> (examples, as few-shot sizes do): passages of {@value
 * #PEOPLE_PER_PASSAGE} people with {@value #QUESTIONS_PER_PASSAGE} questions each, the last passage
 * keeping only as many as are needed. Each split draws from its own generator derived from {@code
 * seed}, so a split does not change when another split's size does.
 */
public final class QaDatasets {

  public static final int PEOPLE_PER_PASSAGE = 3;
  public static final int QUESTIONS_PER_PASSAGE = 4;
  public static final String DATASET = "FactWorld";

  private QaDatasets() {}

  /** Train, dev and test MRQA datasets. */
  public record Splits(MrqaDataset train, MrqaDataset dev, MrqaDataset test) {}

  /** MRQA datasets of {@code nTrain}, {@code nDev} and {@code nTest} questions. */
  public static Splits generate(long seed, int nTrain, int nDev, int nTest) {
    return new Splits(
        toMrqa("train", passages(seed, EntitySplit.TRAIN, nTrain)),
        toMrqa("dev", passages(seed, EntitySplit.DEV, nDev)),
        toMrqa("test", passages(seed, EntitySplit.TEST, nTest)));
  }

  /** Passages of {@code split} holding exactly {@code questions} questions in total. */
  public static List<FactPassage> passages(long seed, EntitySplit split, int questions) {
    if (questions < 0) {
      throw new IllegalArgumentException("question count must be >= 0, got " + questions);
    }
    SplittableRandom rng = generator(seed, split);
    List<FactPassage> out = new ArrayList<>();
    for (int left = questions; left > 0; left -= QUESTIONS_PER_PASSAGE) {
      out.add(
          FactGenerator.passage(
              split, PEOPLE_PER_PASSAGE, Math.min(left, QUESTIONS_PER_PASSAGE), rng));
    }
    return out;
  }

  /** {@code count} passage texts of the {@link EntitySplit#PRETRAIN} split, for RSS. */
  public static List<String> pretrainingPassages(long seed, int count) {
    SplittableRandom rng = generator(seed, EntitySplit.PRETRAIN);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(FactGenerator.passage(EntitySplit.PRETRAIN, PEOPLE_PER_PASSAGE, 0, rng).context());
    }
    return out;
  }

  /** MRQA contexts of {@code passages}; qids are {@code <split>-<passage>-<question>}. */
  public static MrqaDataset toMrqa(String split, List<FactPassage> passages) {
    List<MrqaContext> contexts = new ArrayList<>();
    for (int p = 0; p < passages.size(); p++) {
      FactPassage passage = passages.get(p);
      List<Token> tokens = QaTokenizer.tokenize(passage.context());
      List<MrqaQuestion> qas = new ArrayList<>();
      for (int q = 0; q < passage.asked().size(); q++) {
        FactPassage.Asked asked = passage.asked().get(q);
        String answer = asked.fact().value();
        DetectedAnswer detected = DetectedAnswer.find(passage.context(), tokens, answer);
        if (detected == null || !detected.charSpans().contains(asked.fact().chars())) {
          throw new IllegalStateException(
              "generated answer \"%s\" not found at %s in: %s"
                  .formatted(answer, asked.fact().chars(), passage.context()));
        }
        qas.add(
            new MrqaQuestion(
                qid(split, p, q),
                asked.question(),
                QaTokenizer.tokenize(asked.question()),
                List.of(answer),
                List.of(detected)));
      }
      contexts.add(new MrqaContext(passage.context(), tokens, qas));
    }
    return new MrqaDataset(DATASET, split, contexts);
  }

  /** The id of question {@code q} of passage {@code p}: {@code <split>-<pppppp>-<q>}. */
  public static String qid(String split, int p, int q) {
    return "%s-%06d-%d".formatted(split, p, q);
  }

  /** The generator of one split: a fixed mix of {@code seed} and the split. */
  static SplittableRandom generator(long seed, EntitySplit split) {
    return new SplittableRandom(
        seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (split.ordinal() + 1));
  }
}
