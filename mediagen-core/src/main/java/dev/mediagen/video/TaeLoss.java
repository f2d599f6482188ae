package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.mediagen.nn.Ops;

/**
 * The temporal autoencoder's objective (Movie Gen §3.1.1): reconstruction + a perceptual-style term + a
 * small KL + the outlier penalty loss. All terms are means, so weights do not depend on clip size.
 */
public final class TaeLoss {
  private TaeLoss() {}

  /** The terms of one evaluation, for logging. */
  public record Terms(NDArray total, NDArray reconstruction, NDArray edges, NDArray kl, NDArray outlier) {}

  public static Terms of(NDArray recon, NDArray target, TemporalAutoencoder.Posterior q, NDArray z, TaeConfig c) {
    NDArray rec = recon.sub(target).abs().mean();
    NDArray edge = edges(recon, target);
    NDArray kl = kl(q.mean(), q.logVar());
    NDArray opl = outlierPenalty(z, c.oplR());
    NDArray total = rec.add(Ops.scale(edge, c.edgeWeight())).add(Ops.scale(kl, c.klWeight())).add(Ops.scale(opl, c.oplWeight()));
    return new Terms(total, rec, edge, kl, opl);
  }

  /**
   * Perceptual-style substitute: L1 between the horizontal and vertical finite differences of the
   * reconstruction and of the target. No pretrained VGG/LPIPS is available offline; matching image
   * gradients is what keeps edges sharp, which is the job LPIPS does for Movie Gen's TAE.
   */
  public static NDArray edges(NDArray recon, NDArray target) {
    NDArray dx = dx(recon).sub(dx(target)).abs().mean();
    NDArray dy = dy(recon).sub(dy(target)).abs().mean();
    return dx.add(dy);
  }

  private static NDArray dx(NDArray x) {
    long w = x.getShape().get(4);
    return x.get(":, :, :, :, 1:" + w).sub(x.get(":, :, :, :, 0:" + (w - 1)));
  }

  private static NDArray dy(NDArray x) {
    long h = x.getShape().get(3);
    return x.get(":, :, :, 1:" + h + ", :").sub(x.get(":, :, :, 0:" + (h - 1) + ", :"));
  }

  /** KL(N(μ, σ²) ‖ N(0, I)) per element: ½·mean(μ² + σ² − 1 − log σ²). */
  public static NDArray kl(NDArray mean, NDArray logVar) {
    return Ops.scale(mean.square().add(logVar.exp()).sub(1f).sub(logVar).mean(), 0.5f);
  }

  /**
   * Outlier penalty loss (Movie Gen eq. 1), per latent frame X (C, H, W):
   *
   * <pre>
   *   L_OPL(X, r) = 1/(H·W) Σ_ij max(‖X_ij − Mean(X)‖ − r·‖Std(X)‖, 0)
   * </pre>
   *
   * with Mean/Std per channel over (H, W) and norms over channels; averaged over frames and the batch.
   * It stops the encoder from hiding information in a few high-norm "latent dots", which decode into
   * spot artefacts.
   *
   * @param z (B, C, T, H, W)
   */
  public static NDArray outlierPenalty(NDArray z, float r) {
    var s = z.getShape();
    NDArray x = z.reshape(s.get(0), s.get(1), s.get(2), s.get(3) * s.get(4)); // (B, C, T, HW)
    NDArray centred = x.sub(x.mean(new int[] {3}, true));
    NDArray std = centred.square().mean(new int[] {3}, true).add(1e-8f).sqrt(); // (B, C, T, 1)
    NDArray dist = centred.square().sum(new int[] {1}).add(1e-8f).sqrt(); // (B, T, HW)
    NDArray stdNorm = std.square().sum(new int[] {1}).add(1e-8f).sqrt(); // (B, T, 1)
    return Activation.relu(dist.sub(Ops.scale(stdNorm, r))).mean();
  }

  /** Share of latent values beyond {@code k} standard deviations of their channel (the ablation's statistic). */
  public static double outlierShare(NDArray z, float k) {
    long c = z.getShape().get(1);
    NDArray perChannel = z.swapAxes(0, 1).reshape(c, -1); // (C, N)
    NDArray centred = perChannel.sub(perChannel.mean(new int[] {1}, true));
    NDArray std = centred.square().mean(new int[] {1}, true).sqrt();
    return centred.abs().gt(std.mul(k)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mean().getFloat();
  }
}
