package dev.mediagen.fuse;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.LayerNorm;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.Patches;

/**
 * The baseline's image embedding (X&amp;Fuse compares fusion with cross-attention to image embeddings, as in
 * KNN-Diffusion and retrieval-augmented diffusion, which append a CLIP image embedding to the context): the
 * image's p×p patches through a two-layer MLP, mean-pooled to one vector, layer-normalised like the text
 * tokens it joins. Trained with the model (no pretrained image encoder exists offline).
 */
public final class ImageEmbedder extends Module {
  private final int patch;
  private final Dense in;
  private final Dense out;
  private final LayerNorm norm;

  public ImageEmbedder(int channels, int patch, int dim) {
    this.patch = patch;
    this.in = module("patch_in", new Dense(channels * patch * patch, dim));
    this.out = module("patch_out", new Dense(dim, dim));
    this.norm = module("norm", new LayerNorm(dim));
  }

  /** @param image (B, C, 1, H, W); @return (B, D) one pooled token per image */
  public NDArray forward(ParameterStore ps, NDArray image, boolean training) {
    NDArray p = Patches.patchify(image, patch); // (B, N, C·p·p)
    NDArray h = out.forward(ps, Ops.silu(in.forward(ps, p, training)), training); // (B, N, D)
    return norm.forward(ps, h.mean(new int[] {1}), training);
  }
}
