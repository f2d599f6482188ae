package dev.mediagen.coref;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.io.ProcessMemory;
import dev.mediagen.nn.Tensors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One measurement of the s2e-vs-span-representation memory benchmark ({@code bench/coref-memory}):
 * peak resident memory and time of a training step (forward + loss + backward) of either model on
 * a document of T tokens.
 *
 * <p><b>How memory is measured:</b> each configuration runs in a fresh JVM (the script starts one
 * per line), so the kernel's high-water mark of resident memory, {@code VmHWM} in {@code
 * /proc/self/status}, is the peak of this configuration alone. The step's own peak is {@code VmHWM}
 * after the steps minus {@code VmRSS} just before them (engine, model, optimizer-free parameters and
 * input already resident), so JVM and library start-up are not counted. It covers everything the
 * step allocates: PyTorch's tensors, autograd buffers, and the Java arrays of masks and indices.
 *
 * <p>Input: random frozen states (the content does not change memory or time: both models keep a
 * fixed ⌊λT⌋ spans) with real sentence boundaries, LitBank's sentence lengths in corpus order,
 * since the span baseline's candidates stay inside sentences (c2f's rule; it makes the baseline
 * smaller than with all spans).
 *
 * @param model "s2e" or "span"
 * @param tokens document length T
 * @param rssBeforeMb resident memory before the steps
 * @param peakMb {@code VmHWM} after the steps
 * @param stepPeakMb {@code peakMb − rssBeforeMb}
 * @param msPerStep median wall time of the steps after the first
 * @param candidates kept candidate spans k (s2e) or all candidate spans N (span baseline)
 */
public record CorefMemoryBench(
    String model, int tokens, double rssBeforeMb, double peakMb, double stepPeakMb, double msPerStep, int candidates) {

  /** Runs {@code steps} training steps of {@code model} on a T-token document and measures them. */
  public static CorefMemoryBench measure(String model, int tokens, S2eConfig config, int[] sentenceLengths, int steps)
      throws IOException {
    if (!model.equals("s2e") && !model.equals("span")) {
      throw new IllegalArgumentException("unknown model '" + model + "', allowed: s2e, span");
    }
    if (tokens < 2 || tokens > 100_000) {
      throw new IllegalArgumentException("tokens %d is outside [2, 100000]".formatted(tokens));
    }
    if (steps < 2 || steps > 100) {
      throw new IllegalArgumentException("steps %d is outside [2, 100]".formatted(steps));
    }
    int[] starts = sentenceStarts(tokens, sentenceLengths);
    float[] states = new float[tokens * config.inputDim()];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < states.length; i++) {
      states[i] = (float) r.nextGaussian();
    }
    try (NDManager root = NDManager.newBaseManager()) {
      S2eCoref s2e = model.equals("s2e") ? new S2eCoref(config) : null;
      SpanPairBaseline span = model.equals("span") ? new SpanPairBaseline(SpanPairConfig.peerOf(config)) : null;
      if (s2e != null) {
        s2e.initialize(root, 1);
      } else {
        span.initialize(root, 1);
      }
      ParameterStore ps = new ParameterStore(root, false);
      // synthetic words with repeats, so string features (when the config has them) are computed as on real text
      List<String> words = java.util.stream.IntStream.range(0, tokens).mapToObj(i -> "w" + (i % 97)).toList();
      double before = ProcessMemory.residentMb();
      List<Double> ms = new ArrayList<>();
      int candidates = 0;
      for (int step = 0; step < steps; step++) {
        long t0 = System.nanoTime();
        try (NDManager m = root.newSubManager()) {
          NDArray x = Tensors.floats(m, states, new Shape(tokens, config.inputDim()));
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss;
            if (s2e != null) {
              CorefOutput out = s2e.forward(ps, x, 0, null, words, true, new SplittableRandom(step));
              loss = S2eLoss.marginalLogLikelihood(out.corefLogits(), S2eLoss.goldMask(out.spans(), Map.of()));
              candidates = out.size();
            } else {
              SpanPairBaseline.Output out = span.forward(ps, x, starts, true, new SplittableRandom(step));
              long k = out.logits().getShape().get(0);
              long width = out.logits().getShape().get(1);
              float[] gold = new float[Math.toIntExact(k * width)];
              for (int i = 0; i < k; i++) {
                gold[Math.toIntExact(i * width + width - 1)] = 1f; // ε: any gold works for memory/time
              }
              loss = S2eLoss.marginalLogLikelihood(out.logits(), gold);
              candidates = SpanPairBaseline.candidates(tokens, config.maxSpanLength(), starts)[0].length;
            }
            gc.backward(loss);
          }
        }
        ms.add((System.nanoTime() - t0) / 1e6);
      }
      double peak = ProcessMemory.peakMb();
      List<Double> later = new ArrayList<>(ms.subList(1, ms.size()));
      later.sort(null);
      return new CorefMemoryBench(model, tokens, before, peak, peak - before, later.get(later.size() / 2), candidates);
    }
  }

  /** Sentence starts of a T-token document cut into the given sentence lengths, cycled. */
  static int[] sentenceStarts(int tokens, int[] lengths) {
    List<Integer> starts = new ArrayList<>();
    int t = 0;
    for (int i = 0; t < tokens; i++) {
      starts.add(t);
      t += Math.max(1, lengths[i % lengths.length]);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
