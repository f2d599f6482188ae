package dev.mediagen.video;

import dev.mediagen.nn.Tensors;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The upsampler against bicubic interpolation: held-out clips rendered at the high resolution, degraded ×2
 * (average pooling, as in training), upsampled by the model and by bicubic interpolation; PSNR of each
 * against the ground-truth render.
 */
public final class EvalUpsample {
  /** Mean PSNR (dB, [0, 1] pixels) of the model (the mean of {@code samples} samples per clip) and of bicubic upsampling. */
  public record Result(int clips, int frames, int size, int steps, int samples, double modelPsnr, double bicubicPsnr) {}

  /** The numbers and the clips behind them: low resolution, bicubic, model and ground truth, clip by clip. */
  public record Outcome(Result result, List<Video> low, List<Video> bicubic, List<Video> model, List<Video> truth) {
    /**
     * First frames of the first {@code rows} clips side by side — low resolution (nearest ×2), bicubic,
     * model, ground truth — each tile scaled ×{@code scale}.
     */
    public BufferedImage comparison(int rows, int scale) {
      List<BufferedImage> tiles = new ArrayList<>();
      List<String> captions = new ArrayList<>();
      for (int i = 0; i < Math.min(rows, truth.size()); i++) {
        tiles.add(dev.mediagen.io.ImageFiles.upscale(low.get(i).frame(0), 2));
        tiles.add(bicubic.get(i).frame(0));
        tiles.add(model.get(i).frame(0));
        tiles.add(truth.get(i).frame(0));
        captions.addAll(i == 0 ? List.of("low", "bicubic", "model", "truth") : List.of("", "", "", ""));
      }
      return dev.mediagen.io.Grids.grid(tiles, captions, 4, 4, scale, java.awt.Color.DARK_GRAY);
    }
  }

  private EvalUpsample() {}

  public static Outcome run(
      VideoGenerator gen, SceneSampler sampler, int clips, int window, int stride, int steps, float guidance, int samples,
      long seed) {
    List<Scene> scenes = sampler.testSet(Split.TEST_SEEN, clips, seed, true);
    List<Video> truth = scenes.stream().map(dev.mediagen.world.Renderer::render).toList();
    List<Video> low = new ArrayList<>();
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
      Scene f = scenes.get(0);
      var pixels = Tensors.floats(m, ClipData.pixelsOf(truth), new ai.djl.ndarray.types.Shape(clips, 3, f.frames(), f.height(), f.width()));
      float[] d = Upsampling.degrade(pixels).toFloatArray();
      int lh = f.height() / 2;
      for (int i = 0; i < clips; i++) low.add(ClipData.toVideo(d, i * 3 * f.frames() * lh * lh, f.frames(), lh, lh));
    }
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < clips; i++) captions.add(Captioner.caption(scenes.get(i), Seeds.rng(seed, Seeds.SAMPLE, i)));
    Scene f = scenes.get(0);
    SamplingOptions o = new SamplingOptions(f.width(), f.frames(), f.fps(), steps, guidance, "lq", dev.mediagen.flow.OdeSolver.Method.EULER, seed);
    List<Video> up = gen.upsampleMean(low, captions, o, window, stride, samples);
    List<Video> bicubic = low.stream().map(EvalUpsample::bicubic).toList();
    double modelSum = 0, bicubicSum = 0;
    for (int i = 0; i < clips; i++) {
      modelSum += psnr(up.get(i), truth.get(i));
      bicubicSum += psnr(bicubic.get(i), truth.get(i));
    }
    return new Outcome(new Result(clips, f.frames(), f.width(), steps, samples, modelSum / clips, bicubicSum / clips), low, bicubic, up, truth);
  }

  /** Bicubic ×2 of every frame (Java2D's bicubic interpolation). */
  static Video bicubic(Video v) {
    List<BufferedImage> out = new ArrayList<>();
    for (BufferedImage frame : v.images()) {
      BufferedImage big = new BufferedImage(frame.getWidth() * 2, frame.getHeight() * 2, BufferedImage.TYPE_INT_RGB);
      var g = big.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(frame, 0, 0, big.getWidth(), big.getHeight(), null);
      g.dispose();
      out.add(big);
    }
    return Video.of(out);
  }

  /** PSNR in dB of {@code a} against {@code b}, values in [0, 1]. */
  public static double psnr(Video a, Video b) {
    float[] x = a.data(), y = b.data();
    double se = 0;
    for (int i = 0; i < x.length; i++) se += (x[i] - y[i]) * (double) (x[i] - y[i]);
    double mse = se / x.length;
    return mse == 0 ? 100 : 10 * Math.log10(1 / mse);
  }
}
