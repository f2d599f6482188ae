package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Conv2d;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.FactorizedPosEmbedding;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.Patches;
import dev.mediagen.nn.TimestepEmbedding;
import dev.mediagen.text.TextContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The denoiser core shared by every family (DESIGN.md §4): predicts the flow-matching velocity u(x_t, P, t)
 * for a clip x_t of shape (B, C, T, H, W); an image is a clip with T = 1. Tokens are 1×p×p patches;
 * factorized (t, h, w) positional embeddings are added at every layer; text enters by cross-attention and,
 * pooled, through the adaLN conditioning.
 */
public final class Denoiser extends Module {
  private final DenoiserConfig config;
  private final Conv2d stem;
  private final Dense xEmbed;
  private final TimestepEmbedding tEmbed;
  private final Dense textPool;
  private final FactorizedPosEmbedding pos;
  private final List<DenoiserBlock> blocks = new ArrayList<>();
  private final FinalLayer last;
  private final Conv2d refine;
  private final ai.djl.nn.Parameter fuseEmbed;

  public Denoiser(DenoiserConfig c) {
    this.config = c;
    int p = c.patch();
    int inChannels = c.stemChannels() > 0 ? c.stemChannels() : c.channels() + c.condChannels();
    // condition channels are appended after the clip's own; their weights start at zero
    this.stem = c.stemChannels() > 0
        ? module("stem", new Conv2d(c.channels() + c.condChannels(), c.stemChannels(), 3, new Init.ZeroInputsFrom(Init.XAVIER, c.channels())))
        : null;
    this.xEmbed = module("x_embedder", new Dense(inChannels * p * p, c.hidden(), true,
        c.stemChannels() > 0 ? Init.XAVIER : new Init.ZeroInputsFrom(Init.XAVIER, c.channels() * p * p)));
    this.tEmbed = module("t_embedder", new TimestepEmbedding(c.hidden(), 256));
    this.textPool = module("text_pool", new Dense(c.hidden(), c.hidden()));
    this.pos = module("pos_embed", new FactorizedPosEmbedding(c.maxFrames(), c.maxHeight() / p, c.maxWidth() / p, c.hidden()));
    for (int i = 0; i < c.depth(); i++) blocks.add(module("blocks." + i, new DenoiserBlock(c)));
    this.last = module("final_layer", new FinalLayer(c.hidden(), c.channels() * p * p));
    this.refine =
        c.refineHead() ? module("refine", new Conv2d(c.channels() + inChannels, c.channels(), 3, Init.ZEROS)) : null;
    this.fuseEmbed = c.fusion() ? param("fuse_embed", Init.normal(0.02), c.hidden()) : null;
  }

  /**
   * @param xt (B, C, T, H, W) noisy clip at time t
   * @param t (B) flow times in [0, 1]
   * @param text the text conditioning (tokens (B, L, D), mask, pooled (B, D))
   * @return (B, C, T, H, W) velocity
   */
  public NDArray forward(ParameterStore ps, NDArray xt, NDArray t, TextContext text, boolean training) {
    return forward(ps, xt, t, text, null, training);
  }

  /**
   * @param cond (B, condChannels, T, H, W) clean condition concatenated on channels, or null when the model
   *     has none
   */
  public NDArray forward(ParameterStore ps, NDArray xt, NDArray t, TextContext text, NDArray cond, boolean training) {
    return forward(ps, xt, t, text, cond, null, training);
  }

  /**
   * @param extra (B, D) added to the adaLN conditioning vector (Emu Edit adds its task embedding to the
   *     timestep embedding), or null
   */
  public NDArray forward(
      ParameterStore ps, NDArray xt, NDArray t, TextContext text, NDArray cond, NDArray extra, boolean training) {
    return forward(ps, xt, t, text, cond, extra, null, training);
  }

  /**
   * @param fused (B, C, F, H, W) clean conditioning images fused as tokens (X&amp;Fuse), or null. They get the
   *     positional ids of frames T..T+F−1 plus a learned fusion embedding, share every block with the clip,
   *     and are dropped before the output: the loss sees the clip's tokens only.
   */
  public NDArray forward(
      ParameterStore ps, NDArray xt, NDArray t, TextContext text, NDArray cond, NDArray extra, NDArray fused,
      boolean training) {
    Shape s = xt.getShape();
    if (fused != null && fuseEmbed == null) throw new IllegalArgumentException("this denoiser was not built for token fusion");
    int frames = (int) s.get(2), gh = (int) (s.get(3) / config.patch()), gw = (int) (s.get(4) / config.patch());
    checkInput(s);
    if ((cond == null) != (config.condChannels() == 0)) {
      throw new IllegalArgumentException("this denoiser takes %d condition channels but got %s"
          .formatted(config.condChannels(), cond == null ? "none" : cond.getShape()));
    }
    NDArray in = cond == null ? xt : xt.concat(cond, 1); // (B, C + C_cond, T, H, W)
    NDArray feat = stem == null ? in : Ops.silu(stem.forward(ps, in, training)); // (B, C', T, H, W)
    NDArray h = xEmbed.forward(ps, Patches.patchify(feat, config.patch()), training); // (B, N, D)
    NDArray c = tEmbed.forward(ps, t, training).add(textPool.forward(ps, text.pooled(), training)); // (B, D)
    if (extra != null) c = c.add(extra);
    int fusedFrames = fused == null ? 0 : (int) fused.getShape().get(2);
    NDArray pe = pos.forward(ps, xt.getManager(), frames + fusedFrames, gh, gw, training).expandDims(0); // (1, N + Nf, D)
    long n = h.getShape().get(1);
    if (fused != null) {
      NDArray hf = xEmbed.forward(ps, Patches.patchify(stem == null ? fused : Ops.silu(stem.forward(ps, fused, training)), config.patch()), training);
      h = h.concat(hf.add(value(ps, fuseEmbed, hf, training)), 1); // (B, N + Nf, D): target tokens first
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (i == 0 || config.posEveryLayer()) h = h.add(pe);
      h = blocks.get(i).forward(ps, h, c, text.tokens(), text.mask(), training);
    }
    if (fused != null) h = h.get(":, 0:" + n); // the fused tokens inform, they are not predicted
    NDArray out = last.forward(ps, h, c, training); // (B, N, C·p·p)
    NDArray v = Patches.unpatchify(out, config.channels(), frames, gh, gw, config.patch()); // (B, C, T, H, W)
    return refine == null ? v : v.add(refine.forward(ps, v.concat(feat, 1), training));
  }

  private void checkInput(Shape s) {
    if (s.dimension() != 5 || s.get(1) != config.channels()) {
      throw new IllegalArgumentException(
          "expected (B, %d, T, H, W) input, got %s".formatted(config.channels(), s));
    }
    if (s.get(2) > config.maxFrames() || s.get(3) > config.maxHeight() || s.get(4) > config.maxWidth()) {
      throw new IllegalArgumentException(
          "clip %dx%dx%d (frames x height x width) exceeds what this model covers: at most %dx%dx%d"
              .formatted(s.get(2), s.get(3), s.get(4), config.maxFrames(), config.maxHeight(), config.maxWidth()));
    }
  }

  public DenoiserConfig config() {
    return config;
  }
}
