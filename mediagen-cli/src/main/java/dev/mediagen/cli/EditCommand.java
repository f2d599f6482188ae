package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.edit.EditBenchmark;
import dev.mediagen.edit.EditExample;
import dev.mediagen.edit.EditGenerator;
import dev.mediagen.edit.EditTask;
import dev.mediagen.edit.EditTasks;
import dev.mediagen.edit.Editor;
import dev.mediagen.edit.TaskSummary;
import dev.mediagen.io.HtmlReport;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Json;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mediagen edit}: instruction-based image editing (Emu Edit). */
@Command(name = "edit", mixinStandardHelpOptions = true,
    description = {
      "Edit an image by instruction with an Emu Edit checkpoint; the task is predicted from the instruction",
      "unless --task names it. Dual classifier-free guidance over the image and the text.",
      "Example: ./mediagen edit --image in.png --instruction \"make the red circle blue\" --out out.png"
    },
    subcommands = {EditCommand.Bench.class, EditInvertCommand.class})
final class EditCommand implements Callable<Integer> {
  @Option(names = "--image", description = "input .png (the world's canvas size, or an integer enlargement)")
  Path image;

  @Option(names = "--instruction", description = "what to change; repeat for multi-turn editing (each turn edits the last)")
  List<String> instructions;

  @Option(names = "--alpha", defaultValue = "0.03",
      description = "multi-turn per-pixel threshold: smaller low-passed changes are undone (Emu Edit's α; 0 = off) (default: ${DEFAULT-VALUE})")
  double alpha;

  @Option(names = "--out", description = "output .png")
  Path out;

  @Option(names = "--task", description = "task override (default: predicted); one of the task names; repeat once per instruction")
  List<String> task;

  @Mixin Sampling sampling;

  @Option(names = "--seed", defaultValue = "0", description = "noise seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--checkpoint", description = "edit checkpoint (default: models/edit-small)")
  Path checkpoint;

  /** How every edit command samples: ODE steps and the two guidance scales (Emu Edit's dual CFG). */
  static final class Sampling {
    @Option(names = "--image-guidance", defaultValue = "" + EditGenerator.Options.IMAGE_GUIDANCE, description = "image CFG scale (default: ${DEFAULT-VALUE})")
    float imageGuidance;

    @Option(names = "--text-guidance", defaultValue = "" + EditGenerator.Options.TEXT_GUIDANCE, description = "text CFG scale (default: ${DEFAULT-VALUE})")
    float textGuidance;

    @Option(names = "--steps", defaultValue = "" + EditGenerator.Options.STEPS, description = "ODE steps (default: ${DEFAULT-VALUE})")
    int steps;

    EditGenerator.Options options(long seed) {
      return new EditGenerator.Options(steps, imageGuidance, textGuidance, seed);
    }
  }

  static Path defaultCheckpoint() {
    return Paths.home().resolve("models").resolve("edit-small");
  }

  static EditTask parseTask(String name) {
    try {
      return EditTask.of(name);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unknown task '%s'; allowed: %s".formatted(name, Arrays.toString(EditTask.values())));
    }
  }

  @Override
  public Integer call() throws Exception {
    if (image == null || out == null) throw new IllegalArgumentException("--image and --out are required (or use a subcommand)");
    if (instructions == null || instructions.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("--instruction must not be empty");
    }
    if (!Files.isRegularFile(image)) throw new NoSuchFileException(image + " does not exist");
    if (task != null && task.size() != instructions.size()) {
      throw new IllegalArgumentException("%d --task values for %d instructions: give one per instruction or none".formatted(task.size(), instructions.size()));
    }
    if (!(alpha >= 0 && alpha <= 3)) throw new IllegalArgumentException("--alpha %s must be in [0, 3]".formatted(alpha));
    List<EditTask> given = task == null ? java.util.Collections.nCopies(instructions.size(), null) : task.stream().map(EditCommand::parseTask).toList();
    Paths.requireWritable(out);
    try (NDManager m = NDManager.newBaseManager();
        EditGenerator gen = EditGenerator.load(checkpoint == null ? defaultCheckpoint() : checkpoint, m)) {
      int size = gen.config().model().size();
      Video src = Video.of(List.of(CheckCommand.reduce(ImageFiles.readImage(image), size)));
      List<EditTask> used = new ArrayList<>();
      for (int i = 0; i < instructions.size(); i++) used.add(given.get(i) != null ? given.get(i) : gen.predictTask(instructions.get(i)));
      List<Video> turns = gen.multiTurn(src, instructions.stream().map(String::trim).toList(), used,
          sampling.options(seed), alpha);
      for (int i = 0; i < turns.size(); i++) {
        Path file = i == turns.size() - 1 ? out : out.resolveSibling(out.getFileName().toString().replaceFirst("(\\.png)?$", "-turn" + (i + 1) + ".png"));
        ImageFiles.writePng(ImageFiles.upscale(turns.get(i).frame(0), 4), file);
        System.out.println("turn %d: task %s (%s) -> %s".formatted(i + 1, used.get(i), given.get(i) == null ? "predicted" : "given", file));
      }
    }
    return 0;
  }

  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = "Per-task edit success, preservation, L1 and feature similarity on held-out scenes (Emu Edit benchmark analogue).")
  static final class Bench implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "edit checkpoint (default: models/edit-small)")
    Path checkpoint;

    @Option(names = "--per-task", defaultValue = "24", description = "examples per task (default: ${DEFAULT-VALUE})")
    int perTask;

    @Option(names = "--task-source", defaultValue = "predicted",
        description = "the task embedding: predicted (from the instruction), true (the override), none (the null task: the ablation without task embedding) (default: ${DEFAULT-VALUE})")
    String taskSource;

    @Option(names = "--tasks", split = ",", description = "benchmark these tasks only (default: every training task)")
    List<String> tasks;

    @Option(names = "--scene-seed", defaultValue = "11", description = "seed of the held-out scenes (default: ${DEFAULT-VALUE}; tune settings on another)")
    long sceneSeed;

    @Mixin Sampling sampling;

    @Option(names = "--json", required = true, description = "results file")
    Path json;

    @Option(names = "--report", description = "directory for an HTML report")
    Path report;

    @Override
    public Integer call() throws Exception {
      try (NDManager m = NDManager.newBaseManager();
          EditGenerator gen = EditGenerator.load(checkpoint == null ? defaultCheckpoint() : checkpoint, m)) {
        List<EditTask> which = tasks == null ? EditTask.training() : tasks.stream().map(EditCommand::parseTask).toList();
        List<EditExample> ex = EditBenchmark.suite(new EditTasks(gen.config().world()), which, Split.TEST_SEEN, perTask, sceneSeed);
        EditGenerator.Options o = sampling.options(3);
        Editor editor = switch (taskSource) {
          case "predicted", "true" -> gen.editor(ex, o, taskSource.equals("true"), 32);
          case "none" -> gen.editor(ex, o, gen.nullTask(), 32);
          default -> throw new IllegalArgumentException("--task-source '%s'; allowed: predicted, true, none".formatted(taskSource));
        };
        List<TaskSummary> rows = new EditBenchmark().run(ex, editor);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("checkpoint", String.valueOf(checkpoint == null ? defaultCheckpoint() : checkpoint));
        doc.put("task_source", taskSource);
        doc.put("scene_seed", sceneSeed);
        doc.put("steps", sampling.steps);
        doc.put("image_guidance", sampling.imageGuidance);
        doc.put("text_guidance", sampling.textGuidance);
        doc.put("mean_success", rows.stream().mapToDouble(TaskSummary::success).average().orElse(Double.NaN));
        doc.put("mean_preserved", rows.stream().mapToDouble(TaskSummary::preserved).filter(Double::isFinite).average().orElse(Double.NaN));
        doc.put("per_task", rows);
        Json.write(json, doc);
        System.out.println(EditBenchmark.csv(rows));
        System.out.printf("mean success %.3f, mean preserved %.3f (%s task)%n", doc.get("mean_success"), doc.get("mean_preserved"), taskSource);
        if (report != null) {
          Files.createDirectories(report.resolve("samples"));
          HtmlReport html = new HtmlReport("mediagen edit benchmark");
          List<HtmlReport.Item> items = new ArrayList<>();
          for (int i = 0; i < ex.size(); i += Math.max(1, perTask)) {
            String name = "samples/%03d.png".formatted(i);
            ImageFiles.writePng(ImageFiles.upscale(dev.mediagen.io.Grids.grid(List.of(ex.get(i).sourceImage().frame(0),
                editor.edit(ex.get(i)).frame(0), ex.get(i).targetImage().frame(0)), 3, 1, 1, java.awt.Color.DARK_GRAY), 3), report.resolve(name));
            items.add(new HtmlReport.Item(name, ex.get(i).task() + ": " + ex.get(i).instruction() + " (source | edit | target)"));
          }
          html.paragraph(EditBenchmark.csv(rows)).gallery(items).write(report.resolve("index.html"));
        }
      }
      return 0;
    }
  }
}
