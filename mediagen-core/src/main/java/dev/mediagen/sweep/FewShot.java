package dev.mediagen.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The few-shot train/dev carve of the params-vs-examples study (papers-language.md §4.1): the
 * {@code n} sampled examples are shuffled with the seed and split into {@code n_train =
 * max(floor(3n/4), n - 400)} for training and the rest for checkpoint selection, so model selection
 * never sees data beyond the budget of {@code n}.
 */
public final class FewShot {

  private FewShot() {}

  /** Train and dev parts. */
  public record Carve<T>(List<T> train, List<T> dev) {
    public Carve {
      train = List.copyOf(train);
      dev = List.copyOf(dev);
    }
  }

  /** {@code max(floor(3n/4), n - 400)}. */
  public static int trainSize(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    return Math.max(3 * n / 4, n - 400);
  }

  /** Shuffles {@code examples} with {@code seed} and carves them. */
  public static <T> Carve<T> split(List<T> examples, long seed) {
    List<T> shuffled = new ArrayList<>(examples);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      shuffled.set(i, shuffled.set(j, shuffled.get(i)));
    }
    int nTrain = trainSize(shuffled.size());
    return new Carve<>(shuffled.subList(0, nTrain), shuffled.subList(nTrain, shuffled.size()));
  }
}
