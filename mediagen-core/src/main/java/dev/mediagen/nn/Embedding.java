package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** A lookup table (V, D) from integer ids to vectors, initialised N(0, 0.02) (GPT-2/DiT). */
public final class Embedding extends Module {
  private final Parameter weight;
  private final int vocab;

  public Embedding(int vocab, int dim) {
    this.vocab = vocab;
    this.weight = param("weight", Init.normal(0.02), vocab, dim);
  }

  /** @param ids (...) int ids in [0, V); @return (..., D) */
  public NDArray forward(ParameterStore ps, NDArray ids, boolean training) {
    return ai.djl.nn.core.Embedding.embedding(ids, value(ps, weight, ids, training), SparseFormat.DENSE)
        .singletonOrThrow();
  }

  public int vocab() {
    return vocab;
  }
}
