package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Properties every coreference score must have, over random clusterings of random spans. */
class CorefScorerPropertiesTest {

  @Property(tries = 200)
  void keyAgainstItselfIsPerfect(@ForAll long seed) {
    List<List<Mention>> key = randomClustering(new Random(seed));
    Scores s = CorefScorer.scoreClusters(key, key, true);
    boolean anyMention = !key.isEmpty();
    boolean anyLink = key.stream().anyMatch(c -> c.size() > 1);
    double expected = anyMention ? 1 : 0;
    assertThat(s.bcub()).isEqualTo(new Prf(expected, expected, expected));
    assertThat(s.ceafe().p()).isCloseTo(expected, within(1e-12));
    assertThat(s.ceafe().r()).isCloseTo(expected, within(1e-12));
    // MUC counts links: a key of singletons only has none, and 0/0 counts as 0
    double muc = anyLink ? 1 : 0;
    assertThat(s.muc()).isEqualTo(new Prf(muc, muc, muc));
  }

  @Property(tries = 200)
  void invariantToClusterAndMentionOrder(@ForAll long seed) {
    Random rnd = new Random(seed);
    List<List<Mention>> key = randomClustering(rnd);
    List<List<Mention>> response = perturb(key, rnd);
    Scores s = CorefScorer.scoreClusters(key, response, true);
    Scores shuffled = CorefScorer.scoreClusters(shuffle(key, rnd), shuffle(response, rnd), true);
    assertClose(shuffled, s);
  }

  @Property(tries = 200)
  void allSingletonResponseHasNoMucRecall(@ForAll long seed) {
    Random rnd = new Random(seed);
    List<List<Mention>> key = randomClustering(rnd);
    List<Mention> mentions = new ArrayList<>();
    key.forEach(mentions::addAll);
    mentions.add(new Mention(200, 201)); // a twinless one too
    Scores s = CorefScorer.scoreClusters(key, CorefBaselines.allSingletons(mentions), true);
    assertThat(s.muc().r()).isZero();
    assertThat(s.muc().p()).isZero();
  }

  @Property(tries = 200)
  void swappingKeyAndResponseSwapsRecallAndPrecision(@ForAll long seed) {
    Random rnd = new Random(seed);
    List<List<Mention>> key = randomClustering(rnd);
    List<List<Mention>> response = perturb(key, rnd);
    Scores s = CorefScorer.scoreClusters(key, response, true);
    Scores t = CorefScorer.scoreClusters(response, key, true);
    for (Prf[] pair :
        new Prf[][] {{s.muc(), t.muc()}, {s.bcub(), t.bcub()}, {s.ceafe(), t.ceafe()}}) {
      assertThat(pair[0].r()).isCloseTo(pair[1].p(), within(1e-12));
      assertThat(pair[0].p()).isCloseTo(pair[1].r(), within(1e-12));
    }
  }

  @Property(tries = 200)
  void droppingSingletonsEqualsScoringWithoutThem(@ForAll long seed) {
    Random rnd = new Random(seed);
    List<List<Mention>> key = randomClustering(rnd);
    List<List<Mention>> response = perturb(key, rnd);
    Scores dropped = CorefScorer.scoreClusters(key, response, false);
    Scores manual =
        CorefScorer.scoreClusters(
            key.stream().filter(c -> c.size() > 1).toList(),
            response.stream().filter(c -> c.size() > 1).toList(),
            true);
    assertClose(dropped, manual);
  }

  /** Up to 25 distinct random spans over 60 tokens, grouped into random clusters. */
  static List<List<Mention>> randomClustering(Random rnd) {
    TreeSet<Mention> spans = new TreeSet<>();
    int n = rnd.nextInt(26);
    while (spans.size() < n) {
      int start = rnd.nextInt(60);
      spans.add(new Mention(start, start + rnd.nextInt(4)));
    }
    return group(new ArrayList<>(spans), rnd);
  }

  /** A response: some key mentions dropped, some new ones added, all regrouped at random. */
  static List<List<Mention>> perturb(List<List<Mention>> key, Random rnd) {
    TreeSet<Mention> spans = new TreeSet<>();
    key.forEach(c -> c.stream().filter(m -> rnd.nextDouble() < 0.8).forEach(spans::add));
    int extra = rnd.nextInt(6);
    for (int i = 0; i < extra; i++) {
      int start = rnd.nextInt(60);
      spans.add(new Mention(start, start + rnd.nextInt(4)));
    }
    if (rnd.nextBoolean()) {
      // half the time keep the key's grouping where possible, so scores are far from 0
      List<List<Mention>> out = new ArrayList<>();
      for (List<Mention> c : key) {
        List<Mention> kept = c.stream().filter(spans::remove).toList();
        if (!kept.isEmpty()) {
          out.add(kept);
        }
      }
      out.addAll(group(new ArrayList<>(spans), rnd));
      return out;
    }
    return group(new ArrayList<>(spans), rnd);
  }

  private static List<List<Mention>> group(List<Mention> mentions, Random rnd) {
    int k = 1 + rnd.nextInt(Math.max(1, mentions.size()));
    List<List<Mention>> clusters = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      clusters.add(new ArrayList<>());
    }
    mentions.forEach(m -> clusters.get(rnd.nextInt(k)).add(m));
    clusters.removeIf(List::isEmpty);
    return clusters;
  }

  private static List<List<Mention>> shuffle(List<List<Mention>> clusters, Random rnd) {
    List<List<Mention>> out = new ArrayList<>();
    for (List<Mention> c : clusters) {
      List<Mention> copy = new ArrayList<>(c);
      Collections.shuffle(copy, rnd);
      out.add(copy);
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  private static void assertClose(Scores a, Scores b) {
    for (Prf[] pair :
        new Prf[][] {{a.muc(), b.muc()}, {a.bcub(), b.bcub()}, {a.ceafe(), b.ceafe()}}) {
      assertThat(pair[0].p()).isCloseTo(pair[1].p(), within(1e-12));
      assertThat(pair[0].r()).isCloseTo(pair[1].r(), within(1e-12));
      assertThat(pair[0].f1()).isCloseTo(pair[1].f1(), within(1e-12));
    }
  }
}
