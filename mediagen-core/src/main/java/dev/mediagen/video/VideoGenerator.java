package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.flow.Guidance;
import dev.mediagen.flow.OdeSolver;
import dev.mediagen.flow.VelocityField;
import dev.mediagen.nn.Gaussian;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.Prompts;
import dev.mediagen.text.TextContext;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.Video;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Text → clip sampling (Movie Gen §3.1.6): start from Gaussian noise at t = 0 and integrate the learned
 * velocity to t = 1 with classifier-free guidance, conditional and unconditional rows in one batched
 * forward. Sample i uses noise stream (seed, i), so a prompt's result does not depend on what else is in
 * the batch.
 */
public final class VideoGenerator implements AutoCloseable {
  private final TextToVideo model;
  private final PromptEncoder prompts;
  private final NDManager manager;
  private final int maxBatch;

  private final VideoCheckpoint.Config config;
  private final VideoCheckpoint.State state;
  private final ClipSpace space;

  public VideoGenerator(
      TextToVideo model, PromptEncoder prompts, NDManager manager, int maxBatch,
      VideoCheckpoint.Config config, VideoCheckpoint.State state) {
    this(model, prompts, manager, maxBatch, config, state, ClipSpace.PIXELS);
  }

  /** A generator whose denoiser works in {@code space} (pixels or a TAE's latents). */
  public VideoGenerator(
      TextToVideo model, PromptEncoder prompts, NDManager manager, int maxBatch,
      VideoCheckpoint.Config config, VideoCheckpoint.State state, ClipSpace space) {
    this.space = space;
    this.model = model;
    this.prompts = prompts;
    this.manager = manager;
    this.maxBatch = maxBatch;
    this.config = config;
    this.state = state;
  }

  /** How the loaded checkpoint was made (null when built in memory). */
  public VideoCheckpoint.Config config() {
    return config;
  }

  public VideoCheckpoint.State state() {
    return state;
  }

  public TextToVideo model() {
    return model;
  }

  public PromptEncoder prompts() {
    return prompts;
  }

  /** Pixels, or the latent space of the checkpoint's TAE. */
  public ClipSpace space() {
    return space;
  }

  /** Releases the frozen text encoder (the arrays belong to the caller's manager). */
  @Override
  public void close() {
    prompts.close();
  }

  /** A generator with a checkpoint's EMA weights; the caller owns {@code manager} (and closes the encoder). */
  public static VideoGenerator load(java.nio.file.Path checkpoint, NDManager manager, int maxBatch) throws java.io.IOException {
    java.nio.file.Path dir = VideoCheckpoint.resolve(checkpoint);
    VideoCheckpoint.Loaded ck;
    try {
      ck = VideoCheckpoint.load(dir, manager, false);
    } catch (java.io.IOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new java.io.IOException("corrupt checkpoint " + dir + ": " + e.getMessage(), e);
    }
    TextToVideo model = new TextToVideo(ck.config().model());
    model.initialize(manager, 0);
    dev.mediagen.train.Weights.copyInto(ck.ema(), model);
    ck.ema().values().forEach(NDArray::close);
    ClipSpace space = ClipSpace.PIXELS;
    if (ck.config().model().latent() != null) {
      TemporalAutoencoder tae = TaeCheckpoint.model(dir.resolve("tae"), manager);
      space = ClipSpace.latent(tae, ck.config().model().latent().scale(), new ai.djl.training.ParameterStore(manager, false));
    }
    var tc = ck.config().model().text();
    PromptEncoder enc = new PromptEncoder(new dev.mediagen.text.MiniLmEncoder(), ck.tokenizer(), tc.maxWords(), tc.charDim() > 0);
    return new VideoGenerator(model, enc, manager, maxBatch, ck.config(), ck.state(), space);
  }

  /**
   * @param captions prompts without the FPS token (it is added for videos)
   * @param onStep progress callback, called once per solver step of each chunk
   */
  public List<Video> generate(List<String> captions, SamplingOptions o, IntConsumer onStep) {
    model.config().checkRequest(o.size(), o.frames(), o.fps());
    List<Video> out = new ArrayList<>(captions.size());
    for (int from = 0; from < captions.size(); from += maxBatch) {
      List<String> chunk = captions.subList(from, Math.min(captions.size(), from + maxBatch));
      out.addAll(generateChunk(chunk, from, o, onStep));
    }
    return out;
  }

  /**
   * Video-to-video ×2 spatial upsampling (Movie Gen §3.1.7) with an upsampler checkpoint: the bilinear
   * upsampling of each low-resolution clip conditions the denoiser; clips longer than {@code window}
   * frames are denoised in overlapping temporal windows averaged at every step (MultiDiffusion), {@code stride}
   * frames apart. {@code window} 0: the checkpoint's clip length (or the clip's, if shorter); {@code stride} 0: half
   * a window.
   */
  public List<Video> upsample(List<Video> low, List<String> captions, SamplingOptions o, int window, int stride, IntConsumer onStep) {
    if (!model.isUpsampler()) throw new IllegalArgumentException("this checkpoint is not an upsampler (it has no condition channels)");
    Video first = low.get(0);
    if (window == 0) window = Math.min(first.frames(), model.config().maxFrames());
    if (stride == 0) stride = Math.max(1, window / 2);
    if (o.size() != 2 * first.width() || first.width() != first.height()) {
      throw new IllegalArgumentException("upsampling %dx%d clips needs --size %d, got %d"
          .formatted(first.width(), first.height(), 2 * first.width(), o.size()));
    }
    if (window < 1 || window > model.config().maxFrames()) {
      throw new IllegalArgumentException("window %d must be in [1, %d] frames for this checkpoint".formatted(window, model.config().maxFrames()));
    }
    model.config().checkRequest(o.size(), Math.min(first.frames(), window), o.fps());
    List<Video> out = new ArrayList<>();
    for (int from = 0; from < low.size(); from += maxBatch) {
      int to = Math.min(low.size(), from + maxBatch);
      out.addAll(upsampleChunk(low.subList(from, to), captions.subList(from, to), from, o, window, stride, onStep));
    }
    return out;
  }

  /**
   * {@link #upsample} {@code samples} times — the first with {@code o}'s seed, the others with seeds derived from it
   * — and the pixel-wise mean per clip ({@link Upsampling#mean}, a Monte-Carlo posterior mean).
   */
  public List<Video> upsampleMean(List<Video> low, List<String> captions, SamplingOptions o, int window, int stride, int samples) {
    if (samples < 1 || samples > 64) throw new IllegalArgumentException("samples %d must be in [1, 64]".formatted(samples));
    List<List<Video>> draws = new ArrayList<>();
    for (int k = 0; k < samples; k++) {
      long seed = k == 0 ? o.seed() : Seeds.derive(o.seed(), Seeds.SAMPLE, k);
      draws.add(upsample(low, captions, o.withSeed(seed), window, stride, null));
    }
    List<Video> out = new ArrayList<>(low.size());
    for (int i = 0; i < low.size(); i++) {
      int c = i;
      out.add(Upsampling.mean(draws.stream().map(d -> d.get(c)).toList()));
    }
    return out;
  }

  private List<Video> upsampleChunk(
      List<Video> low, List<String> captions, int firstIndex, SamplingOptions o, int window, int stride, IntConsumer onStep) {
    int b = low.size(), t = low.get(0).frames(), h = low.get(0).height(), s = o.size();
    try (NDManager m = manager.newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      NDArray lowPixels = Tensors.floats(m, ClipData.pixelsOf(low), new Shape(b, 3, t, h, h));
      NDArray cond = Upsampling.condition(lowPixels); // (B, 3, T, S, S)
      TextContext both;
      try (Tensors.Scope noGrad = Tensors.noGrad()) {
        List<String> withFps = captions.stream().map(c -> t > 1 ? Prompts.withFps(c, o.fps()) : c).toList();
        both = model.encodeText(ps, prompts.encode(withFps, m).concat(prompts.encode(Collections.nCopies(b, ""), m)), false);
      }
      int perSample = 3 * t * s * s;
      float[] noise = new float[b * perSample];
      for (int i = 0; i < b; i++) {
        System.arraycopy(Gaussian.fill(Seeds.rng(o.seed(), Seeds.SAMPLE, firstIndex + i), perSample), 0, noise, i * perSample, perSample);
      }
      NDArray x0 = Tensors.floats(m, noise, new Shape(b, 3, t, s, s));
      Upsampling.WindowedField perWindow = (xw, time, start, len) -> {
        NDManager scope = xw.getManager();
        NDArray c = cond.get(":, :, " + start + ":" + (start + len));
        c.attach(scope);
        NDArray x2 = xw.concat(xw, 0);
        NDArray v2 = model.velocity(ps, x2, scope.full(new Shape(2L * b), time), both.lentTo(scope), c.concat(c, 0), false);
        var halves = v2.split(2, 0);
        return Guidance.combine(halves.get(0), halves.get(1), o.guidance());
      };
      NDArray x1 = OdeSolver.integrate(Upsampling.temporalWindows(perWindow, t, window, stride), x0, o.times(), o.method(), onStep);
      float[] values = x1.toFloatArray();
      List<Video> videos = new ArrayList<>(b);
      for (int i = 0; i < b; i++) videos.add(ClipData.toVideo(values, i * perSample, t, s, s));
      return videos;
    }
  }

  private List<Video> generateChunk(List<String> captions, int firstIndex, SamplingOptions o, IntConsumer onStep) {
    int b = captions.size(), t = o.frames(), s = o.size();
    List<String> conditioned = new ArrayList<>(b);
    for (String c : captions) conditioned.add(t > 1 ? Prompts.withFps(c, o.fps()) : c);
    try (NDManager m = manager.newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      PromptBatch condPrompts = prompts.encode(conditioned, m);
      PromptBatch bothPrompts = condPrompts.concat(prompts.encode(Collections.nCopies(b, ""), m));
      TextContext cond;
      TextContext both;
      try (Tensors.Scope noGrad = Tensors.noGrad()) {
        // the text conditioning does not depend on x or t: encode once, not at every solver step
        cond = model.encodeText(ps, condPrompts, false);
        both = model.encodeText(ps, bothPrompts, false);
      }
      Shape shape = space.shapeOf(b, t, s, s);
      int perSample = Math.toIntExact(shape.size() / b);
      float[] noise = new float[b * perSample];
      for (int i = 0; i < b; i++) {
        float[] z = Gaussian.fill(Seeds.rng(o.seed(), Seeds.SAMPLE, firstIndex + i), perSample);
        System.arraycopy(z, 0, noise, i * perSample, perSample);
      }
      NDArray x0 = Tensors.floats(m, noise, shape);
      VelocityField field =
          o.guidance() == 1f
              ? (x, time) -> model.velocity(ps, x, x.getManager().full(new Shape(b), time), cond.lentTo(x.getManager()), false)
              : Guidance.cfg(
                  (x2, time) -> model.velocity(
                      ps, x2, x2.getManager().full(new Shape(2L * b), time), both.lentTo(x2.getManager()), false),
                  o.guidance());
      NDArray x1 = OdeSolver.integrate(field, x0, o.times(), o.method(), onStep);
      float[] values = space.decode(x1).toFloatArray(); // (B, 3, T, H, W)
      int pixels = 3 * t * s * s;
      List<Video> videos = new ArrayList<>(b);
      for (int i = 0; i < b; i++) videos.add(ClipData.toVideo(values, i * pixels, t, s, s));
      return videos;
    }
  }
}
