package dev.mediagen.video;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Gaussian;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.TextContext;
import dev.mediagen.train.AdamW;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The reference training step of {@code bench/train-step}: the denoiser of
 * {@link DenoiserConfig#benchReference()} on (8, 3, 4, 32, 32) clips (256 tokens) with 32 text tokens,
 * MSE loss, forward + backward + AdamW — the same model and batch as {@code bench/train_step.py}.
 */
public final class TrainStepBenchmark {
  public static final int BATCH = 8, FRAMES = 4, SIZE = 32, TEXT_TOKENS = 32;

  /** Timings of one run. */
  public record Result(double medianMs, long parameters, double flopsPerStep, double sgemmGflops) {
    /** Model FLOP/s over the measured sgemm peak. */
    public double mfu() {
      return flopsPerStep / (medianMs / 1e3) / (sgemmGflops * 1e9);
    }
  }

  private TrainStepBenchmark() {}

  public static Result run(int iterations) {
    DenoiserConfig c = DenoiserConfig.benchReference();
    try (NDManager root = NDManager.newBaseManager()) {
      Denoiser model = new Denoiser(c);
      model.initialize(root, 0);
      AdamW opt = new AdamW(model, root, 0.9f, 0.99f, 1e-8f, 0f);
      ParameterStore ps = new ParameterStore(root, false);
      SplittableRandom rng = new SplittableRandom(0);
      int n = BATCH * 3 * FRAMES * SIZE * SIZE;
      Shape shape = new Shape(BATCH, 3, FRAMES, SIZE, SIZE);
      NDArray x = Tensors.floats(root, Gaussian.fill(rng, n), shape);
      NDArray target = Tensors.floats(root, Gaussian.fill(rng, n), shape);
      NDArray t = Tensors.floats(root, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f}, new Shape(BATCH));
      NDArray ctx = Tensors.floats(root, Gaussian.fill(rng, BATCH * TEXT_TOKENS * c.hidden()), new Shape(BATCH, TEXT_TOKENS, c.hidden()));
      TextContext text = new TextContext(ctx, root.ones(new Shape(BATCH, TEXT_TOKENS)), ctx.mean(new int[] {1}));
      double[] ms = new double[iterations];
      for (int i = -3; i < iterations; i++) {
        long t0 = System.nanoTime();
        try (NDManager m = root.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          // the step's inputs live in the step's manager, so every intermediate is freed with it
          NDArray xs = scoped(x, m);
          TextContext ts = new TextContext(scoped(text.tokens(), m), scoped(text.mask(), m), scoped(text.pooled(), m));
          NDArray loss = model.forward(ps, xs, scoped(t, m), ts, true).sub(target).square().mean();
          gc.backward(loss);
        }
        opt.step(1e-4f, 0f);
        if (i >= 0) ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      return new Result(ms[iterations / 2], model.parameterCount(), trainingFlops(c), sgemmGflops(root, 2048, 5));
    }
  }

  private static NDArray scoped(NDArray a, NDManager m) {
    NDArray c = a.duplicate();
    c.attach(m);
    return c;
  }

  /**
   * Matmul FLOPs of one training step (forward ×3 for forward + backward), counted from the shapes:
   * per-token linears, per-sample linears and the attention products.
   */
  public static double trainingFlops(DenoiserConfig c) {
    double d = c.hidden(), n = FRAMES * (SIZE / c.patch()) * (SIZE / c.patch()), l = TEXT_TOKENS;
    double patch = c.channels() * c.patch() * c.patch();
    double perToken = patch * d + c.depth() * (3 * d * d + d * d + d * d + d * d + 3 * d * c.mlpHidden()) + d * patch;
    double perSample = c.depth() * (l * 2 * d * d + 6 * d * d) + 2 * d * d + 256 * d + 2 * d * d + d * d;
    double attn = c.depth() * (2 * n * n * d + 2 * n * l * d);
    double forward = 2 * BATCH * (n * perToken + perSample + attn);
    return 3 * forward;
  }

  /** Median sgemm throughput of an s×s matmul on this engine, GFLOP/s. */
  public static double sgemmGflops(NDManager m, int s, int reps) {
    NDArray a = m.randomNormal(new Shape(s, s));
    NDArray b = m.randomNormal(new Shape(s, s));
    double[] g = new double[reps];
    for (int i = -1; i < reps; i++) {
      long t0 = System.nanoTime();
      try (NDArray c = a.matMul(b)) {
        c.getFloat(0, 0);
      }
      if (i >= 0) g[i] = 2.0 * s * s * s / ((System.nanoTime() - t0) / 1e9) / 1e9;
    }
    Arrays.sort(g);
    return g[reps / 2];
  }
}
