package dev.mediagen.eval;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.nn.Tensors;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.LrSchedule;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import dev.mediagen.video.ClipData;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Training, saving and running the {@link FeatureNet} of the FID analogue. Training data: TRAIN-split image
 * scenes of a world, rendered, half of them degraded (Gaussian pixel noise of σ ∈ [0, 0.15] or a 3×3 blur)
 * so that generated images — never palette-exact — land in the same feature space; loss: the mean of the
 * per-slot cross-entropies. A directory holds {@code config.json} and {@code model.safetensors}.
 */
public final class FeatureEncoder implements AutoCloseable {
  /** How an encoder was made, and its held-out accuracy per label slot kind. */
  public record Saved(FeatureNet.Config net, WorldConfig world, int steps, long seed, double heldOutAccuracy) {}

  private final FeatureNet net;
  private final NDManager manager;
  private final Saved saved;

  private FeatureEncoder(FeatureNet net, NDManager manager, Saved saved) {
    this.net = net;
    this.manager = manager;
    this.saved = saved;
  }

  /** Trains an encoder for {@code world}'s images ({@code onStep} gets each finished step; may be null). */
  public static FeatureEncoder train(WorldConfig world, int steps, long seed, LongConsumer onStep) {
    NDManager m = NDManager.newBaseManager();
    FeatureNet net = new FeatureNet(FeatureNet.Config.of(world.size()));
    net.initialize(m, Seeds.derive(seed, Seeds.INIT, 0));
    AdamW opt = new AdamW(net, m, 0.9f, 0.99f, 1e-8f, 0.01f);
    ParameterStore ps = new ParameterStore(m, false);
    SceneSampler sampler = new SceneSampler(world);
    int batch = 32;
    for (int step = 0; step < steps; step++) {
      SplittableRandom rng = Seeds.rng(seed, Seeds.DATA, step);
      List<Scene> scenes = new ArrayList<>(batch);
      List<Video> images = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        Scene s = sampler.sampleImage(rng, Split.TRAIN);
        scenes.add(s);
        images.add(degrade(Renderer.render(s), rng));
      }
      try (NDManager sm = m.newSubManager()) {
        NDArray x = Tensors.floats(sm, ClipData.pixelsOf(images), new Shape(batch, 3, 1, world.size(), world.size()));
        NDArray target = Tensors.floats(sm, oneHot(scenes), new Shape(batch, FeatureNet.LOGITS));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray logp = logProbabilities(net.logits(ps, net.features(ps, x, true), true));
          NDArray loss = dev.mediagen.nn.Ops.scale(logp.mul(target).sum(), -1f / (batch * FeatureNet.LABELS)); // mean CE per slot
          gc.backward(loss);
        }
      }
      opt.step(LrSchedule.warmupCosine(step, 2e-3f, 2e-4f, 50, steps), 1f);
      if (onStep != null) onStep.accept(step + 1);
    }
    double acc = accuracy(net, m, sampler, 256, seed);
    return new FeatureEncoder(net, m, new Saved(net.config(), world, steps, seed, acc));
  }

  /** Loads an encoder saved by {@link #save}. */
  public static FeatureEncoder load(Path dir) throws IOException {
    Path cfg = dir.resolve("config.json"), weights = dir.resolve("model.safetensors");
    if (!Files.isRegularFile(cfg) || !Files.isRegularFile(weights)) {
      throw new NoSuchFileException(dir + " is not a feature-encoder directory (needs config.json and model.safetensors)");
    }
    Saved saved = Json.read(cfg, Saved.class);
    NDManager m = NDManager.newBaseManager();
    FeatureNet net = new FeatureNet(saved.net());
    net.initialize(m, 0);
    Weights.copyInto(Weights.fromTensors(Safetensors.read(weights).tensors(), "", m), net);
    return new FeatureEncoder(net, m, saved);
  }

  /** Writes {@code config.json} and {@code model.safetensors} atomically. */
  public void save(Path dir) throws IOException {
    try (NDManager sm = manager.newSubManager()) {
      Map<String, NDArray> w = Weights.snapshot(net, sm);
      AtomicFiles.replaceDirectory(dir, tmp -> {
        Files.writeString(tmp.resolve("config.json"), Json.toJson(saved));
        Safetensors.write(tmp.resolve("model.safetensors"), Weights.toTensors(w, "", false));
      });
    }
  }

  /** Feature vectors of 1-frame images at the encoder's size, in chunks of 64. */
  public float[][] features(List<Video> images) {
    int s = net.config().size(), f = net.config().featureDim();
    float[][] out = new float[images.size()][];
    try (Tensors.Scope noGrad = Tensors.noGrad()) {
      for (int from = 0; from < images.size(); from += 64) {
        List<Video> chunk = images.subList(from, Math.min(images.size(), from + 64));
        for (Video v : chunk) {
          if (v.frames() != 1 || v.width() != s || v.height() != s) {
            throw new IllegalArgumentException("feature encoder takes %dx%d single frames, got %s".formatted(s, s, v));
          }
        }
        try (NDManager sm = manager.newSubManager()) {
          NDArray x = Tensors.floats(sm, ClipData.pixelsOf(chunk), new Shape(chunk.size(), 3, 1, s, s));
          float[] v = net.features(new ParameterStore(sm, false), x, false).toFloatArray();
          for (int i = 0; i < chunk.size(); i++) out[from + i] = java.util.Arrays.copyOfRange(v, i * f, (i + 1) * f);
        }
      }
    }
    return out;
  }

  public Saved saved() {
    return saved;
  }

  @Override
  public void close() {
    manager.close();
  }

  /** Clean (½), noisy (¼) or blurred (¼), drawn from {@code rng}. */
  static Video degrade(Video v, SplittableRandom rng) {
    double u = rng.nextDouble();
    if (u < 0.5) return v;
    if (u < 0.75) return v.withNoise(0.15 * rng.nextDouble(), rng.nextLong());
    return v.blur();
  }

  /** (B, LOGITS) one-hot targets, one 1 per label slot. */
  static float[] oneHot(List<Scene> scenes) {
    float[] t = new float[scenes.size() * FeatureNet.LOGITS];
    for (int b = 0; b < scenes.size(); b++) {
      int[] l = FeatureNet.labels(scenes.get(b));
      for (int k = 0; k < FeatureNet.LABELS; k++) t[b * FeatureNet.LOGITS + FeatureNet.slot(k)[0] + l[k]] = 1f;
    }
    return t;
  }

  /** Log-softmax within every label slot's group of logits, in the same layout. */
  static NDArray logProbabilities(NDArray logits) {
    NDList parts = new NDList();
    for (int k = 0; k < FeatureNet.LABELS; k++) {
      int[] s = FeatureNet.slot(k);
      parts.add(logits.get(":, " + s[0] + ":" + (s[0] + s[1])).logSoftmax(1));
    }
    return ai.djl.ndarray.NDArrays.concat(parts, 1);
  }

  /** Fraction of label slots predicted right on held-out (VALIDATION) clean renders. */
  static double accuracy(FeatureNet net, NDManager m, SceneSampler sampler, int n, long seed) {
    List<Scene> scenes = sampler.testSet(Split.VALIDATION, n, seed);
    int s = net.config().size(), right = 0;
    try (NDManager sm = m.newSubManager(); Tensors.Scope noGrad = Tensors.noGrad()) {
      ParameterStore ps = new ParameterStore(sm, false);
      NDArray x = Tensors.floats(sm, ClipData.pixels(scenes), new Shape(n, 3, 1, s, s));
      float[] lg = net.logits(ps, net.features(ps, x, false), false).toFloatArray();
      for (int b = 0; b < n; b++) {
        int[] l = FeatureNet.labels(scenes.get(b));
        for (int k = 0; k < FeatureNet.LABELS; k++) {
          int[] slot = FeatureNet.slot(k);
          int best = 0;
          for (int c = 1; c < slot[1]; c++) if (lg[b * FeatureNet.LOGITS + slot[0] + c] > lg[b * FeatureNet.LOGITS + slot[0] + best]) best = c;
          right += best == l[k] ? 1 : 0;
        }
      }
    }
    return right / (double) (n * FeatureNet.LABELS);
  }
}
