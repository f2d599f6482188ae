package dev.mediagen.fuse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Module;
import dev.mediagen.text.TextContext;
import dev.mediagen.text.TextEncoder;
import dev.mediagen.video.Denoiser;
import dev.mediagen.video.PromptBatch;

/**
 * X&amp;Fuse (Kirstain, Levy, Polyak 2023) as a wiring of the shared denoiser (DESIGN.md §4). The conditioning
 * image X is a <em>clean</em> image at the target's size. With TOKENS (the method) its patches are embedded
 * by the denoiser's own patch embedding, marked by a learned fusion embedding, given the positional ids of
 * the frame after the target and concatenated to the noisy target tokens, so self-attention fuses them in
 * every block; the output keeps the target tokens only, so the loss never sees X. With EMBEDDING (the
 * baseline) X is pooled to one vector ({@link ImageEmbedder}) appended to the text's cross-attention tokens.
 *
 * <p>Conditioning dropout (the same model must stay a text-to-image model) means some rows of a batch have
 * no image. By convention the rows that have one come first: {@code cond} holds images for rows
 * {@code [0, k)}, and rows {@code [k, B)} have none. TOKENS runs those two groups as two forwards (a row
 * without X has no X tokens at all, as in the plain model); EMBEDDING masks the extra token out.
 */
public final class FuseModel extends Module {
  private final FuseModelConfig config;
  private final TextEncoder text;
  private final Denoiser denoiser;
  private final ImageEmbedder imageEmbed;

  public FuseModel(FuseModelConfig config) {
    this.config = config;
    this.text = module("text", new TextEncoder(config.text()));
    this.denoiser = module("denoiser", new Denoiser(config.denoiser()));
    this.imageEmbed = config.conditioning() == FuseModelConfig.Conditioning.EMBEDDING
        ? module("image_embed", new ImageEmbedder(config.denoiser().channels(), config.denoiser().patch(), config.denoiser().hidden()))
        : null;
  }

  /** The text conditioning (computed once per sampling run). */
  public TextContext encode(ParameterStore ps, PromptBatch p, boolean training) {
    return text.forward(ps, p.frozen(), p.frozenMask(), p.words(), p.wordMask(), p.chars(), p.charMask(), training);
  }

  /**
   * @param xt (B, C, 1, S, S) noisy targets
   * @param t (B) flow times
   * @param ctx text conditioning of the B rows
   * @param cond (k, C, 1, S, S) clean conditioning images of rows [0, k), or null when k = 0
   * @return (B, C, 1, S, S) velocity of the targets
   */
  public NDArray velocity(ParameterStore ps, NDArray xt, NDArray t, TextContext ctx, NDArray cond, boolean training) {
    long b = xt.getShape().get(0), k = cond == null ? 0 : cond.getShape().get(0);
    if (k > b) throw new IllegalArgumentException("%d conditioning images for %d rows".formatted(k, b));
    if (cond != null && !cond.getShape().equals(new Shape(k, xt.getShape().get(1), 1, xt.getShape().get(3), xt.getShape().get(4)))) {
      throw new IllegalArgumentException("conditioning images must be (k, %d, 1, %d, %d), got %s"
          .formatted(xt.getShape().get(1), xt.getShape().get(3), xt.getShape().get(4), cond.getShape()));
    }
    if (imageEmbed != null) return denoiser.forward(ps, xt, t, withImageToken(ps, ctx, cond, b, training), null, null, null, training);
    if (k == 0) return denoiser.forward(ps, xt, t, ctx, null, null, null, training);
    if (k == b) return denoiser.forward(ps, xt, t, ctx, null, null, cond, training);
    // rows with an image: their tokens followed by X's; rows without: the plain sequence
    NDArray with = denoiser.forward(ps, rows(xt, 0, k), rows(t, 0, k), rows(ctx, 0, k), null, null, cond, training);
    NDArray without = denoiser.forward(ps, rows(xt, k, b), rows(t, k, b), rows(ctx, k, b), null, null, null, training);
    return with.concat(without, 0);
  }

  /** The context with one more token: X's embedding in rows [0, k), a masked-out zero in the others. */
  private TextContext withImageToken(ParameterStore ps, TextContext ctx, NDArray cond, long b, boolean training) {
    long k = cond == null ? 0 : cond.getShape().get(0), d = config.denoiser().hidden();
    var m = ctx.tokens().getManager();
    NDArray token = k == 0 ? m.zeros(new Shape(b, d)) : imageEmbed.forward(ps, cond, training);
    if (k > 0 && k < b) token = token.concat(m.zeros(new Shape(b - k, d)), 0);
    float[] present = new float[(int) b];
    java.util.Arrays.fill(present, 0, (int) k, 1f);
    NDArray mask = dev.mediagen.nn.Tensors.floats(m, present, new Shape(b, 1));
    // the pooled text vector stays the text's: the image enters through cross-attention only
    return new TextContext(ctx.tokens().concat(token.expandDims(1), 1), ctx.mask().concat(mask, 1), ctx.pooled());
  }

  private static NDArray rows(NDArray x, long from, long to) {
    return x.get(from + ":" + to);
  }

  private static TextContext rows(TextContext c, long from, long to) {
    return new TextContext(rows(c.tokens(), from, to), rows(c.mask(), from, to), rows(c.pooled(), from, to));
  }

  public FuseModelConfig config() {
    return config;
  }
}
