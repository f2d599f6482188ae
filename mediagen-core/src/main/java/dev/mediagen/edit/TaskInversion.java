package dev.mediagen.edit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.flow.FlowPath;
import dev.mediagen.flow.PathSample;
import dev.mediagen.flow.TimeSampler;
import dev.mediagen.nn.Gaussian;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Tensors;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.Seeds;
import dev.mediagen.video.ClipData;
import dev.mediagen.video.PromptEncoder;
import dev.mediagen.world.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Emu Edit's task inversion (§4.4): learn only a new task embedding for an unseen task from a few examples,
 * with every weight of the trained model frozen — the few-shot adaptation that the task-embedding design
 * makes possible.
 */
public final class TaskInversion {
  /** The one trainable vector. */
  static final class TaskVector extends Module {
    final Parameter vector;

    TaskVector(int dim) {
      this.vector = param("task", Init.normal(0.02), 1, dim);
    }
  }

  private TaskInversion() {}

  /**
   * @param examples the few training examples of the new task
   * @return the learned task embedding (1, D), on {@code m}
   */
  public static NDArray learn(
      EditModel model, PromptEncoder prompts, List<EditExample> examples, int steps, float lr, long seed, NDManager m) {
    return learn(model, prompts, examples, steps, lr, seed, m, 0);
  }

  /**
   * The same loop, with {@code modelLr > 0} also training every weight of the model (in place) at that rate:
   * the "trained on the task's full set" reference that inversion is compared with.
   */
  public static NDArray learn(EditModel model, PromptEncoder prompts, List<EditExample> examples, int steps, float lr,
      long seed, NDManager m, float modelLr) {
    int dim = model.config().denoiser().hidden();
    TaskVector tv = new TaskVector(dim);
    tv.initialize(m, seed);
    List<Boolean> before = new ArrayList<>();
    model.namedParameters().values().forEach(p -> {
      before.add(p.parameter().requiresGradient());
      p.array().setRequiresGradient(modelLr > 0); // frozen unless fine-tuned: gradients only reach the task vector
    });
    try {
      AdamW opt = new AdamW(tv, m, 0.9f, 0.99f, 1e-8f, 0f);
      AdamW modelOpt = modelLr > 0 ? new AdamW(model, m, 0.9f, 0.99f, 1e-8f, 0.01f) : null;
      ParameterStore ps = new ParameterStore(m, false);
      int batch = Math.min(16, examples.size());
      for (int step = 0; step < steps; step++) {
        SplittableRandom rng = Seeds.rng(seed, Seeds.DATA, step);
        List<EditExample> b = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) b.add(examples.get(rng.nextInt(examples.size())));
        int s = b.get(0).sourceImage().width();
        try (NDManager sm = m.newSubManager()) {
          Shape shape = new Shape(batch, 3, 1, s, s);
          NDArray x1 = Tensors.floats(sm, ClipData.pixelsOf(b.stream().map(EditExample::targetImage).toList()), shape);
          NDArray src = Tensors.floats(sm, ClipData.pixelsOf(b.stream().map(EditExample::sourceImage).toList()), shape);
          NDArray x0 = Tensors.floats(sm, Gaussian.fill(Seeds.rng(seed, Seeds.NOISE, step), batch * 3 * s * s), shape);
          NDArray t = Tensors.floats(sm, TimeSampler.mixed(Seeds.rng(seed, Seeds.TIME, step), batch, 0.5, 0, 1), new Shape(batch));
          PathSample path = FlowPath.sample(x1, x0, t, FlowPath.SIGMA_MIN);
          var host = prompts.encode(b.stream().map(EditExample::instruction).toList());
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray task = tv.vector.getArray().repeat(0, batch); // (B, D)
            NDArray v = model.forward(ps, path.xt(), t, PromptEncoder.toArrays(host, sm), src, task, true);
            gc.backward(v.sub(path.velocity()).square().mean());
          }
        }
        opt.step(lr, 1f);
        if (modelOpt != null) modelOpt.step(modelLr, 1f);
      }
      return tv.vector.getArray().duplicate();
    } finally {
      int i = 0;
      for (var p : model.namedParameters().values()) p.array().setRequiresGradient(before.get(i++));
    }
  }

  /** {@code n} fixed training examples of {@code task} (the 1, 10, 100 of the paper's study). */
  public static List<EditExample> examples(EditTasks tasks, EditTask task, int n, long seed) {
    return tasks.testSet(task, Split.TRAIN, n, seed);
  }
}
