package dev.mediagen.fuse;

import dev.mediagen.eval.FeatureEncoder;
import dev.mediagen.eval.FrechetDistance;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.AccuracyTally;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * X&amp;Fuse's evaluation at our scale (papers-media.md §4.3): held-out (TEST_SEEN) scenes' captions are
 * generated under each condition and compared with the real renders of those scenes by the FID analogue —
 * Fréchet distance between Gaussian fits of {@link FeatureEncoder} features — and by the checker. Conditions:
 *
 * <ul>
 *   <li>{@code none}: the fusion model with no image (plain text-to-image);
 *   <li>{@code embedding}: the baseline model with the retrieved image as one cross-attention token;
 *   <li>{@code retrieve}: the fusion model with the retrieved image fused (Retrieve&amp;Fuse);
 *   <li>{@code scene}: the fusion model with the oracle layout map fused (Scene&amp;Fuse);
 *   <li>{@code real}: a second set of real held-out renders (the metric's floor at this sample size).
 * </ul>
 *
 * Retrieval is by caption from the checkpoint's training bank, excluding the target scene and near duplicates.
 */
public final class FuseEval {
  /** Evaluation settings. */
  public record Options(int images, int steps, float textGuidance, float imageGuidance, long seed) {
    public Options {
      if (images < 2) throw new IllegalArgumentException("images %d must be >= 2 (a covariance needs 2 samples)".formatted(images));
    }
  }

  /** One condition's results; accuracies are fractions in [0, 1]. */
  public record Row(String condition, int images, double fid, double colour, double shape, double size, double texture,
      double position, double count, double background, double overall, double meanRetrievalScore, double wallSeconds) {}

  /** A generated sample, for reports. */
  public record Sample(String method, String prompt, Scene truth, Video conditioning, Video image) {}

  private FuseEval() {}

  /** The held-out scenes and their captions (caption i drawn with stream (seed, i)). */
  public static List<Scene> scenes(WorldConfig world, Options o) {
    return new SceneSampler(world).testSet(Split.TEST_SEEN, o.images(), o.seed());
  }

  /**
   * @param baseline the image-embedding baseline, or null to skip that row
   * @param onSample receives every generated sample (may be null)
   */
  public static List<Row> run(FuseGenerator fused, FuseGenerator baseline, FeatureEncoder encoder, WorldConfig world, Options o,
      BiConsumer<String, Sample> onSample) {
    List<Scene> scenes = scenes(world, o);
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < scenes.size(); i++) captions.add(Captioner.caption(scenes.get(i), Seeds.rng(o.seed(), Seeds.SAMPLE + 10, i)));
    List<Video> real = scenes.stream().map(Renderer::render).toList();
    float[][] realFeatures = encoder.features(real);
    List<Video> retrieved = new ArrayList<>();
    double retrievalScore = 0;
    for (int i = 0; i < scenes.size(); i++) {
      var hit = fused.retrieve(captions.get(i), scenes.get(i)).orElseThrow(() -> new IllegalStateException("the bank has nothing to retrieve"));
      retrieved.add(fused.bank().image(hit.id()));
      retrievalScore += hit.score() / scenes.size();
    }
    FuseGenerator.Options go = new FuseGenerator.Options(o.steps(), o.textGuidance(), o.imageGuidance(), o.seed());
    List<Row> rows = new ArrayList<>();
    List<Video> otherReal = new SceneSampler(world).testSet(Split.TEST_SEEN, 2 * o.images(), o.seed() + 1).subList(o.images(), 2 * o.images())
        .stream().map(Renderer::render).toList();
    rows.add(new Row("real", o.images(), FrechetDistance.of(realFeatures, encoder.features(otherReal)), 1, 1, 1, 1, 1, 1, 1, 1, Double.NaN, 0));
    rows.add(row("none", fused, captions, null, scenes, realFeatures, encoder, go, Double.NaN, onSample));
    if (baseline != null) rows.add(row("embedding", baseline, captions, retrieved, scenes, realFeatures, encoder, go, retrievalScore, onSample));
    rows.add(row("retrieve", fused, captions, retrieved, scenes, realFeatures, encoder, go, retrievalScore, onSample));
    rows.add(row("scene", fused, captions, scenes.stream().map(Conditions::sceneMap).toList(), scenes, realFeatures, encoder, go, Double.NaN, onSample));
    return rows;
  }

  private static Row row(String name, FuseGenerator gen, List<String> captions, List<Video> conds, List<Scene> scenes, float[][] realFeatures,
      FeatureEncoder encoder, FuseGenerator.Options o, double retrievalScore, BiConsumer<String, Sample> onSample) {
    long t0 = System.nanoTime();
    List<Video> images = gen.generate(captions, conds, o);
    double wall = (System.nanoTime() - t0) / 1e9;
    Checker checker = new Checker();
    AccuracyTally tally = new AccuracyTally();
    for (int i = 0; i < images.size(); i++) {
      tally.add(checker.check(scenes.get(i), images.get(i)));
      if (onSample != null) onSample.accept(name, new Sample(name, captions.get(i), scenes.get(i), conds == null ? null : conds.get(i), images.get(i)));
    }
    double fid = FrechetDistance.of(realFeatures, encoder.features(images));
    return new Row(name, images.size(), fid, tally.colour(), tally.shape(), tally.size(), tally.texture(), tally.position(), tally.count(),
        tally.background(), tally.allCorrect(), retrievalScore, wall);
  }
}
