package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import dev.mediagen.nn.Tensors;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/** Differentiable index lookups used by the coreference models. */
final class Gather {
  private Gather() {}

  /**
   * Rows of a matrix: {@code out[i] = x[rows[i]]}.
   *
   * @param x (N, F)
   * @param rows indices in [0, N)
   * @return (rows.length, F)
   */
  static NDArray rows(NDArray x, int[] rows) {
    NDArray ids = Tensors.ints(x.getManager(), rows, new Shape(rows.length));
    return ai.djl.nn.core.Embedding.embedding(ids, x, SparseFormat.DENSE).singletonOrThrow();
  }

  /**
   * Entries along the last axis: {@code out[i][j] = x[i][index[i·cols + j]]} (torch.gather).
   *
   * @param x (R, C)
   * @param index (R · cols) row-major indices in [0, C)
   * @return (R, cols)
   */
  static NDArray columns(NDArray x, int[] index, int cols) {
    long r = x.getShape().get(0);
    NDArray ids =
        Tensors.ints(x.getManager(), index, new Shape(r, cols)).toType(DataType.INT64, false);
    return x.gather(ids, 1);
  }
}
