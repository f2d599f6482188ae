package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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

  /**
   * An int32 tensor that owns a copy of {@code data}. (Not {@code toType(INT32, true)}: for an array that
   * already is int32, libtorch's {@code to} returns the same tensor, still backed by the Java buffer.)
   */
  public static NDArray ints(NDManager m, int[] data, Shape shape) {
    try (NDArray blob = m.create(data, shape)) {
      return blob.duplicate();
    }
  }

  /**
   * A scope without autograd recording (PyTorch's {@code torch.no_grad()}), restored on close. Libtorch
   * starts with gradient recording on; outside a gradient collector DJL leaves it so, and an ODE loop whose
   * state survives across steps would then keep every step's activations alive through the graph
   * (we measured 40 MB a step). Sampling, validation and evaluation run inside this scope.
   */
  public static Scope noGrad() {
    boolean before = ai.djl.pytorch.jni.JniUtils.isGradMode();
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    return () -> ai.djl.pytorch.jni.JniUtils.setGradMode(before);
  }

  /** A scope whose close cannot fail. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** A 0-d float tensor in engine-owned memory. */
  public static NDArray scalar(NDManager m, float value) {
    return m.full(new Shape(), value);
  }
}
