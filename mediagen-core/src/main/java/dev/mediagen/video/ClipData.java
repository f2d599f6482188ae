package dev.mediagen.video;

import dev.mediagen.text.Prompts;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.Bucket;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ShapesWorld training batches: scene graphs sampled from a split, rendered, captioned with a random
 * template, the FPS-k token prepended for videos, and some captions dropped for classifier-free guidance.
 * A batch is a pure function of (seed, step), so a resumed run sees exactly the data it would have seen.
 */
public final class ClipData {
  private final SceneSampler sampler;
  private final VideoTrainConfig train;
  private final Split split;

  /** One batch on the host: pixels (B, 3, T, H, W) in [−1, 1], prompts and the scenes behind them. */
  public record Batch(long step, int frames, int height, int width, float[] pixels, List<String> prompts, List<Scene> scenes) {
    public int batch() {
      return scenes.size();
    }
  }

  public ClipData(SceneSampler sampler, VideoTrainConfig train, Split split) {
    this.sampler = sampler;
    this.train = train;
    this.split = split;
  }

  /** The batch of training step {@code step} (or of validation batch {@code step}). */
  public Batch batch(long step, long stream) {
    SplittableRandom rng = Seeds.rng(train.seed(), stream, step);
    boolean video = train.isVideoStep(step);
    int n = video ? train.videoBatch() : train.imageBatch();
    // aspect-ratio/duration buckets (Movie Gen): one canvas and clip length per batch, so one latent shape
    Bucket bucket = sampler.config().buckets().isEmpty() ? null : sampler.randomBucket(rng);
    if (bucket != null && !video) bucket = bucket.asImage();
    if (bucket != null && video && !bucket.video()) bucket = new Bucket(bucket.width(), bucket.height(), sampler.config().frames());
    List<Scene> scenes = new ArrayList<>(n);
    List<String> prompts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Scene s = bucket == null ? sampler.sample(rng, split, video) : sampler.sample(rng, split, bucket);
      String caption = Captioner.caption(s, rng);
      boolean drop = rng.nextDouble() < train.captionDropout();
      scenes.add(s);
      prompts.add(drop ? "" : prompt(caption, s));
    }
    Scene f = scenes.get(0);
    return new Batch(step, f.frames(), f.height(), f.width(), pixels(scenes), prompts, scenes);
  }

  /** The model's prompt for a caption: videos carry Movie Gen's FPS-k token. */
  public static String prompt(String caption, Scene s) {
    return s.frames() > 1 ? Prompts.withFps(caption, s.fps()) : caption;
  }

  /** Renders scenes of one shape into (B, 3, T, H, W) values in [−1, 1]. */
  public static float[] pixels(List<Scene> scenes) {
    Scene first = scenes.get(0);
    int t = first.frames(), h = first.height(), w = first.width(), plane = h * w;
    float[] out = new float[scenes.size() * 3 * t * plane];
    for (int b = 0; b < scenes.size(); b++) {
      Video v = Renderer.render(scenes.get(b)); // (T, 3, H, W) in [0, 1]
      if (v.frames() != t || v.height() != h || v.width() != w) {
        throw new IllegalStateException("a batch must hold one clip shape (bucket)");
      }
      float[] d = v.data();
      for (int f = 0; f < t; f++) {
        for (int c = 0; c < 3; c++) {
          int src = (f * 3 + c) * plane;
          int dst = ((b * 3 + c) * t + f) * plane;
          for (int i = 0; i < plane; i++) out[dst + i] = d[src + i] * 2f - 1f;
        }
      }
    }
    return out;
  }

  /** Clips of one shape as (B, 3, T, H, W) values in [−1, 1]. */
  public static float[] pixelsOf(List<Video> clips) {
    Video first = clips.get(0);
    int t = first.frames(), h = first.height(), w = first.width(), plane = h * w;
    float[] out = new float[clips.size() * 3 * t * plane];
    for (int b = 0; b < clips.size(); b++) {
      Video v = clips.get(b);
      if (v.frames() != t || v.height() != h || v.width() != w) throw new IllegalArgumentException("clips must share one shape");
      for (int f = 0; f < t; f++) {
        for (int c = 0; c < 3; c++) {
          int src = (f * 3 + c) * plane, dst = ((b * 3 + c) * t + f) * plane;
          for (int i = 0; i < plane; i++) out[dst + i] = v.data()[src + i] * 2f - 1f;
        }
      }
    }
    return out;
  }

  /** Converts a generated (3, T, H, W) clip in [−1, 1] (one batch row) back to a {@link Video}. */
  public static Video toVideo(float[] chw, int offset, int t, int h, int w) {
    int plane = h * w;
    float[] data = new float[t * 3 * plane];
    for (int f = 0; f < t; f++) {
      for (int c = 0; c < 3; c++) {
        int src = offset + (c * t + f) * plane;
        int dst = (f * 3 + c) * plane;
        for (int i = 0; i < plane; i++) data[dst + i] = Math.min(1f, Math.max(0f, (chw[src + i] + 1f) / 2f));
      }
    }
    return new Video(t, h, w, data);
  }
}
