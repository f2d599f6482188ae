package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Host → engine array creation that is safe under autograd.
 *
 * <p>DJL's PyTorch engine wraps Java direct buffers with {@code from_blob}, so the tensor's memory lives
 * only as long as the Java buffer; and its scalar overloads ({@code mul(Number)}, {@code div(Number)})
 * create such a scalar and close it at once, although autograd keeps it for the backward pass. The
 * garbage collector may then free memory that backward still reads: we saw rare NaN gradients and
 * run-to-run differences from exactly this. Everything here returns tensors that own their memory.
 */
public final class Tensors {
  private Tensors() {}

  /** A float tensor that owns a copy of {@code data}. */
  public static NDArray floats(NDManager m, float[] data, Shape shape) {
    try (NDArray blob = m.create(data, shape)) {
      return blob.duplicate();
    }
  }

  /** An int32 tensor that owns a copy of {@code data}. */
  public static NDArray ints(NDManager m, int[] data, Shape shape) {
    try (NDArray blob = m.create(data, shape)) {
      return blob.toType(DataType.INT32, true);
    }
  }

  /** A 0-d float tensor in engine-owned memory. */
  public static NDArray scalar(NDManager m, float value) {
    return m.full(new Shape(), value);
  }
}
