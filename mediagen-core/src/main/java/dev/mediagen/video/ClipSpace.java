package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.Tensors;

/**
 * Where the denoiser works: directly on pixels (the foundation model), or in the latent space of a frozen
 * temporal autoencoder (Movie Gen §3.1: the TAE compresses clips, the transformer denoises latents).
 * Conversions run without autograd; latents are scaled to unit variance so one flow-matching recipe fits
 * both spaces.
 */
public interface ClipSpace {
  /** Pixels (B, 3, T, H, W) in [−1, 1] → model space. */
  NDArray encode(NDArray pixels);

  /** Model space → pixels (B, 3, T, H, W), not clamped. */
  NDArray decode(NDArray x);

  /** The model-space shape of a pixel clip. */
  Shape shapeOf(long batch, int frames, int height, int width);

  /** The identity: the denoiser sees pixels. */
  ClipSpace PIXELS = new ClipSpace() {
    @Override
    public NDArray encode(NDArray pixels) {
      return pixels;
    }

    @Override
    public NDArray decode(NDArray x) {
      return x;
    }

    @Override
    public Shape shapeOf(long batch, int frames, int height, int width) {
      return new Shape(batch, 3, frames, height, width);
    }
  };

  /** A frozen TAE's latent space, latents multiplied by {@code scale}. */
  static ClipSpace latent(TemporalAutoencoder tae, float scale, ParameterStore ps) {
    return new ClipSpace() {
      @Override
      public NDArray encode(NDArray pixels) {
        try (Tensors.Scope noGrad = Tensors.noGrad()) {
          int t = (int) pixels.getShape().get(2);
          NDArray z = t > 8 && t % 8 == 0 ? TaeTiling.encode(tae, ps, pixels, 8) : tae.encode(ps, pixels, false).mean();
          return Ops.scale(z, scale);
        }
      }

      @Override
      public NDArray decode(NDArray x) {
        NDArray z = Ops.scale(x, 1f / scale);
        int tl = (int) z.getShape().get(2);
        return TaeTiling.decode(tae, ps, z, Math.min(4, tl), Math.min(4, tl) > 2 ? 1 : 0);
      }

      @Override
      public Shape shapeOf(long batch, int frames, int height, int width) {
        TaeConfig c = tae.config();
        return new Shape(batch, c.latentChannels(), c.latentFrames(frames), height / c.spatialFactor(), width / c.spatialFactor());
      }
    };
  }
}
