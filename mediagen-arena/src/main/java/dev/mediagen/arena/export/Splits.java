package dev.mediagen.arena.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Train / validation / test splits by unique user, as Pick-a-Pic's held-out sets were drawn from
 * distinct users (papers-language.md §1.2): users are shuffled with the seed and the first
 * {@code round(f·U)} go to validation, the next to test (at least one user each once there are three).
 * Captions never cross splits: a validation caption is dropped from test and train, a test caption from
 * train. The {@code *_unique} variants keep one seeded-random example per caption.
 */
public final class Splits {
  /** Split names in file order. */
  public static final List<String> NAMES = List.of("train", "validation", "test", "validation_unique", "test_unique");

  private Splits() {}

  /**
   * The five splits with {@code num_example_per_prompt} counted within each.
   *
   * @return split name → rows (ranking_id order), plus the number of rows dropped for caption overlap under key "dropped"
   */
  public static Result split(List<PickapicRow> rows, double validationFraction, double testFraction, long seed) {
    if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
      throw new IllegalArgumentException("validation %s + test %s fractions must be >= 0 and sum below 1"
          .formatted(validationFraction, testFraction));
    }
    List<Long> users = new ArrayList<>(new TreeSet<>(rows.stream().map(PickapicRow::userId).toList()));
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = users.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Long t = users.get(i);
      users.set(i, users.get(j));
      users.set(j, t);
    }
    int u = users.size();
    int nVal = (int) Math.round(validationFraction * u);
    int nTest = (int) Math.round(testFraction * u);
    if (u >= 3) {
      nVal = Math.max(nVal, validationFraction > 0 ? 1 : 0);
      nTest = Math.max(nTest, testFraction > 0 ? 1 : 0);
    }
    Map<Long, String> splitOf = new HashMap<>();
    for (int i = 0; i < u; i++) splitOf.put(users.get(i), i < nVal ? "validation" : i < nVal + nTest ? "test" : "train");
    Set<String> valCaptions = new HashSet<>();
    Set<String> testCaptions = new HashSet<>();
    for (PickapicRow r : rows) {
      String s = splitOf.get(r.userId());
      if (s.equals("validation")) valCaptions.add(r.caption());
    }
    for (PickapicRow r : rows) {
      if (splitOf.get(r.userId()).equals("test") && !valCaptions.contains(r.caption())) testCaptions.add(r.caption());
    }
    Map<String, List<PickapicRow>> out = new LinkedHashMap<>();
    NAMES.forEach(n -> out.put(n, new ArrayList<>()));
    int dropped = 0;
    for (PickapicRow r : rows) {
      String s = splitOf.get(r.userId());
      boolean leak = switch (s) {
        case "train" -> valCaptions.contains(r.caption()) || testCaptions.contains(r.caption());
        case "test" -> valCaptions.contains(r.caption());
        default -> false;
      };
      if (leak) dropped++;
      else out.get(s).add(r);
    }
    out.put("validation_unique", unique(out.get("validation"), rng));
    out.put("test_unique", unique(out.get("test"), rng));
    out.replaceAll((k, v) -> counted(v));
    return new Result(out, dropped, nVal, nTest, u - nVal - nTest);
  }

  /**
   * The splits.
   *
   * @param splits name → rows
   * @param droppedForOverlap rows dropped so that no caption crosses splits
   * @param validationUsers users in validation
   * @param testUsers users in test
   * @param trainUsers users in train
   */
  public record Result(Map<String, List<PickapicRow>> splits, int droppedForOverlap, int validationUsers, int testUsers, int trainUsers) {}

  private static List<PickapicRow> unique(List<PickapicRow> rows, SplittableRandom rng) {
    Map<String, List<PickapicRow>> byCaption = new LinkedHashMap<>();
    rows.forEach(r -> byCaption.computeIfAbsent(r.caption(), k -> new ArrayList<>()).add(r));
    List<PickapicRow> out = new ArrayList<>();
    byCaption.values().forEach(l -> out.add(l.get(rng.nextInt(l.size()))));
    out.sort(Comparator.comparingLong(PickapicRow::rankingId));
    return out;
  }

  private static List<PickapicRow> counted(List<PickapicRow> rows) {
    Map<String, Long> n = new HashMap<>();
    rows.forEach(r -> n.merge(r.caption(), 1L, Long::sum));
    return rows.stream().map(r -> r.withCount(n.get(r.caption()))).toList();
  }
}
