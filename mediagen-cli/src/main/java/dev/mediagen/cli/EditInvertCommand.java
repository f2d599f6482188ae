package dev.mediagen.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.edit.EditBenchmark;
import dev.mediagen.edit.EditExample;
import dev.mediagen.edit.EditGenerator;
import dev.mediagen.edit.EditTask;
import dev.mediagen.edit.EditTasks;
import dev.mediagen.edit.Editor;
import dev.mediagen.edit.TaskInversion;
import dev.mediagen.edit.TaskSummary;
import dev.mediagen.io.Json;
import dev.mediagen.train.CpuClock;
import dev.mediagen.world.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mediagen edit invert}: Emu Edit's task inversion (§4.4) measured. For each number of examples, a new
 * task embedding is learned with the model frozen, then the held-out task is edited with it on held-out scenes;
 * floors (the null task, the predicted task) and, with {@code --full-steps}, the reference of training the whole
 * model on the task's full set are scored the same way.
 */
@Command(name = "invert", mixinStandardHelpOptions = true,
    description = {"Learn a task embedding for a held-out task from 1, 10, 100 examples (model frozen) and score it.",
        "Example: ./mediagen edit invert --task mirror --shots 1,10,100 --json runs/invert-mirror.json"})
final class EditInvertCommand implements Callable<Integer> {
  @Option(names = "--checkpoint", description = "edit checkpoint (default: models/edit-small)")
  Path checkpoint;

  @Option(names = "--task", defaultValue = "mirror", description = "the new task (default: ${DEFAULT-VALUE})")
  String task;

  @Option(names = "--shots", split = ",", defaultValue = "1,10,100", description = "numbers of training examples (default: ${DEFAULT-VALUE})")
  List<Integer> shots;

  @Option(names = "--inversion-steps", defaultValue = "300", description = "inversion steps, batch min(16, examples) (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--lr", defaultValue = "5e-3", description = "inversion learning rate (default: ${DEFAULT-VALUE})")
  float lr;

  @Option(names = "--full-steps", defaultValue = "0",
      description = "also train the whole model on 2,000 examples of the task for this many steps (the reference); 0 = skip")
  int fullSteps;

  @Option(names = "--full-lr", defaultValue = "2e-4", description = "learning rate of the whole model in the reference (default: ${DEFAULT-VALUE})")
  float fullLr;

  @Option(names = "--per-task", defaultValue = "24", description = "held-out examples scored (default: ${DEFAULT-VALUE})")
  int perTask;

  @Option(names = "--scene-seed", defaultValue = "11", description = "seed of the held-out scenes (default: ${DEFAULT-VALUE})")
  long sceneSeed;

  @Mixin EditCommand.Sampling sampling;

  @Option(names = "--seed", defaultValue = "9", description = "seed of the training examples and the inversion (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", required = true, description = "results file")
  Path json;

  @Override
  public Integer call() throws Exception {
    EditTask t = EditCommand.parseTask(task);
    for (int n : shots) if (n < 1 || n > 100_000) throw new IllegalArgumentException("--shots %d must be in [1, 100000]".formatted(n));
    if (steps < 1) throw new IllegalArgumentException("--inversion-steps %d must be >= 1".formatted(steps));
    Paths.requireWritable(json);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager();
        EditGenerator gen = EditGenerator.load(checkpoint == null ? EditCommand.defaultCheckpoint() : checkpoint, m)) {
      EditTasks tasks = new EditTasks(gen.config().world());
      List<EditExample> test = tasks.testSet(t, Split.TEST_SEEN, perTask, sceneSeed);
      EditGenerator.Options o = sampling.options(3);
      rows.add(row("null task (no embedding)", 0, 0, score(test, gen.editor(test, o, gen.nullTask(), 32))));
      rows.add(row("predicted task", 0, 0, score(test, gen.editor(test, o, false, 32))));
      for (int n : shots) {
        CpuClock clock = new CpuClock();
        NDArray v = TaskInversion.learn(gen.model(), gen.prompts(), TaskInversion.examples(tasks, t, n, seed), steps, lr, seed, m);
        double cpu = clock.cpuSeconds();
        rows.add(row("task inversion", n, cpu, score(test, gen.editor(test, o, v, 32))));
        System.out.println(rows.get(rows.size() - 1));
      }
      if (fullSteps > 0) { // last: it changes the model's weights in place
        CpuClock clock = new CpuClock();
        NDArray v = TaskInversion.learn(gen.model(), gen.prompts(), TaskInversion.examples(tasks, t, 2000, seed), fullSteps, lr,
            seed, m, fullLr);
        double cpu = clock.cpuSeconds();
        rows.add(row("whole model trained on the task", 2000, cpu, score(test, gen.editor(test, o, v, 32))));
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("checkpoint", String.valueOf(checkpoint == null ? EditCommand.defaultCheckpoint() : checkpoint));
    doc.put("task", t.id());
    doc.put("inversion_steps", steps);
    doc.put("edit_steps", sampling.steps);
    doc.put("image_guidance", sampling.imageGuidance);
    doc.put("text_guidance", sampling.textGuidance);
    doc.put("lr", lr);
    doc.put("full_steps", fullSteps);
    doc.put("full_lr", fullLr);
    doc.put("scene_seed", sceneSeed);
    doc.put("rows", rows);
    Json.write(json, doc);
    rows.forEach(System.out::println);
    return 0;
  }

  private static TaskSummary score(List<EditExample> test, Editor editor) {
    return new EditBenchmark().run(test, editor).get(0);
  }

  private static Map<String, Object> row(String method, int examples, double cpuSeconds, TaskSummary s) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("method", method);
    r.put("examples", examples);
    r.put("cpu_seconds", Math.round(cpuSeconds * 10) / 10.0);
    r.put("success", s.success());
    r.put("preserved", s.preserved());
    r.put("exact", s.exact());
    r.put("overlap", s.overlap());
    r.put("l1_target", s.l1Target());
    r.put("feature_target", s.featureTarget());
    return r;
  }
}
