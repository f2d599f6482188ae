package dev.mediagen.fuse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.edit.SceneEdits;
import dev.mediagen.train.CpuClock;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Palette;
import dev.mediagen.world.Region;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Score;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Subject-driven generation without per-subject optimisation (Crop&amp;Fuse) against the per-subject
 * optimisation baseline ({@link SubjectInversion}), on held-out subjects: an object of a TEST_SEEN scene is
 * the subject; it is asked for alone in new contexts (a random region and background) with prompts that name
 * it only as {@value Conditions#SUBJECT}. Crop&amp;Fuse fuses the crop of the one reference image; the
 * baseline learns v* from {@code trainImages} renders of the subject in other contexts, then generates.
 * Fidelity: the checker reads the generated image of the single-object scene asked for; colour, shape,
 * size and texture are the subject's appearance, position the prompt's. Cost: wall and process-CPU seconds
 * per subject, everything included (optimisation and sampling of the same number of images).
 */
public final class CropBench {
  /** A subject: its reference scene and object, the inversion's training scenes and the evaluation scenes. */
  public record Subject(Scene reference, int index, List<Scene> train, List<Scene> eval) {
    public SceneObject object() {
      return reference.objects().get(index);
    }
  }

  /** One method's numbers, fidelity as fractions in [0, 1]. */
  public record Row(String method, int subjects, int samples, double wallSecondsPerSubject, double cpuSecondsPerSubject,
      double colour, double shape, double size, double texture, double appearance, double position) {}

  private CropBench() {}

  /** {@code n} held-out subjects with {@code trainImages} and {@code evalImages} contexts each. */
  public static List<Subject> subjects(WorldConfig world, int n, int trainImages, int evalImages, long seed) {
    SceneSampler sampler = new SceneSampler(world);
    List<Subject> out = new ArrayList<>();
    for (Scene ref : sampler.testSet(Split.TEST_SEEN, n, seed)) {
      SplittableRandom rng = Seeds.rng(seed, Seeds.DATA + 50, out.size());
      int index = rng.nextInt(ref.objects().size());
      SceneObject o = ref.objects().get(index);
      List<Scene> train = new ArrayList<>(), eval = new ArrayList<>();
      while (train.size() < trainImages) train.add(alone(world, o, rng));
      while (eval.size() < evalImages) eval.add(alone(world, o, rng));
      out.add(new Subject(ref, index, train, eval));
    }
    return out;
  }

  /** The subject alone at a random region on a random background. */
  static Scene alone(WorldConfig world, SceneObject o, SplittableRandom rng) {
    while (true) {
      Scene empty = new Scene(world.size(), world.size(), 1, world.fps().get(0), rng.nextInt(Palette.backgrounds()), List.of());
      SceneObject placed = SceneEdits.place(empty, rng, o.shape(), o.colour(), o.size(), o.texture(), Region.values()[rng.nextInt(9)]);
      if (placed != null) return new Scene(empty.width(), empty.height(), 1, empty.fps(), empty.background(), List.of(placed));
    }
  }

  /**
   * Runs Crop&amp;Fuse, the inversion baseline and two references (the full caption naming the subject's
   * attributes, and the subject prompt with nothing else) on every subject.
   */
  public static List<Row> run(FuseGenerator gen, List<Subject> subjects, FuseGenerator.Options o, int inversionSteps, float lr,
      NDManager m) {
    return run(gen, subjects, o, inversionSteps, lr, m, null);
  }

  /** As above; {@code onSample} (may be null) receives every generated image under its method's name. */
  public static List<Row> run(FuseGenerator gen, List<Subject> subjects, FuseGenerator.Options o, int inversionSteps, float lr,
      NDManager m, BiConsumer<String, FuseEval.Sample> onSample) {
    String inv = "inversion-%d".formatted(inversionSteps);
    Tally crop = new Tally("crop&fuse", onSample), inversion = new Tally(inv, onSample), oracle = new Tally("full caption (reference)", onSample),
        blind = new Tally("subject prompt only (reference)", onSample);
    for (int k = 0; k < subjects.size(); k++) {
      Subject s = subjects.get(k);
      List<String> prompts = s.eval().stream().map(e -> Conditions.subjectCaption(e, 0)).toList();
      Video cropImage = Conditions.crop(s.reference(), s.index());
      FuseGenerator.Options ok = new FuseGenerator.Options(o.steps(), o.textGuidance(), o.imageGuidance(), Seeds.derive(o.seed(), 60, k));
      crop.add(s, prompts, cropImage, timed(() -> gen.generate(prompts, java.util.Collections.nCopies(prompts.size(), cropImage), ok)));
      long seed = Seeds.derive(o.seed(), 61, k);
      inversion.add(s, prompts, null, timed(() -> {
        try (NDManager sm = m.newSubManager()) {
          NDArray v = SubjectInversion.learn(gen.model(), gen.prompts(), s.train(), inversionSteps, lr, seed, sm);
          return gen.generate(prompts, null, ok, SubjectInversion.inserting(gen.prompts(), prompts, v));
        }
      }));
      List<String> full = s.eval().stream().map(Captioner::canonical).toList();
      oracle.add(s, full, null, timed(() -> gen.generate(full, null, ok)));
      blind.add(s, prompts, null, timed(() -> gen.generate(prompts, null, ok)));
    }
    return List.of(crop.row(subjects.size()), inversion.row(subjects.size()), oracle.row(subjects.size()), blind.row(subjects.size()));
  }

  private record Timed(List<Video> images, double wall, double cpu) {}

  private static Timed timed(Supplier<List<Video>> work) {
    long w0 = System.nanoTime(), c0 = CpuClock.processCpuNanos();
    List<Video> out = work.get();
    return new Timed(out, (System.nanoTime() - w0) / 1e9, (CpuClock.processCpuNanos() - c0) / 1e9);
  }

  /** Sums per method. */
  private static final class Tally {
    final Checker checker = new Checker();
    final String method;
    final BiConsumer<String, FuseEval.Sample> onSample;
    double wall, cpu, colour, shape, size, texture, appearance, position;
    int samples;

    Tally(String method, BiConsumer<String, FuseEval.Sample> onSample) {
      this.method = method;
      this.onSample = onSample;
    }

    void add(Subject s, List<String> prompts, Video cond, Timed t) {
      wall += t.wall();
      cpu += t.cpu();
      for (int i = 0; i < t.images().size(); i++) {
        Score sc = checker.check(s.eval().get(i), t.images().get(i));
        if (onSample != null) onSample.accept(method, new FuseEval.Sample(method, prompts.get(i), s.eval().get(i), cond, t.images().get(i)));
        colour += sc.colour();
        shape += sc.shape();
        size += sc.size();
        texture += sc.texture();
        appearance += sc.colour() == 1 && sc.shape() == 1 && sc.size() == 1 && sc.texture() == 1 ? 1 : 0;
        position += sc.position();
        samples++;
      }
    }

    Row row(int subjects) {
      double n = Math.max(1, samples);
      return new Row(method, subjects, samples, wall / subjects, cpu / subjects, colour / n, shape / n, size / n, texture / n,
          appearance / n, position / n);
    }
  }
}
