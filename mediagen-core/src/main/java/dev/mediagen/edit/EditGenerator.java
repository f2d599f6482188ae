package dev.mediagen.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.flow.DualGuidance;
import dev.mediagen.flow.OdeSolver;
import dev.mediagen.flow.Schedules;
import dev.mediagen.nn.Gaussian;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.MiniLmEncoder;
import dev.mediagen.text.TextContext;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import dev.mediagen.video.ClipData;
import dev.mediagen.video.PromptBatch;
import dev.mediagen.video.PromptEncoder;
import dev.mediagen.world.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Instruction editing with an Emu Edit checkpoint: sampling from noise conditioned on the source image, the
 * instruction and the task (predicted from the instruction unless given), with dual classifier-free
 * guidance over image and text in one batched forward of 3B rows.
 */
public final class EditGenerator implements AutoCloseable {
  private final EditModel model;
  private final PromptEncoder prompts;
  private final NDManager manager;
  private final EditCheckpoint.Config config;
  private final InstructionTaskClassifier predictor;

  /** Sampling settings (Emu Edit's own guidance scales are 1.5 for the image and 5.0 for the text). */
  public record Options(int steps, float imageGuidance, float textGuidance, long seed) {
    /** Default ODE steps. */
    public static final int STEPS = 30;
    /** Default image guidance scale. */
    public static final float IMAGE_GUIDANCE = 1.5f;
    /** Default text guidance scale. */
    public static final float TEXT_GUIDANCE = 5f;

    public Options {
      if (steps < 1 || steps > 10_000) throw new IllegalArgumentException("steps %d must be in [1, 10000]".formatted(steps));
    }

    public static Options defaults() {
      return new Options(STEPS, IMAGE_GUIDANCE, TEXT_GUIDANCE, 0);
    }
  }

  public EditGenerator(EditModel model, PromptEncoder prompts, NDManager manager, EditCheckpoint.Config config) {
    this.model = model;
    this.prompts = prompts;
    this.manager = manager;
    this.config = config;
    this.predictor = InstructionTaskClassifier.fit(new EditTasks(config.world()), EditTask.training(), 80, 7);
  }

  public static EditGenerator load(Path dir, NDManager m) throws IOException {
    EditCheckpoint.Loaded ck = EditCheckpoint.load(dir, m, false);
    EditModel model = new EditModel(ck.config().model());
    model.initialize(m, 0);
    Weights.copyInto(ck.ema(), model);
    PromptEncoder enc = new PromptEncoder(new MiniLmEncoder(), ck.tokenizer(), ck.config().model().text().maxWords());
    return new EditGenerator(model, enc, m, ck.config());
  }

  /** The task the predictor reads from an instruction. */
  public EditTask predictTask(String instruction) {
    return predictor.predict(instruction);
  }

  /**
   * @param tasks per image: the task, or null to predict it from the instruction
   */
  public List<Video> edit(List<Video> sources, List<String> instructions, List<EditTask> tasks, Options o) {
    return edit(sources, instructions, tasks, null, o);
  }

  /**
   * Multi-turn editing (Emu Edit §3.1): each instruction edits the previous turn's output, and pixels whose
   * low-passed change is below {@code alpha} keep their previous value ({@link SequentialThreshold}; 0 turns it off).
   *
   * @param tasks per turn: the task, or null to predict it
   * @return the image after each turn
   */
  public List<Video> multiTurn(Video source, List<String> instructions, List<EditTask> tasks, Options o, double alpha) {
    if (instructions.size() != tasks.size()) {
      throw new IllegalArgumentException("%d instructions but %d tasks".formatted(instructions.size(), tasks.size()));
    }
    List<Video> turns = new ArrayList<>();
    Video current = source;
    for (int i = 0; i < instructions.size(); i++) {
      Video next = edit(List.of(current), List.of(instructions.get(i)), java.util.Arrays.asList(tasks.get(i)), o).get(0);
      current = SequentialThreshold.apply(current, next, alpha);
      turns.add(current);
    }
    return turns;
  }

  /** Edits with a learned task embedding (1, D) from {@link TaskInversion} for the conditional rows. */
  public List<Video> editWithEmbedding(List<Video> sources, List<String> instructions, NDArray taskVector, Options o) {
    return edit(sources, instructions, java.util.Collections.nCopies(sources.size(), EditTask.BACKGROUND), taskVector, o);
  }

  private List<Video> edit(List<Video> sources, List<String> instructions, List<EditTask> tasks, NDArray taskVector, Options o) {
    int b = sources.size(), s = sources.get(0).width();
    if (s != config.model().size() || sources.get(0).height() != s || sources.get(0).frames() != 1) {
      throw new IllegalArgumentException("images must be %dx%d single frames, got %dx%d with %d frames"
          .formatted(config.model().size(), config.model().size(), sources.get(0).width(), sources.get(0).height(), sources.get(0).frames()));
    }
    int[] ids = new int[3 * b];
    for (int i = 0; i < b; i++) {
      EditTask t = tasks.get(i) != null ? tasks.get(i) : predictTask(instructions.get(i));
      ids[i] = EditBatch.taskId(t); // row (I, T); rows (I, ∅) and (∅, ∅) keep the null task 0
    }
    try (NDManager m = manager.newSubManager(); Tensors.Scope noGrad = Tensors.noGrad()) {
      ParameterStore ps = new ParameterStore(m, false);
      Shape shape = new Shape(b, 3, 1, s, s);
      NDArray src = Tensors.floats(m, ClipData.pixelsOf(sources), shape);
      NDArray src3 = src.concat(src, 0).concat(m.zeros(shape), 0); // images of (I,T), (I,∅), (∅,∅)
      List<String> text = new ArrayList<>(instructions);
      text.addAll(Collections.nCopies(2 * b, ""));
      NDArray task = model.taskEmbedding(ps, Tensors.ints(m, ids, new Shape(3L * b)), false);
      if (taskVector != null) {
        // the learned embedding replaces the (I, T) rows; the unconditional rows keep the null task
        task = taskVector.repeat(0, b).concat(task.get(b + ":"), 0);
      }
      PromptBatch p = prompts.encode(text, m);
      TextContext ctx = model.encode(ps, p, task, false);
      NDArray taskFinal = task;
      float[] noise = new float[b * 3 * s * s];
      for (int i = 0; i < b; i++) {
        System.arraycopy(Gaussian.fill(Seeds.rng(o.seed(), Seeds.SAMPLE, i), 3 * s * s), 0, noise, i * 3 * s * s, 3 * s * s);
      }
      NDArray x0 = Tensors.floats(m, noise, shape);
      DualGuidance.TripleModel triple = (x3, t) -> {
        NDManager scope = x3.getManager();
        src3.tempAttach(scope);
        taskFinal.tempAttach(scope);
        return model.velocity(ps, x3, scope.full(new Shape(3L * b), t), ctx.lentTo(scope), src3, taskFinal, false);
      };
      NDArray x1 = OdeSolver.integrate(DualGuidance.of(triple, o.imageGuidance(), o.textGuidance()), x0,
          Schedules.linearQuadratic(o.steps()), OdeSolver.Method.EULER, null);
      float[] v = x1.toFloatArray();
      List<Video> out = new ArrayList<>(b);
      for (int i = 0; i < b; i++) out.add(ClipData.toVideo(v, i * 3 * s * s, 1, s, s));
      return out;
    }
  }

  /** A benchmark editor that edits all examples in batches (optionally with the true task as override). */
  public Editor editor(List<EditExample> examples, Options o, boolean useTrueTask, int batch) {
    return editor(examples, batch, chunk -> edit(chunk.stream().map(EditExample::sourceImage).toList(),
        chunk.stream().map(EditExample::instruction).toList(), chunk.stream().map(e -> useTrueTask ? e.task() : null).toList(), o));
  }

  /** A benchmark editor with one task embedding (1, D) for every example: a learned inversion, or {@link #nullTask}. */
  public Editor editor(List<EditExample> examples, Options o, NDArray taskVector, int batch) {
    return editor(examples, batch, chunk -> editWithEmbedding(chunk.stream().map(EditExample::sourceImage).toList(),
        chunk.stream().map(EditExample::instruction).toList(), taskVector, o));
  }

  /** The "no task" embedding (1, D), row 0 of the table: what the model sees when the instruction is dropped. */
  public NDArray nullTask() {
    try (Tensors.Scope noGrad = Tensors.noGrad()) {
      return model.taskEmbedding(new ParameterStore(manager, false), Tensors.ints(manager, new int[] {0}, new Shape(1)), false);
    }
  }

  private static Editor editor(List<EditExample> examples, int batch, java.util.function.Function<List<EditExample>, List<Video>> edits) {
    java.util.Map<EditExample, Video> done = new java.util.IdentityHashMap<>();
    for (int from = 0; from < examples.size(); from += batch) {
      List<EditExample> chunk = examples.subList(from, Math.min(examples.size(), from + batch));
      List<Video> edited = edits.apply(chunk);
      for (int i = 0; i < chunk.size(); i++) done.put(chunk.get(i), edited.get(i));
    }
    return ex -> {
      Video v = done.get(ex);
      if (v == null) throw new IllegalArgumentException("example was not prepared for this editor");
      return v;
    };
  }

  public EditModel model() {
    return model;
  }

  public PromptEncoder prompts() {
    return prompts;
  }

  public EditCheckpoint.Config config() {
    return config;
  }

  @Override
  public void close() {
    prompts.close();
  }
}
