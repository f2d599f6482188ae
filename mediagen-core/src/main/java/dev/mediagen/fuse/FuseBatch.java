package dev.mediagen.fuse;

import dev.mediagen.train.Seeds;
import dev.mediagen.video.ClipData;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One X&amp;Fuse training batch on the host, a pure function of (seed, stream, step): target images (B, 3, 1,
 * S, S) in [−1, 1], the conditioning images of the first k rows (k, 3, 1, S, S), prompts and each row's
 * mode (NONE for rows whose image was dropped; they come last).
 */
public record FuseBatch(long step, int size, float[] target, float[] cond, List<String> prompts, List<FuseMode> modes,
    List<Scene> scenes) {
  private record Row(Scene scene, String prompt, FuseMode mode, Video cond) {}

  /** Rows with a conditioning image. */
  public int conditioned() {
    return (int) modes.stream().filter(m -> m != FuseMode.NONE).count();
  }

  /**
   * @param embed caption → MiniLM pooled embedding (the retrieval query)
   */
  public static FuseBatch of(SceneSampler sampler, RetrievalBank bank, Function<String, float[]> embed, FuseTrainConfig tc,
      long step, long stream, Split split) {
    SplittableRandom rng = Seeds.rng(tc.seed(), stream, step);
    List<Row> withImage = new ArrayList<>(), without = new ArrayList<>();
    for (int i = 0; i < tc.batch(); i++) {
      Scene s = sampler.sampleImage(rng, split);
      FuseMode mode = rng.nextDouble() < tc.dropImage() ? FuseMode.NONE : tc.mode(rng.nextDouble());
      int subject = rng.nextInt(s.objects().size());
      String caption = mode == FuseMode.CROP ? Conditions.subjectCaption(s, subject) : Captioner.caption(s, rng);
      Video cond = switch (mode) {
        case RETRIEVE -> bank.retrieve(embed.apply(caption), s, -1).map(r -> bank.image(r.id())).orElse(null);
        case CROP -> Conditions.crop(s, subject);
        case SCENE -> Conditions.sceneMap(s);
        case NONE -> null;
      };
      if (cond == null) mode = FuseMode.NONE; // nothing retrievable: the row trains text-to-image
      String prompt = rng.nextDouble() < tc.dropText() ? "" : caption;
      (cond == null ? without : withImage).add(new Row(s, prompt, mode, cond));
    }
    List<Row> rows = new ArrayList<>(withImage);
    rows.addAll(without);
    List<Scene> scenes = new ArrayList<>();
    List<String> prompts = new ArrayList<>();
    List<FuseMode> modes = new ArrayList<>();
    List<Video> targets = new ArrayList<>(), conds = new ArrayList<>();
    for (Row r : rows) {
      scenes.add(r.scene());
      prompts.add(r.prompt());
      modes.add(r.mode());
      targets.add(Renderer.render(r.scene()));
      if (r.cond() != null) conds.add(r.cond());
    }
    float[] c = conds.isEmpty() ? new float[0] : ClipData.pixelsOf(conds);
    return new FuseBatch(step, scenes.get(0).width(), ClipData.pixelsOf(targets), c, prompts, modes, scenes);
  }
}
