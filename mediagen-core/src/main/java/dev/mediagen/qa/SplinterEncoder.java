package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Embedding;
import dev.mediagen.nn.EncoderLayer;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.RmsNorm;
import dev.mediagen.nn.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * The bidirectional transformer encoder of our Splinter ({@link SplinterConfig}): token + learned
 * position embeddings, {@code layers} pre-norm {@link EncoderLayer}s and a final RMSNorm, giving
 * the token states {@code X} that the QASS head reads (papers-language.md §2.2).
 */
public final class SplinterEncoder extends Module {
  private final SplinterConfig config;
  private final Embedding tokens;
  private final Embedding positions;
  private final List<EncoderLayer> layers = new ArrayList<>();
  private final RmsNorm norm;

  public SplinterEncoder(SplinterConfig c) {
    this.config = c;
    this.tokens = module("tok_embed", new Embedding(c.vocabSize(), c.dim()));
    this.positions = module("pos_embed", new Embedding(c.maxLength(), c.dim()));
    for (int i = 0; i < c.layers(); i++) {
      layers.add(module("layers." + i, new EncoderLayer(c.dim(), c.heads(), c.mlpHidden())));
    }
    this.norm = module("norm", new RmsNorm(c.dim()));
  }

  public SplinterConfig config() {
    return config;
  }

  /**
   * @param ids (B, N) int32 ids in [0, vocabSize)
   * @param mask (B, N) 1 for real tokens, 0 for padding
   * @return X, (B, N, D)
   */
  public NDArray forward(ParameterStore ps, NDArray ids, NDArray mask, boolean training) {
    int n = Math.toIntExact(ids.getShape().get(1));
    if (n > config.maxLength()) {
      throw new IllegalArgumentException(
          "input of %d tokens exceeds maxLength %d".formatted(n, config.maxLength()));
    }
    int[] at = new int[n];
    for (int i = 0; i < n; i++) {
      at[i] = i;
    }
    NDArray pos = Tensors.ints(ids.getManager(), at, new Shape(n));
    NDArray h = tokens.forward(ps, ids, training).add(positions.forward(ps, pos, training)); // (B, N, D)
    for (EncoderLayer layer : layers) {
      h = layer.forward(ps, h, mask, training); // (B, N, D)
    }
    return norm.forward(ps, h, training);
  }
}
