package dev.mediagen.video;

import dev.mediagen.eval.NetWinRate;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Motion;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Score;
import dev.mediagen.world.Split;
import dev.mediagen.world.Texture;
import dev.mediagen.world.Video;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Movie Gen Bench analogue: a tagged prompt set and an automated pairwise judge. For every prompt, A
 * and B generate from the same noise; the analytic checker scores each sample (mean accuracy over the
 * scene's scored attributes); the better score wins. Reported as the net win rate with a bootstrap
 * interval, overall and per tag (concept tags and motion level, as Movie Gen Bench tags its prompts).
 */
public final class PairwiseBench {
  /** A benchmark prompt: its scene (ground truth), caption and tags. */
  public record Prompt(Scene scene, String caption, Set<String> tags) {}

  /** One system: a generator and how to sample from it. */
  public record Contender(String name, VideoGenerator generator, int steps, String schedule, float guidance) {}

  /** Net win rates of A over B, overall and per tag. */
  public record Result(String a, String b, NetWinRate.Result overall, Map<String, NetWinRate.Result> byTag) {}

  private PairwiseBench() {}

  /** {@code n} prompts from the test split (seen and unseen, images and videos), tagged. */
  public static List<Prompt> prompts(SceneSampler sampler, int n, long seed) {
    int quarter = Math.max(1, n / 4);
    List<Prompt> out = new ArrayList<>();
    addSection(out, sampler.testSet(Split.TEST_SEEN, quarter, seed, false), true, seed);
    addSection(out, sampler.testSet(Split.TEST_UNSEEN, quarter, seed, false), false, seed);
    addSection(out, sampler.testSet(Split.TEST_SEEN, quarter, seed + 1, true), true, seed);
    addSection(out, sampler.testSet(Split.TEST_UNSEEN, Math.max(1, n - 3 * quarter), seed + 1, true), false, seed);
    return out;
  }

  private static void addSection(List<Prompt> out, List<Scene> scenes, boolean seen, long seed) {
    for (Scene s : scenes) {
      out.add(new Prompt(s, Captioner.caption(s, Seeds.rng(seed, Seeds.SAMPLE + 20, out.size())), tags(s, seen)));
    }
  }

  /** Concept tags (colour, shape, count, texture, motion, text) and a motion level (low/medium/high). */
  static Set<String> tags(Scene s, boolean seen) {
    Set<String> t = new LinkedHashSet<>(List.of("colour", "shape", "position", seen ? "seen" : "unseen"));
    if (s.objects().size() > 1) t.add("count");
    if (s.objects().stream().anyMatch(o -> o.texture() == Texture.STRIPED)) t.add("texture");
    if (s.text() != null) t.add("text");
    double fastest = 0;
    if (s.frames() > 1) {
      for (SceneObject o : s.objects()) if (o.motion() != Motion.STILL) fastest = Math.max(fastest, o.speed());
      if (fastest > 0) t.add("motion");
      // speeds are in canvas widths per second; the world draws them from [0.15, 0.45] by default
      t.add(fastest == 0 ? "motion:low" : fastest < 0.3 ? "motion:medium" : "motion:high");
    } else {
      t.add("image");
    }
    return t;
  }

  /** The checker's mean accuracy over the scene's scored attributes. */
  static double quality(Score s) {
    double sum = s.colour() + s.shape() + s.position() + (s.count() ? 1 : 0);
    return s.hasMotion() ? (sum + s.motion()) / 5 : sum / 4;
  }

  public static Result run(Contender a, Contender b, List<Prompt> prompts, long seed) {
    Checker checker = new Checker();
    double[] qa = scores(a, prompts, checker, seed);
    double[] qb = scores(b, prompts, checker, seed);
    int[] all = new int[prompts.size()];
    Map<String, List<Integer>> tagged = new LinkedHashMap<>();
    for (int i = 0; i < all.length; i++) {
      all[i] = NetWinRate.outcome(qa[i], qb[i], 1e-9);
      for (String t : prompts.get(i).tags()) tagged.computeIfAbsent(t, k -> new ArrayList<>()).add(all[i]);
    }
    Map<String, NetWinRate.Result> byTag = new LinkedHashMap<>();
    tagged.forEach((t, o) -> byTag.put(t, NetWinRate.of(o.stream().mapToInt(Integer::intValue).toArray(), 2000, 0.95, seed)));
    return new Result(a.name(), b.name(), NetWinRate.of(all, 2000, 0.95, seed), byTag);
  }

  private static double[] scores(Contender c, List<Prompt> prompts, Checker checker, long seed) {
    double[] q = new double[prompts.size()];
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < prompts.size(); i++) {
      Scene s = prompts.get(i).scene();
      groups.computeIfAbsent(s.frames() + "@" + s.fps(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> idx : groups.values()) {
      Scene first = prompts.get(idx.get(0)).scene();
      List<String> captions = idx.stream().map(i -> prompts.get(i).caption()).toList();
      // the same seed per group for both contenders: A and B start from identical noise
      SamplingOptions o = new SamplingOptions(first.width(), first.frames(), first.fps(), c.steps(), c.guidance(),
          c.schedule(), dev.mediagen.flow.OdeSolver.Method.EULER, Seeds.derive(seed, first.frames(), first.fps()));
      List<Video> clips = c.generator().generate(captions, o, null);
      for (int k = 0; k < idx.size(); k++) {
        q[idx.get(k)] = quality(checker.check(prompts.get(idx.get(k)).scene(), clips.get(k)));
      }
    }
    return q;
  }
}
