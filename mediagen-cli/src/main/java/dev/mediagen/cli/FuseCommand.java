package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.eval.FeatureEncoder;
import dev.mediagen.fuse.CropBench;
import dev.mediagen.fuse.FuseEval;
import dev.mediagen.fuse.FuseGenerator;
import dev.mediagen.io.Grids;
import dev.mediagen.io.HtmlReport;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Json;
import dev.mediagen.train.CpuClock;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.WorldConfig;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen fuse ...}: X&amp;Fuse evaluation. */
@Command(name = "fuse", description = "X&Fuse: evaluate generation conditioned on fused images.", subcommands = {FuseCommand.Eval.class})
final class FuseCommand {
  static Path defaultCheckpoint() {
    return Paths.home().resolve("runs").resolve("fuse-small");
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = {"FID analogue (Fréchet distance of ShapesWorld-encoder features against the held-out renders) and checker",
          "accuracy for: no image, image-embedding cross-attention baseline, Retrieve&Fuse, Scene&Fuse; then Crop&Fuse against",
          "per-subject textual inversion (seconds per subject and fidelity).",
          "Example: ./mediagen fuse eval --json out/fuse-eval.json --report out/fuse-report"})
  static final class Eval implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "fusion checkpoint (default: runs/fuse-small)")
    Path checkpoint;

    @Option(names = "--baseline", description = "image-embedding baseline checkpoint (default: runs/fuse-small-embedding if present; 'none' skips it)")
    String baseline;

    @Option(names = "--encoder", description = "feature-encoder directory; trained there when missing (default: runs/fid-encoder)")
    Path encoder;

    @Option(names = "--encoder-steps", defaultValue = "800", description = "training steps of a new feature encoder (default: ${DEFAULT-VALUE})")
    int encoderSteps;

    @Option(names = "--images", defaultValue = "128", description = "held-out captions per condition (default: ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--steps", defaultValue = "20", description = "ODE steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--guidance", defaultValue = "4", description = "text guidance scale (default: ${DEFAULT-VALUE})")
    float guidance;

    @Option(names = "--image-guidance", defaultValue = "1.5", description = "image guidance scale (default: ${DEFAULT-VALUE})")
    float imageGuidance;

    @Option(names = "--subjects", defaultValue = "6", description = "Crop&Fuse subjects; 0 skips the crop benchmark (default: ${DEFAULT-VALUE})")
    int subjects;

    @Option(names = "--inversion-steps", defaultValue = "100", description = "optimisation steps of the inversion baseline (default: ${DEFAULT-VALUE})")
    int inversionSteps;

    @Option(names = "--seed", defaultValue = "7", description = "evaluation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", required = true, description = "results file")
    Path json;

    @Option(names = "--report", description = "directory for sample grids and an HTML page")
    Path report;

    @Override
    public Integer call() throws Exception {
      if (images < 2) throw new IllegalArgumentException("--images %d must be >= 2".formatted(images));
      if (subjects < 0) throw new IllegalArgumentException("--subjects %d must be >= 0".formatted(subjects));
      Path ck = checkpoint == null ? defaultCheckpoint() : checkpoint;
      Path base = baseline == null ? Paths.home().resolve("runs").resolve("fuse-small-embedding") : baseline.equals("none") ? null : Path.of(baseline);
      if (base != null && !Files.exists(base)) {
        if (baseline != null) throw new NoSuchFileException("--baseline checkpoint " + base + " does not exist");
        System.err.println("mediagen: no baseline checkpoint at " + base + "; skipping the embedding row");
        base = null;
      }
      Path enc = encoder == null ? Paths.home().resolve("runs").resolve("fid-encoder") : encoder;
      long c0 = CpuClock.processCpuNanos(), w0 = System.nanoTime();
      Map<String, Object> doc = new LinkedHashMap<>();
      try (NDManager m = NDManager.newBaseManager(); FuseGenerator gen = FuseGenerator.load(ck, m);
          FuseGenerator baseGen = base == null ? null : FuseGenerator.load(base, m);
          FeatureEncoder features = encoder(enc, gen.config().world())) {
        var o = new FuseEval.Options(images, steps, guidance, imageGuidance, seed);
        Map<String, List<FuseEval.Sample>> samples = new LinkedHashMap<>();
        List<FuseEval.Row> rows = FuseEval.run(gen, baseGen, features, gen.config().world(), o,
            (name, s) -> samples.computeIfAbsent(name, k -> new ArrayList<>()).add(s));
        doc.put("checkpoint", ck.toString());
        doc.put("baseline", String.valueOf(base));
        doc.put("encoder", features.saved());
        doc.put("options", o);
        doc.put("fid", rows);
        rows.forEach(r -> System.out.printf("%-10s FID-analogue %8.3f  colour %.3f shape %.3f position %.3f count %.3f overall %.3f%n",
            r.condition(), r.fid(), r.colour(), r.shape(), r.position(), r.count(), r.overall()));
        if (subjects > 0) {
          var fo = new FuseGenerator.Options(steps, guidance, imageGuidance, seed);
          List<CropBench.Row> crop = CropBench.run(gen, CropBench.subjects(gen.config().world(), subjects, 4, 4, seed), fo, inversionSteps, 2e-2f, m,
              (name, s) -> samples.computeIfAbsent("crop-" + name, k -> new ArrayList<>()).add(s));
          doc.put("crop", crop);
          crop.forEach(r -> System.out.printf("%-32s %7.2f s/subject (CPU %7.2f)  colour %.3f shape %.3f size %.3f texture %.3f appearance %.3f%n",
              r.method(), r.wallSecondsPerSubject(), r.cpuSecondsPerSubject(), r.colour(), r.shape(), r.size(), r.texture(), r.appearance()));
        }
        doc.put("cpu_seconds", (CpuClock.processCpuNanos() - c0) / 1e9);
        doc.put("wall_seconds", (System.nanoTime() - w0) / 1e9);
        Json.write(json, doc);
        if (report != null) writeReport(report, samples, rows);
      }
      System.out.println(json);
      return 0;
    }

    private FeatureEncoder encoder(Path dir, WorldConfig world) throws java.io.IOException {
      if (Files.exists(dir)) return FeatureEncoder.load(dir);
      System.err.printf("mediagen: training the feature encoder (%d steps) into %s%n", encoderSteps, dir);
      FeatureEncoder e = FeatureEncoder.train(world, encoderSteps, 2024, null);
      e.save(dir);
      System.err.printf("mediagen: feature encoder held-out slot accuracy %.3f%n", e.saved().heldOutAccuracy());
      return e;
    }
  }

  /** {@code generate --fuse SPEC}: one image from a fusion checkpoint. */
  static int generate(GenerateCommand g) throws Exception {
    dev.mediagen.fuse.FuseSpec spec = dev.mediagen.fuse.FuseSpec.parse(g.fuse);
    if (!g.out.getFileName().toString().toLowerCase().endsWith(".png")) {
      throw new IllegalArgumentException("--out %s: --fuse generates one image; use a .png file".formatted(g.out));
    }
    if (g.frames != null && g.frames != 1) throw new IllegalArgumentException("--frames %d: --fuse generates images (1 frame)".formatted(g.frames));
    if (spec.file() != null && !Files.isRegularFile(spec.file())) throw new NoSuchFileException("conditioning image " + spec.file() + " does not exist");
    Path ck = g.checkpoint == null ? defaultCheckpoint() : g.checkpoint;
    try (NDManager m = NDManager.newBaseManager(); FuseGenerator gen = FuseGenerator.load(ck, m)) {
      int size = gen.config().model().size();
      if (g.size != null && g.size != size) throw new IllegalArgumentException("--size %d: this checkpoint generates %dx%d images".formatted(g.size, size, size));
      String prompt = dev.mediagen.text.Prompts.validate(g.prompt, gen.config().model().text().maxWords() - 3);
      dev.mediagen.world.Video cond;
      if (spec.mode() == dev.mediagen.fuse.FuseMode.RETRIEVE) {
        var hit = gen.retrieve(prompt, null).orElseThrow(() -> new IllegalStateException("the bank holds nothing to retrieve for this prompt"));
        System.err.printf("mediagen: retrieved bank image %d (cosine %.3f): %s%n", hit.id(), hit.score(), hit.entry().caption());
        cond = gen.bank().image(hit.id());
      } else {
        cond = dev.mediagen.fuse.Conditions.read(spec.file(), size, spec.mode());
      }
      var o = new FuseGenerator.Options(g.steps, g.guidance, g.imageGuidance, g.seed);
      dev.mediagen.world.Video v = gen.generate(List.of(prompt), List.of(cond), o).get(0);
      ImageFiles.writePng(ImageFiles.upscale(v.frame(0), g.scale), g.out);
      System.out.println(g.out);
    }
    return 0;
  }

  /** One grid per condition (conditioning | generated | real, 8 rows) and an index page. */
  static void writeReport(Path dir, Map<String, List<FuseEval.Sample>> samples, List<FuseEval.Row> rows) throws java.io.IOException {
    Files.createDirectories(dir);
    HtmlReport html = new HtmlReport("mediagen X&Fuse evaluation");
    List<List<String>> table = new ArrayList<>();
    for (FuseEval.Row r : rows) {
      table.add(List.of(r.condition(), "%.3f".formatted(r.fid()), "%.3f".formatted(r.colour()), "%.3f".formatted(r.shape()),
          "%.3f".formatted(r.position()), "%.3f".formatted(r.overall())));
    }
    html.table(List.of("condition", "FID analogue", "colour", "shape", "position", "all correct"), table);
    List<HtmlReport.Item> items = new ArrayList<>();
    for (var e : samples.entrySet()) {
      List<BufferedImage> tiles = new ArrayList<>();
      for (FuseEval.Sample s : e.getValue().subList(0, Math.min(8, e.getValue().size()))) {
        BufferedImage blank = new BufferedImage(s.image().width(), s.image().height(), BufferedImage.TYPE_INT_RGB);
        tiles.add(s.conditioning() == null ? blank : s.conditioning().frame(0));
        tiles.add(s.image().frame(0));
        tiles.add(Renderer.render(s.truth()).frame(0));
      }
      String name = e.getKey().replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("-+$", "") + ".png";
      ImageFiles.writePng(Grids.grid(tiles, 3, 1, 4, Color.DARK_GRAY), dir.resolve(name));
      items.add(new HtmlReport.Item(name, e.getKey() + ": conditioning | generated | real"));
    }
    html.gallery(items).write(dir.resolve("index.html"));
  }
}
