package dev.mediagen.qa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded few-shot training subsets in Splinter's layout (papers-language.md §2.3): {@code
 * <ds>-train-seed-<seed>-num-examples-<n>.jsonl}, sizes 16/128/1024 (the paper also uses 32, 64,
 * 256, 512), seeds 42–46. An example is one question; each is written as its own context line (its
 * context repeated), so {@code n} lines hold exactly {@code n} examples.
 *
 * <p><b>Nested</b>: for one seed the questions are shuffled once and every size takes a prefix of
 * that order, so the 16 examples are the first 16 of the 128, which are the first 128 of the 1024
 * (less variance between sizes than independent draws; Splinter's own subsets are not documented as
 * nested).
 */
public final class FewShotSampler {

  public static final List<Integer> SIZES = List.of(16, 128, 1024);
  public static final List<Integer> SEEDS = List.of(42, 43, 44, 45, 46);

  private FewShotSampler() {}

  /** Splinter's file name. */
  public static String fileName(String dataset, long seed, int n) {
    return "%s-train-seed-%d-num-examples-%d.jsonl".formatted(dataset, seed, n);
  }

  /** {@code n} questions of {@code train}, the first {@code n} of the seed's shuffle. */
  public static MrqaDataset sample(MrqaDataset train, int n, long seed) {
    List<MrqaDataset.Example> all = train.examples();
    if (n < 1 || n > all.size()) {
      throw new IllegalArgumentException(
          "few-shot size %d must be in [1, %d] (questions in %s %s)"
              .formatted(n, all.size(), train.dataset(), train.split()));
    }
    int[] order = IntStream.range(0, all.size()).toArray();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<MrqaContext> contexts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      MrqaDataset.Example e = all.get(order[i]);
      contexts.add(
          new MrqaContext(
              e.context().context(), e.context().contextTokens(), List.of(e.question())));
    }
    return new MrqaDataset(train.dataset(), "train", contexts);
  }

  /** Writes every size × seed subset into {@code dir}; returns the files in that order. */
  public static List<Path> writeAll(
      MrqaDataset train, String dataset, Path dir, List<Integer> sizes, List<Integer> seeds)
      throws IOException {
    List<Path> files = new ArrayList<>();
    for (int n : sizes) {
      for (int seed : seeds) {
        Path file = dir.resolve(fileName(dataset, seed, n));
        MrqaWriter.write(file, sample(train, n, seed));
        files.add(file);
      }
    }
    return files;
  }
}
