package dev.mediagen.fuse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.flow.OdeSolver;
import dev.mediagen.flow.Schedules;
import dev.mediagen.flow.VelocityField;
import dev.mediagen.nn.Gaussian;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.MiniLmEncoder;
import dev.mediagen.text.TextContext;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import dev.mediagen.video.ClipData;
import dev.mediagen.video.PromptEncoder;
import dev.mediagen.world.Scene;
import dev.mediagen.world.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Sampling from an X&amp;Fuse checkpoint: Euler steps on the linear-quadratic grid from noise, with classifier-
 * free guidance over the text and, on top of it, over the fused image. With image X and text T:
 *
 * <pre>
 *   v = v(∅, ∅) + s_T · (v(∅, T) − v(∅, ∅)) + s_I · (v(X, T) − v(∅, T))
 * </pre>
 *
 * where v(∅, T) is the model without fused tokens (the text-to-image model conditioning dropout keeps
 * alive). s_I = 1 uses the image plainly, s_I &gt; 1 strengthens it, s_I = 0 ignores it; without an image
 * the formula is ordinary text CFG. The three evaluations run in one call, rows [(X, T); (∅, T); (∅, ∅)].
 * Sample i uses noise stream (seed, i), so a prompt's result does not depend on its batch.
 */
public final class FuseGenerator implements AutoCloseable {
  private final FuseModel model;
  private final PromptEncoder prompts;
  private final NDManager manager;
  private final FuseCheckpoint.Config config;
  private final RetrievalBank bank;

  /** Sampling settings. */
  public record Options(int steps, float textGuidance, float imageGuidance, long seed) {
    public Options {
      if (steps < 1 || steps > 10_000) throw new IllegalArgumentException("steps %d must be in [1, 10000]".formatted(steps));
      if (!(textGuidance >= 0 && textGuidance <= 50)) throw new IllegalArgumentException("text guidance %s must be in [0, 50]".formatted(textGuidance));
      if (!(imageGuidance >= 0 && imageGuidance <= 50)) throw new IllegalArgumentException("image guidance %s must be in [0, 50]".formatted(imageGuidance));
    }

    public static Options defaults() {
      return new Options(30, 4f, 1.5f, 0);
    }
  }

  public FuseGenerator(FuseModel model, PromptEncoder prompts, NDManager manager, FuseCheckpoint.Config config, RetrievalBank bank) {
    this.model = model;
    this.prompts = prompts;
    this.manager = manager;
    this.config = config;
    this.bank = bank;
  }

  /** A generator with a checkpoint's EMA weights and bank; the caller owns {@code m}. */
  public static FuseGenerator load(Path dir, NDManager m) throws IOException {
    FuseCheckpoint.Loaded ck = FuseCheckpoint.load(dir, m, false);
    FuseModel model = new FuseModel(ck.config().model());
    model.initialize(m, 0);
    Weights.copyInto(ck.ema(), model);
    ck.ema().values().forEach(NDArray::close);
    PromptEncoder enc = new PromptEncoder(new MiniLmEncoder(), ck.tokenizer(), ck.config().model().text().maxWords());
    return new FuseGenerator(model, enc, m, ck.config(), ck.bank());
  }

  /** The bank image for a caption (excluding {@code target}'s scene when known), or empty. */
  public Optional<RetrievalBank.Retrieved> retrieve(String caption, Scene target) {
    return bank.retrieve(prompts.frozen().pooled(caption), target, -1);
  }

  /** @param conditions one image per caption, or null for plain text-to-image */
  public List<Video> generate(List<String> captions, List<Video> conditions, Options o) {
    return generate(captions, conditions, o, UnaryOperator.identity());
  }

  /**
   * As above; {@code editText} may rewrite the text context of the caption rows (the textual-inversion
   * baseline puts its learned subject token there), never the unconditional rows.
   */
  public List<Video> generate(List<String> captions, List<Video> conditions, Options o, UnaryOperator<TextContext> editText) {
    if (conditions != null && conditions.size() != captions.size()) {
      throw new IllegalArgumentException("%d conditioning images for %d captions".formatted(conditions.size(), captions.size()));
    }
    int size = config.model().size();
    if (conditions != null) conditions.forEach(c -> Conditions.requireImage(c, size, "a conditioning image"));
    List<Video> out = new ArrayList<>(captions.size());
    for (int from = 0; from < captions.size(); from += 32) {
      int to = Math.min(captions.size(), from + 32);
      out.addAll(chunk(captions.subList(from, to), conditions == null ? null : conditions.subList(from, to), from, o, editText));
    }
    return out;
  }

  private List<Video> chunk(List<String> captions, List<Video> conds, int first, Options o, UnaryOperator<TextContext> editText) {
    int b = captions.size(), s = config.model().size(), per = 3 * s * s;
    boolean image = conds != null;
    try (NDManager m = manager.newSubManager(); Tensors.Scope noGrad = Tensors.noGrad()) {
      ParameterStore ps = new ParameterStore(m, false);
      TextContext text = editText.apply(model.encode(ps, prompts.encode(captions, m), false));
      TextContext none = model.encode(ps, prompts.encode(Collections.nCopies(b, ""), m), false);
      // rows [(X, T); (∅, T); (∅, ∅)] with an image, [(∅, T); (∅, ∅)] without
      TextContext ctx = image ? concat(concat(text, text), none) : concat(text, none);
      NDArray cond = image ? Tensors.floats(m, ClipData.pixelsOf(conds), new Shape(b, 3, 1, s, s)) : null;
      float[] noise = new float[b * per];
      for (int i = 0; i < b; i++) System.arraycopy(Gaussian.fill(Seeds.rng(o.seed(), Seeds.SAMPLE, first + i), per), 0, noise, i * per, per);
      NDArray x0 = Tensors.floats(m, noise, new Shape(b, 3, 1, s, s));
      int copies = image ? 3 : 2;
      VelocityField field = (x, t) -> {
        NDManager scope = x.getManager();
        if (cond != null) cond.tempAttach(scope);
        NDArray xs = x;
        for (int c = 1; c < copies; c++) xs = xs.concat(x, 0);
        NDArray v = model.velocity(ps, xs, scope.full(new Shape((long) copies * b), t), ctx.lentTo(scope), cond, false);
        NDList parts = v.split(copies, 0);
        return image
            ? combine(parts.get(0), parts.get(1), parts.get(2), o.imageGuidance(), o.textGuidance())
            : parts.get(1).add(parts.get(0).sub(parts.get(1)).mul(o.textGuidance()));
      };
      NDArray x1 = OdeSolver.integrate(field, x0, Schedules.linearQuadratic(o.steps()), OdeSolver.Method.EULER, null);
      float[] v = x1.toFloatArray();
      List<Video> out = new ArrayList<>(b);
      for (int i = 0; i < b; i++) out.add(ClipData.toVideo(v, i * per, 1, s, s));
      return out;
    }
  }

  /** v(∅,∅) + s_T·(v(∅,T) − v(∅,∅)) + s_I·(v(X,T) − v(∅,T)). */
  public static NDArray combine(NDArray full, NDArray textOnly, NDArray none, float imageScale, float textScale) {
    return none.add(textOnly.sub(none).mul(textScale)).add(full.sub(textOnly).mul(imageScale));
  }

  /** Rows of {@code a} then {@code b}, zero-padding the shorter token sequence (padding is masked out). */
  static TextContext concat(TextContext a, TextContext b) {
    long la = a.tokens().getShape().get(1), lb = b.tokens().getShape().get(1), l = Math.max(la, lb);
    return new TextContext(pad(a.tokens(), l).concat(pad(b.tokens(), l), 0), pad(a.mask(), l).concat(pad(b.mask(), l), 0),
        a.pooled().concat(b.pooled(), 0));
  }

  private static NDArray pad(NDArray x, long len) {
    long[] shape = x.getShape().getShape().clone();
    if (shape[1] == len) return x;
    shape[1] = len - shape[1];
    return x.concat(x.getManager().zeros(new Shape(shape), x.getDataType()), 1);
  }

  public FuseModel model() {
    return model;
  }

  public PromptEncoder prompts() {
    return prompts;
  }

  public FuseCheckpoint.Config config() {
    return config;
  }

  public RetrievalBank bank() {
    return bank;
  }

  @Override
  public void close() {
    prompts.close();
  }
}
