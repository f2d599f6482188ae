package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Conv2d;
import dev.mediagen.nn.GroupNorm;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * Movie Gen's temporal autoencoder (§3.1.1): an image VAE inflated to 2.5D — a temporal conv after each
 * spatial conv, temporal attention after spatial attention — with strided temporal downsampling and
 * nearest ×2 temporal upsampling. Compresses a clip (B, 3, T, H, W) in [−1, 1] to latents
 * (B, C, T/2^d_t, H/2^d_s, W/2^d_s); an image is a 1-frame clip and stays 1 latent frame.
 */
public final class TemporalAutoencoder extends Module {
  private final TaeConfig config;
  private final Conv2d encIn;
  private final List<TaeBlocks.ResBlock> encRes = new ArrayList<>();
  private final List<TaeBlocks.Down> downs = new ArrayList<>();
  private final TaeBlocks.ResBlock encMid1;
  private final TaeBlocks.Attention encAttn;
  private final TaeBlocks.ResBlock encMid2;
  private final GroupNorm encNorm;
  private final Conv2d encOut;
  private final Conv2d decIn;
  private final TaeBlocks.ResBlock decMid1;
  private final TaeBlocks.Attention decAttn;
  private final TaeBlocks.ResBlock decMid2;
  private final List<TaeBlocks.ResBlock> decRes = new ArrayList<>();
  private final List<TaeBlocks.Up> ups = new ArrayList<>();
  private final GroupNorm decNorm;
  private final Conv2d decOut;

  /** The posterior N(mean, exp(logVar)) over latents, each (B, C, T', H', W'). */
  public record Posterior(NDArray mean, NDArray logVar) {}

  public TemporalAutoencoder(TaeConfig c) {
    this.config = c;
    List<Integer> ch = c.channels();
    int levels = ch.size(), g = c.groups(), top = ch.get(levels - 1);
    this.encIn = module("encoder.conv_in", new Conv2d(3, ch.get(0), 3, Init.XAVIER));
    for (int i = 0; i < levels; i++) {
      int in = ch.get(Math.max(0, i - 1));
      encRes.add(module("encoder.res." + i, new TaeBlocks.ResBlock(i == 0 ? ch.get(0) : in, ch.get(i), g)));
      if (i < c.spatialDown()) downs.add(module("encoder.down." + i, new TaeBlocks.Down(ch.get(i), i < c.temporalDown())));
    }
    this.encMid1 = module("encoder.mid.res1", new TaeBlocks.ResBlock(top, top, g));
    this.encAttn = c.attention() ? module("encoder.mid.attn", new TaeBlocks.Attention(top, g)) : null;
    this.encMid2 = module("encoder.mid.res2", new TaeBlocks.ResBlock(top, top, g));
    this.encNorm = module("encoder.norm_out", new GroupNorm(top, g));
    this.encOut = module("encoder.conv_out", new Conv2d(top, 2 * c.latentChannels(), 3, Init.XAVIER));
    this.decIn = module("decoder.conv_in", new Conv2d(c.latentChannels(), top, 3, Init.XAVIER));
    this.decMid1 = module("decoder.mid.res1", new TaeBlocks.ResBlock(top, top, g));
    this.decAttn = c.attention() ? module("decoder.mid.attn", new TaeBlocks.Attention(top, g)) : null;
    this.decMid2 = module("decoder.mid.res2", new TaeBlocks.ResBlock(top, top, g));
    for (int i = levels - 1; i >= 0; i--) {
      int in = i == levels - 1 ? top : ch.get(i + 1);
      decRes.add(module("decoder.res." + i, new TaeBlocks.ResBlock(in, ch.get(i), g)));
      if (i > 0 && i <= c.spatialDown()) ups.add(module("decoder.up." + i, new TaeBlocks.Up(ch.get(i), i - 1 < c.temporalDown())));
      else ups.add(null);
    }
    this.decNorm = module("decoder.norm_out", new GroupNorm(ch.get(0), g));
    this.decOut = module("decoder.conv_out", new Conv2d(ch.get(0), 3, 3, Init.XAVIER));
  }

  /** @param x (B, 3, T, H, W) in [−1, 1]; @return the posterior over latents */
  public Posterior encode(ParameterStore ps, NDArray x, boolean training) {
    config.checkClip((int) x.getShape().get(2), (int) x.getShape().get(3), (int) x.getShape().get(4));
    NDArray h = encIn.forward(ps, x, training);
    for (int i = 0; i < encRes.size(); i++) {
      h = encRes.get(i).forward(ps, h, training);
      if (i < downs.size()) h = downs.get(i).forward(ps, h, training);
    }
    h = encMid1.forward(ps, h, training);
    if (encAttn != null) h = encAttn.forward(ps, h, training);
    h = encMid2.forward(ps, h, training);
    NDList stats = encOut.forward(ps, Ops.silu(encNorm.forward(ps, h, training)), training).split(2, 1);
    return new Posterior(stats.get(0), stats.get(1).clip(-20f, 10f));
  }

  /** @param z (B, C, T', H', W'); @return (B, 3, T, H, W) */
  public NDArray decode(ParameterStore ps, NDArray z, boolean training) {
    NDArray h = decIn.forward(ps, z, training);
    h = decMid1.forward(ps, h, training);
    if (decAttn != null) h = decAttn.forward(ps, h, training);
    h = decMid2.forward(ps, h, training);
    for (int k = 0; k < decRes.size(); k++) {
      h = decRes.get(k).forward(ps, h, training);
      if (ups.get(k) != null) h = ups.get(k).forward(ps, h, training);
    }
    return decOut.forward(ps, Ops.silu(decNorm.forward(ps, h, training)), training);
  }

  public TaeConfig config() {
    return config;
  }
}
