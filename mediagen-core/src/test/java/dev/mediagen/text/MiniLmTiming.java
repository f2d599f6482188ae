package dev.mediagen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures {@link MiniLmEncoder}: load time and milliseconds per batch of 32 fifteen-word captions,
 * uncached and cached. Not a test; run with
 *
 * <pre>
 * mvn -q -B -o test-compile -pl mediagen-core
 * mvn -q -B -o dependency:build-classpath -pl mediagen-core -Dmdep.outputFile=/tmp/cp.txt
 * java -cp mediagen-core/target/test-classes:mediagen-core/target/classes:$(cat /tmp/cp.txt) \
 *     dev.mediagen.text.MiniLmTiming [threads]
 * </pre>
 */
public final class MiniLmTiming {

  private static final String[] WORDS =
      ("a the small large red green blue yellow purple orange circle square triangle striped solid"
              + " moves left right up down bounces slowly quickly across on background near top"
              + " bottom corner while stays still")
          .split(" ");

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    long t0 = System.nanoTime();
    MiniLmEncoder uncached =
        new MiniLmEncoder(MiniLmConfig.defaults().withCacheSize(0).withThreads(threads));
    System.out.printf("load: %.0f ms (threads=%d)%n", (System.nanoTime() - t0) / 1e6, threads);
    SplittableRandom rng = new SplittableRandom(42);
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < 20; b++) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 15; w++) {
          sb.append(WORDS[rng.nextInt(WORDS.length)]).append(' ');
        }
        batch.add(sb.toString().strip());
      }
      batches.add(batch);
    }
    int tokens = uncached.encode(batches.get(0)).maxLen();
    uncached.encode(batches.get(1)); // warm-up
    long t1 = System.nanoTime();
    for (List<String> batch : batches) {
      uncached.encode(batch);
    }
    double perBatch = (System.nanoTime() - t1) / 1e6 / batches.size();
    System.out.printf(
        "uncached: %.1f ms per batch of 32 (padded length %d tokens)%n", perBatch, tokens);
    long t2 = System.nanoTime();
    for (List<String> batch : batches) {
      for (String caption : batch) {
        uncached.encode(List.of(caption));
      }
    }
    double oneByOne = (System.nanoTime() - t2) / 1e6 / batches.size();
    System.out.printf("uncached, one caption per call: %.1f ms per 32%n", oneByOne);
    uncached.close();
    try (MiniLmEncoder cached = new MiniLmEncoder(MiniLmConfig.defaults().withThreads(threads))) {
      batches.forEach(cached::encode); // fill the cache
      long t3 = System.nanoTime();
      for (int rep = 0; rep < 50; rep++) {
        batches.forEach(cached::encode);
      }
      double hit = (System.nanoTime() - t3) / 1e6 / (50 * batches.size());
      System.out.printf(
          "cached (all hits): %.2f ms per batch of 32 (%d hits, %d misses)%n",
          hit, cached.cacheHits(), cached.cacheMisses());
    }
  }
}
