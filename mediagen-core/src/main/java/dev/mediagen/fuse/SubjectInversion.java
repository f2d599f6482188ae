package dev.mediagen.fuse;

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
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.Encoded;
import dev.mediagen.text.TextContext;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.Seeds;
import dev.mediagen.video.ClipData;
import dev.mediagen.video.PromptEncoder;
import dev.mediagen.world.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The per-subject optimisation baseline Crop&amp;Fuse is timed against — textual inversion (Gal et al. 2022)
 * at our scale: with every model weight frozen, learn one text-token-like vector v* for a subject from a few
 * images of it, by the same flow-matching loss the model was trained with. Prompts name the subject as
 * {@value Conditions#SUBJECT}; "subject" is outside the trainable encoder's vocabulary ([UNK]), and v*
 * replaces the context token at that word's position (the text encoder's output, the space the denoiser
 * cross-attends to), and so also the pooled text vector. v* starts from that token's value. No image is
 * fused: the model runs as the plain text-to-image model.
 */
public final class SubjectInversion {
  /** The one trainable vector. */
  static final class SubjectToken extends Module {
    final Parameter vector;

    SubjectToken(int dim) {
      this.vector = param("subject", Init.ZEROS, 1, dim);
    }
  }

  private SubjectInversion() {}

  /**
   * @param scenes images of the subject (object 0 of each scene is the subject)
   * @return v* (1, D), on {@code m}
   */
  public static NDArray learn(FuseModel model, PromptEncoder prompts, List<Scene> scenes, int steps, float lr, long seed, NDManager m) {
    int dim = model.config().denoiser().hidden(), s = model.config().size();
    SubjectToken token = new SubjectToken(dim);
    token.initialize(m, seed);
    List<Boolean> before = new ArrayList<>();
    model.namedParameters().values().forEach(p -> {
      before.add(p.parameter().requiresGradient());
      p.array().setRequiresGradient(false); // frozen: gradients reach v* only
    });
    try {
      AdamW opt = new AdamW(token, m, 0.9f, 0.99f, 1e-8f, 0f);
      ParameterStore ps = new ParameterStore(m, false);
      int batch = Math.min(8, scenes.size() * 2);
      for (int step = 0; step < steps; step++) {
        SplittableRandom rng = Seeds.rng(seed, Seeds.DATA, step);
        List<Scene> b = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) b.add(scenes.get(rng.nextInt(scenes.size())));
        List<String> captions = b.stream().map(sc -> Conditions.subjectCaption(sc, 0)).toList();
        try (NDManager sm = m.newSubManager()) {
          Shape shape = new Shape(batch, 3, 1, s, s);
          NDArray x1 = Tensors.floats(sm, ClipData.pixels(b), shape);
          NDArray x0 = Tensors.floats(sm, Gaussian.fill(Seeds.rng(seed, Seeds.NOISE, step), batch * 3 * s * s), shape);
          NDArray t = Tensors.floats(sm, TimeSampler.mixed(Seeds.rng(seed, Seeds.TIME, step), batch, 0.5, 0, 1), new Shape(batch));
          PathSample path = FlowPath.sample(x1, x0, t, FlowPath.SIGMA_MIN);
          PromptEncoder.Host host = prompts.encode(captions);
          TextContext ctx;
          try (Tensors.Scope noGrad = Tensors.noGrad()) {
            ctx = model.encode(ps, PromptEncoder.toArrays(host, sm), false);
          }
          NDArray mask = positionMask(sm, host, ctx);
          if (step == 0) { // start from the context token the word had
            try (Tensors.Scope noGrad = Tensors.noGrad()) {
              ctx.tokens().mul(mask).sum(new int[] {0, 1}).div(batch).reshape(1, dim).copyTo(token.vector.getArray());
            }
          }
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            TextContext withV = substitute(ctx, mask, token.vector.getArray());
            NDArray v = model.velocity(ps, path.xt(), t, withV, null, false);
            gc.backward(v.sub(path.velocity()).square().mean());
          }
        }
        opt.step(lr, 1f);
      }
      return token.vector.getArray().duplicate();
    } finally {
      int i = 0;
      for (var p : model.namedParameters().values()) p.array().setRequiresGradient(before.get(i++));
    }
  }

  /** The context edit that puts {@code vector} at the subject word of each caption (for generation). */
  public static UnaryOperator<TextContext> inserting(PromptEncoder prompts, List<String> captions, NDArray vector) {
    PromptEncoder.Host host = prompts.encode(captions);
    return ctx -> {
      if (ctx.tokens().getShape().get(0) != captions.size()) {
        throw new IllegalArgumentException("context has %d rows, the subject captions %d".formatted(ctx.tokens().getShape().get(0), captions.size()));
      }
      NDArray mask = positionMask(ctx.tokens().getManager(), host, ctx);
      vector.tempAttach(ctx.tokens().getManager());
      return substitute(ctx, mask, vector);
    };
  }

  /** tokens·(1 − M) + M·v*, with the pooled vector recomputed. */
  static TextContext substitute(TextContext ctx, NDArray mask, NDArray vector) {
    NDArray keep = mask.getManager().ones(mask.getShape()).sub(mask);
    NDArray tokens = ctx.tokens().mul(keep).add(mask.mul(vector.expandDims(0))); // (B, L, D)
    return new TextContext(tokens, ctx.mask(), Ops.maskedMean(tokens, ctx.mask()));
  }

  /**
   * (B, L, 1) one-hot over the context positions: the trainable encoder's [UNK] word (the subject) of each
   * row, after the frozen encoder's L1 tokens. Fails when a caption has no subject word.
   */
  static NDArray positionMask(NDManager m, PromptEncoder.Host host, TextContext ctx) {
    Encoded w = host.words();
    int b = w.batch(), l = (int) ctx.tokens().getShape().get(1), l1 = host.frozen().maxLen();
    float[] mask = new float[b * l];
    for (int i = 0; i < b; i++) {
      int at = -1;
      for (int j = 0; j < w.maxLen() && at < 0; j++) if (w.ids()[i * w.maxLen() + j] == WordTokenizer.UNK_ID) at = j;
      if (at < 0) throw new IllegalArgumentException("caption %d names no subject (\"%s\")".formatted(i, Conditions.SUBJECT));
      mask[i * l + l1 + at] = 1f;
    }
    return Tensors.floats(m, mask, new Shape(b, l, 1));
  }
}
