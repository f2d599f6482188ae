package dev.mediagen.video;

import dev.mediagen.train.Seeds;
import dev.mediagen.world.AccuracyTally;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Score;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Text-to-video evaluation on the held-out test split: generate a clip for every test prompt and read it
 * back with the analytic {@link Checker}. Two sections: {@code seen} (new scenes whose colour×shape
 * combinations occur in training) and {@code unseen} (held-out combinations — compositional
 * generalization). Images are scored on colour, shape, count, position (and size, texture, background);
 * videos on motion as well.
 */
public final class EvalVideo {
  /**
   * @param images test images per section
   * @param videos test videos per section
   * @param steps ODE steps
   * @param schedule "lq" or "linear"
   * @param guidance CFG scale
   * @param seed prompt and noise seed
   */
  public record Options(int images, int videos, int steps, String schedule, float guidance, long seed) {
    public Options {
      if (images < 0 || videos < 0 || images + videos == 0) {
        throw new IllegalArgumentException("images %d and videos %d must be >= 0, not both 0".formatted(images, videos));
      }
    }
  }

  /** Accuracies of one section, fractions in [0, 1]; motion is NaN when there are no videos. */
  public record Section(
      int images, int videos, double colour, double shape, double count, double position, double motion,
      double size, double texture, double background, double overall) {
    static Section of(AccuracyTally all, int images, int videos) {
      return new Section(images, videos, all.colour(), all.shape(), all.count(), all.position(), all.motion(),
          all.size(), all.texture(), all.background(), all.allCorrect());
    }

    /** The headline attributes by name (for tables and plots). */
    public Map<String, Double> headline() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("colour", colour);
      m.put("shape", shape);
      m.put("count", count);
      m.put("position", position);
      if (!Double.isNaN(motion)) m.put("motion", motion);
      m.put("overall", overall);
      return m;
    }
  }

  /** One generated clip with its prompt, ground truth and score. */
  public record Sample(String section, String prompt, Scene truth, Video clip, Score score) {}

  /** Everything an evaluation produced. */
  public record Result(Section seen, Section unseen, List<Sample> samples) {}

  private EvalVideo() {}

  /** The test prompts of one section: scenes from the split and captions drawn with the eval seed. */
  public static List<Scene> scenes(SceneSampler sampler, Split section, Options o) {
    List<Scene> out = new ArrayList<>(sampler.testSet(section, o.images(), o.seed(), false));
    out.addAll(sampler.testSet(section, o.videos(), o.seed() + 1, true));
    return out;
  }

  public static Result run(VideoGenerator gen, SceneSampler sampler, Options o, IntConsumer onStep) {
    Checker checker = new Checker();
    List<Sample> samples = new ArrayList<>();
    Section seen = section("seen", Split.TEST_SEEN, gen, sampler, checker, o, samples, onStep);
    Section unseen = section("unseen", Split.TEST_UNSEEN, gen, sampler, checker, o, samples, onStep);
    return new Result(seen, unseen, samples);
  }

  private static Section section(
      String name, Split split, VideoGenerator gen, SceneSampler sampler, Checker checker, Options o,
      List<Sample> out, IntConsumer onStep) {
    List<Scene> scenes = scenes(sampler, split, o);
    AccuracyTally tally = new AccuracyTally();
    // one batch shape per call: images together, videos grouped by frame rate
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < scenes.size(); i++) {
      Scene s = scenes.get(i);
      groups.computeIfAbsent(s.frames() + "@" + s.fps(), k -> new ArrayList<>()).add(i);
    }
    Sample[] results = new Sample[scenes.size()];
    for (List<Integer> idx : groups.values()) {
      Scene first = scenes.get(idx.get(0));
      List<String> prompts = new ArrayList<>();
      for (int i : idx) prompts.add(Captioner.caption(scenes.get(i), Seeds.rng(o.seed(), Seeds.SAMPLE + 10, i)));
      SamplingOptions so = new SamplingOptions(first.width(), first.frames(), first.fps(), o.steps(), o.guidance(),
          o.schedule(), dev.mediagen.flow.OdeSolver.Method.EULER, Seeds.derive(o.seed(), name.hashCode(), idx.get(0)));
      List<Video> clips = gen.generate(prompts, so, onStep);
      for (int k = 0; k < idx.size(); k++) {
        Scene truth = scenes.get(idx.get(k));
        Score score = checker.check(truth, clips.get(k));
        results[idx.get(k)] = new Sample(name, prompts.get(k), truth, clips.get(k), score);
      }
    }
    for (Sample s : results) {
      tally.add(s.score());
      out.add(s);
    }
    return Section.of(tally, o.images(), o.videos());
  }
}
