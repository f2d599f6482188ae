package dev.mediagen.arena.sim;

import dev.mediagen.arena.gen.Backend;
import dev.mediagen.arena.gen.BackendSpec;
import dev.mediagen.arena.gen.Backends;
import dev.mediagen.arena.gen.ShapesBackend;
import dev.mediagen.pickscore.PreferencePair;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Preference pairs judged by synthetic voters in process (the arena's rounds without HTTP): each voter,
 * with a hidden {@link VoterProfile}, types a ShapesWorld caption (kept for another round half the time, as
 * in {@link Simulator}), two distinct reference backends draw it, and the {@link PreferenceOracle} judges.
 * A split holds whole users (the paper splits by unique user); {@code unique} keeps one pair per prompt.
 */
public final class SimulatedPreferences {
  /** Share of careless voters (random clicks). */
  public static final double CARELESS = 0.05;

  private SimulatedPreferences() {}

  /** The first pair of each prompt (the {@code *_unique} variant), weights reset to 1. */
  public static List<PreferencePair> unique(List<PreferencePair> pairs) {
    Set<String> seen = new HashSet<>();
    List<PreferencePair> out = new ArrayList<>();
    for (PreferencePair p : pairs) {
      if (seen.add(p.caption())) out.add(new PreferencePair(p.caption(), p.image0(), p.image1(), p.label0(), 1, p.model0(), p.model1()));
    }
    return out;
  }

  /** The four reference backends at {@code size} px, best first (the oracle order). */
  public static List<Backend> referenceBackends(int size) {
    List<Backend> out = new ArrayList<>();
    for (BackendSpec s : Backends.reference()) out.add(new ShapesBackend(s.id(), s.errorRate(), s.noise(), size));
    return out;
  }

  /**
   * Pairs from {@code users} voters, {@code pairsPerUser} each.
   *
   * @param firstUser index of the first voter (splits use disjoint ranges, so disjoint voters)
   */
  public static List<PreferencePair> collect(List<Backend> backends, int firstUser, int users, int pairsPerUser, boolean unique, long seed) {
    PreferenceOracle oracle = new PreferenceOracle();
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults().withSize(backends.get(0).size()));
    List<String[]> meta = new ArrayList<>(); // caption, model0, model1
    List<Video[]> images = new ArrayList<>();
    List<Float> labels = new ArrayList<>();
    for (int u = firstUser; u < firstUser + users; u++) {
      SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + u);
      VoterProfile voter = VoterProfile.draw(rng, rng.nextDouble() < CARELESS);
      String prompt = null;
      for (int i = 0; i < pairsPerUser; i++) {
        if (prompt == null || rng.nextDouble() < 0.5) prompt = Captioner.caption(sampler.sampleImage(rng, Split.TRAIN), rng);
        int a = rng.nextInt(backends.size());
        int b = rng.nextInt(backends.size() - 1);
        if (b >= a) b++;
        var left = backends.get(a).generate(prompt, rng.nextLong(), null);
        var right = backends.get(b).generate(prompt, rng.nextLong(), null);
        PreferenceOracle.Vote v = oracle.judge(prompt, left, right, voter, rng);
        meta.add(new String[] {prompt, backends.get(a).id(), backends.get(b).id()});
        images.add(new Video[] {Video.of(List.of(left)), Video.of(List.of(right))});
        labels.add(switch (v) {
          case LEFT -> 1f;
          case RIGHT -> 0f;
          case TIE -> 0.5f;
        });
      }
    }
    Map<String, Integer> perPrompt = new HashMap<>();
    for (String[] m : meta) perPrompt.merge(m[0], 1, Integer::sum);
    Set<String> seen = new HashSet<>();
    List<PreferencePair> out = new ArrayList<>();
    for (int i = 0; i < meta.size(); i++) {
      String[] m = meta.get(i);
      if (unique && !seen.add(m[0])) continue;
      out.add(new PreferencePair(m[0], images.get(i)[0], images.get(i)[1], labels.get(i), unique ? 1 : perPrompt.get(m[0]), m[1], m[2]));
    }
    return out;
  }
}
