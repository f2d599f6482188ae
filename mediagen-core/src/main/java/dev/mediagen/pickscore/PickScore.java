package dev.mediagen.pickscore;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.LrSchedule;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A PickScore scorer: the dual encoder with its vocabulary, the two training stages and scoring.
 *
 * <ol>
 *   <li>{@link #pretrain}: contrastive image–caption training on ShapesWorld renders (our CLIP analogue,
 *       the "zero-shot" baseline);
 *   <li>{@link #finetune}: the preference objective ({@link PreferenceLoss#preference}) on judged pairs.
 * </ol>
 */
public final class PickScore implements AutoCloseable {
  private static final String FORMAT = "mediagen-pickscore-1";

  private final NDManager manager;
  private final PickScoreModel model;
  private final WordTokenizer tokenizer;
  private final ParameterStore ps;

  private PickScore(NDManager manager, PickScoreModel model, WordTokenizer tokenizer) {
    this.manager = manager;
    this.model = model;
    this.tokenizer = tokenizer;
    this.ps = new ParameterStore(manager, false);
  }

  /** A fresh scorer over the ShapesWorld caption vocabulary, initialised from {@code seed}. */
  public static PickScore create(long seed) {
    return create(seed, smallConfig());
  }

  /** {@link PickScoreConfig#small} over the ShapesWorld caption vocabulary. */
  public static PickScoreConfig smallConfig() {
    return PickScoreConfig.small(WordTokenizer.fromWords(Captioner.vocabulary()).size());
  }

  /** A fresh scorer of shape {@code config} over the ShapesWorld caption vocabulary, initialised from {@code seed}. */
  public static PickScore create(long seed, PickScoreConfig config) {
    WordTokenizer tok = WordTokenizer.fromWords(Captioner.vocabulary());
    if (config.vocab() < tok.size()) throw new IllegalArgumentException("vocab %d is smaller than the caption vocabulary (%d)".formatted(config.vocab(), tok.size()));
    NDManager m = NDManager.newBaseManager();
    PickScoreModel model = new PickScoreModel(config);
    model.initialize(m, Seeds.derive(seed, Seeds.INIT, 0));
    return new PickScore(m, model, tok);
  }

  /** A copy of this scorer's weights (to fine-tune one copy and keep the other as the zero-shot baseline). */
  public PickScore copy() {
    NDManager m = NDManager.newBaseManager();
    PickScoreModel c = new PickScoreModel(model.config());
    c.initialize(m, 0);
    try (NDManager tmp = manager.newSubManager()) {
      Weights.copyInto(Weights.snapshot(model, tmp), c);
    }
    return new PickScore(m, c, tokenizer);
  }

  /**
   * Contrastive pretraining on freshly sampled ShapesWorld images and their captions (AdamW, warmup then
   * cosine). Half of each batch gets pixel noise of σ ∈ [0, 0.1] so the encoder has seen imperfect images.
   *
   * @param listener (step, loss), may be null
   * @return the last loss
   */
  public float pretrain(int steps, int batch, float lr, long seed, BiConsumer<Integer, Float> listener) {
    int size = model.config().size();
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults().withSize(size));
    AdamW opt = new AdamW(model, manager, 0.9f, 0.98f, 1e-6f, 0.1f);
    float loss = Float.NaN;
    for (int step = 0; step < steps; step++) {
      SplittableRandom rng = Seeds.rng(seed, Seeds.DATA, step);
      try (NDManager m = manager.newSubManager()) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray l = contrastiveLoss(m, sampler, rng, batch);
          gc.backward(l);
          loss = l.getFloat();
        }
      }
      if (!Float.isFinite(loss)) throw new AdamW.NonFiniteException("contrastive loss is " + loss + " at step " + step);
      opt.step(LrSchedule.warmupCosine(step, lr, lr * 0.1f, Math.min(100, steps / 10), steps), 1f);
      clampScale();
      if (listener != null) listener.accept(step + 1, loss);
    }
    return loss;
  }

  /**
   * Fine-tunes on judged pairs with the preference loss ({@link PreferenceLoss#preference}), AdamW.
   *
   * @param validation held-out pairs to select on (used when {@code f.selectEvery() > 0}; may be empty otherwise)
   * @param listener (step, loss), may be null
   */
  public Finetuned finetune(List<PreferencePair> pairs, Finetune f, List<PreferencePair> validation, BiConsumer<Integer, Float> listener) {
    if (pairs.isEmpty()) throw new IllegalArgumentException("no pairs to fine-tune on");
    if (f.selectEvery() > 0 && validation.isEmpty()) throw new IllegalArgumentException("no validation pairs to select on");
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults().withSize(model.config().size()));
    AdamW opt = new AdamW(model, manager, 0.9f, 0.98f, 1e-6f, 0.1f, name -> !(f.freezeText() && PickScoreModel.isTextParameter(name)));
    boolean select = f.selectEvery() > 0;
    try (NDManager keep = manager.newSubManager()) {
      Map<String, NDArray> best = null;
      int bestStep = 0;
      double bestAccuracy = Double.NaN;
      if (select) {
        bestAccuracy = validationAccuracy(validation);
        best = Weights.snapshot(model, keep);
      }
      float loss = Float.NaN;
      for (int done = 0; done < f.steps(); ) {
        int chunk = select ? Math.min(f.selectEvery(), f.steps() - done) : f.steps();
        loss = finetuneSteps(opt, sampler, pairs, f, done, chunk, listener);
        done += chunk;
        if (select) {
          double acc = validationAccuracy(validation);
          if (acc > bestAccuracy) {
            bestStep = done;
            bestAccuracy = acc;
            best.values().forEach(NDArray::close);
            best = Weights.snapshot(model, keep);
          }
        }
      }
      if (best != null) Weights.copyInto(best, model);
      return new Finetuned(loss, select ? bestStep : f.steps(), bestAccuracy);
    }
  }

  /** Tie-aware accuracy on {@code pairs} at their best tie threshold. */
  double validationAccuracy(List<PreferencePair> pairs) {
    float[] labels = PreferencePair.labels(pairs);
    double[] p = probabilities(pairs);
    return PreferenceAccuracy.accuracy(p, labels, PreferenceAccuracy.tune(p, labels));
  }

  /** Steps {@code from .. from + n − 1} of fine-tuning recipe {@code f} with {@code opt}. */
  private float finetuneSteps(AdamW opt, SceneSampler sampler, List<PreferencePair> pairs, Finetune f, int from, int n, BiConsumer<Integer, Float> listener) {
    int batch = f.batch();
    long seed = f.seed();
    int warmup = Math.max(1, f.steps() / 8);
    float loss = Float.NaN;
    for (int step = from; step < from + n; step++) {
      SplittableRandom rng = Seeds.rng(seed, Seeds.DATA, step);
      List<PreferencePair> b = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) b.add(pairs.get(rng.nextInt(pairs.size())));
      try (NDManager m = manager.newSubManager()) {
        NDArray ids = ids(m, b.stream().map(PreferencePair::caption).toList());
        NDArray im0 = images(m, b.stream().map(PreferencePair::image0).toList());
        NDArray im1 = images(m, b.stream().map(PreferencePair::image1).toList());
        float[] label0 = new float[batch];
        float[] weight = new float[batch];
        for (int i = 0; i < batch; i++) {
          label0[i] = b.get(i).label0();
          weight[i] = 1f / b.get(i).numExamplesPerPrompt();
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray t = model.encodeText(ps, ids, true);
          NDArray s0 = model.score(ps, t, model.encodeImage(ps, im0, true), true);
          NDArray s1 = model.score(ps, t, model.encodeImage(ps, im1, true), true);
          NDArray l = PreferenceLoss.preference(s0, s1, Tensors.floats(m, label0, new Shape(batch)), Tensors.floats(m, weight, new Shape(batch)));
          loss = l.getFloat();
          if (f.replay() > 0) l = l.add(contrastiveLoss(m, sampler, Seeds.rng(seed, Seeds.VALIDATION, step), batch).mul(f.replay()));
          gc.backward(l);
        }
      }
      if (!Float.isFinite(loss)) throw new AdamW.NonFiniteException("preference loss is " + loss + " at step " + step);
      opt.step(step < warmup ? f.lr() * (step + 1) / warmup : f.lr(), 1f);
      clampScale();
      if (listener != null) listener.accept(step + 1, loss);
    }
    return loss;
  }

  /** CLIP's loss on a fresh batch of renders and captions; half the images get pixel noise σ ∈ [0, 0.1]. */
  private NDArray contrastiveLoss(NDManager m, SceneSampler sampler, SplittableRandom rng, int batch) {
    int size = model.config().size();
    List<String> captions = new ArrayList<>(batch);
    float[] pixels = new float[batch * 3 * size * size];
    for (int i = 0; i < batch; i++) {
      Scene scene = sampler.sampleImage(rng, Split.TRAIN);
      captions.add(Captioner.caption(scene, rng));
      Video v = Renderer.render(scene);
      if (i % 2 == 1) v = v.withNoise(0.1 * rng.nextDouble(), rng.nextLong());
      System.arraycopy(v.data(), 0, pixels, i * 3 * size * size, 3 * size * size);
    }
    NDArray t = model.encodeText(ps, ids(m, captions), true);
    NDArray im = model.encodeImage(ps, Tensors.floats(m, pixels, new Shape(batch, 3, size, size)), true);
    return PreferenceLoss.contrastive(t, im, model.scale(ps, t, true));
  }

  /** Scores {@code exp(τ)·cos(text, image)} of row-aligned captions and images. */
  public float[] scores(List<String> captions, List<Video> images) {
    if (captions.size() != images.size()) throw new IllegalArgumentException("%d captions for %d images".formatted(captions.size(), images.size()));
    float[] out = new float[captions.size()];
    try (Tensors.Scope g = Tensors.noGrad()) {
      for (int from = 0; from < out.length; from += 256) {
        int to = Math.min(out.length, from + 256);
        try (NDManager m = manager.newSubManager()) {
          NDArray t = model.encodeText(ps, ids(m, captions.subList(from, to)), false);
          NDArray im = model.encodeImage(ps, images(m, images.subList(from, to)), false);
          float[] s = model.score(ps, t, im, false).toFloatArray();
          System.arraycopy(s, 0, out, from, s.length);
        }
      }
    }
    return out;
  }

  /** The probability the scorer gives image 0 of each pair: softmax over the pair's two scores. */
  public double[] probabilities(List<PreferencePair> pairs) {
    List<String> captions = pairs.stream().map(PreferencePair::caption).toList();
    float[] s0 = scores(captions, pairs.stream().map(PreferencePair::image0).toList());
    float[] s1 = scores(captions, pairs.stream().map(PreferencePair::image1).toList());
    double[] p = new double[pairs.size()];
    for (int i = 0; i < p.length; i++) p[i] = 1 / (1 + Math.exp(s1[i] - s0[i]));
    return p;
  }

  /** exp(τ), the learned temperature's scale. */
  public float scale() {
    return (float) Math.exp(model.namedParameters().get("logit_scale").array().getFloat(0));
  }

  public PickScoreConfig config() {
    return model.config();
  }

  /** Writes the weights, config and vocabulary to one safetensors file. */
  public void save(Path file) throws IOException {
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    try (NDManager m = manager.newSubManager()) {
      Safetensors.write(file, Weights.toTensors(Weights.snapshot(model, m), "", false),
          Map.of("format", FORMAT, "config", Json.toJson(model.config()), "vocabulary", tokenizer.toJson()));
    }
  }

  /** Reads a scorer written by {@link #save}. */
  public static PickScore load(Path file) throws IOException {
    Safetensors.Loaded loaded = Safetensors.read(file);
    if (!FORMAT.equals(loaded.metadata().get("format"))) {
      throw new IOException("%s is not a PickScore checkpoint (format %s, expected %s)".formatted(file, loaded.metadata().get("format"), FORMAT));
    }
    PickScoreConfig config = Json.fromJson(loaded.metadata().get("config"), PickScoreConfig.class);
    WordTokenizer tok = WordTokenizer.fromJson(loaded.metadata().get("vocabulary"));
    NDManager m = NDManager.newBaseManager();
    PickScoreModel model = new PickScoreModel(config);
    model.initialize(m, 0);
    Weights.copyInto(Weights.fromTensors(loaded.tensors(), "", m), model);
    return new PickScore(m, model, tok);
  }

  @Override
  public void close() {
    manager.close();
  }

  /** CLIP clamps exp(τ) at 100 so the logits cannot blow up. */
  private void clampScale() {
    NDArray s = model.namedParameters().get("logit_scale").array();
    if (s.getFloat(0) > (float) Math.log(100)) {
      try (Tensors.Scope g = Tensors.noGrad()) {
        s.set(new float[] {(float) Math.log(100)});
      }
    }
  }

  /** (B, L) word ids; captions longer than the encoder reads are cut (bag of words: the tail is dropped). */
  private NDArray ids(NDManager m, List<String> captions) {
    int max = model.config().maxWords();
    List<int[]> rows = new ArrayList<>(captions.size());
    for (String c : captions) {
      int[] r = tokenizer.encode(c, 4096);
      rows.add(r.length > max ? java.util.Arrays.copyOf(r, max) : r);
    }
    dev.mediagen.text.Encoded e = dev.mediagen.text.Encoded.pad(rows);
    return Tensors.ints(m, e.ids(), new Shape(e.batch(), e.maxLen()));
  }

  private NDArray images(NDManager m, List<Video> images) {
    int size = model.config().size();
    int n = 3 * size * size;
    float[] pixels = new float[images.size() * n];
    for (int i = 0; i < images.size(); i++) {
      Video v = images.get(i);
      if (v.width() != size || v.height() != size) {
        throw new IllegalArgumentException("image %d is %dx%d; the scorer reads %dx%d".formatted(i, v.width(), v.height(), size, size));
      }
      System.arraycopy(v.data(), 0, pixels, i * n, n);
    }
    return Tensors.floats(m, pixels, new Shape(images.size(), 3, size, size));
  }
}
