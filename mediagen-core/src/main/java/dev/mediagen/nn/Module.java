package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Base of every mediagen block: a DJL {@link AbstractBlock} whose parameters have explicit shapes and an
 * explicit initialisation rule, declared next to each other, and dotted PyTorch-style names
 * ({@code blocks.3.attn.wq}) for checkpoints.
 *
 * <p>DJL infers parameter shapes from the first input; we do not, because our blocks take several typed
 * inputs. Each block exposes a typed {@code forward(ps, ...)} method instead of {@code forwardInternal}.
 * Initialisation happens in one place ({@link #initialize(NDManager, long)}), drawing every value from one
 * seeded generator in declaration order, so the same seed gives bit-identical weights on every engine.
 */
public abstract class Module extends AbstractBlock {
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private final Map<String, Param> params = new LinkedHashMap<>();

  /** A parameter with its shape and initialisation rule. */
  public record Param(Parameter parameter, Shape shape, Init init) {
    public NDArray array() {
      return parameter.getArray();
    }
  }

  protected Module() {
    super((byte) 1);
  }

  /** Registers a child block under a PyTorch-style attribute name. */
  protected final <M extends Module> M module(String name, M child) {
    if (modules.containsKey(name) || params.containsKey(name)) {
      throw new IllegalArgumentException("duplicate child name '" + name + "' in " + getClass().getSimpleName());
    }
    modules.put(name, child);
    addChildBlock(name, child);
    return child;
  }

  /** Declares a trainable parameter with its shape and initialisation. */
  protected final Parameter param(String name, Init init, long... shape) {
    return param(name, init, true, shape);
  }

  /** Declares a parameter; {@code trainable=false} excludes it from gradients and the optimizer. */
  protected final Parameter param(String name, Init init, boolean trainable, long... shape) {
    if (modules.containsKey(name) || params.containsKey(name)) {
      throw new IllegalArgumentException("duplicate parameter name '" + name + "' in " + getClass().getSimpleName());
    }
    Parameter p =
        addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optRequiresGrad(trainable).build());
    params.put(name, new Param(p, new Shape(shape), init));
    return p;
  }

  /** All parameters of this block and its children, in declaration order, with dotted names. */
  public final Map<String, Param> namedParameters() {
    Map<String, Param> out = new LinkedHashMap<>();
    collect("", out);
    return Collections.unmodifiableMap(out);
  }

  private void collect(String prefix, Map<String, Param> out) {
    params.forEach((n, p) -> out.put(prefix + n, p));
    modules.forEach((n, m) -> m.collect(prefix + n + ".", out));
  }

  /** Number of scalar parameters (trainable or not). */
  public final long parameterCount() {
    return namedParameters().values().stream().mapToLong(p -> p.shape().size()).sum();
  }

  /**
   * Creates every parameter array on {@code manager}, drawing values from one generator seeded with
   * {@code seed} in declaration order (the one place where initialisation happens).
   */
  public final void initialize(NDManager manager, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (Map.Entry<String, Param> e : namedParameters().entrySet()) {
      Param p = e.getValue();
      if (p.parameter().isInitialized()) {
        throw new IllegalStateException("parameter " + e.getKey() + " is already initialised");
      }
      NDArray a = Tensors.floats(manager, p.init().values(p.shape(), rng), p.shape());
      a.setName(e.getKey());
      p.parameter().setArray(a);
      if (p.parameter().requiresGradient()) {
        a.setRequiresGradient(true);
      }
    }
    beforeInitialize(new Shape(1));
  }

  /** Typed blocks are called through their own {@code forward} methods, never through NDList. */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> extra) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " is called through its typed forward(...) method");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException("mediagen blocks declare explicit shapes");
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    throw new UnsupportedOperationException("use Module.initialize(manager, seed)");
  }

  /** The value of a parameter for this forward pass (device copy when needed). */
  protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
    return ps.getValue(p, like.getDevice(), training);
  }

  /** The value of a parameter on {@code device}. */
  protected static NDArray value(ParameterStore ps, Parameter p, ai.djl.Device device, boolean training) {
    return ps.getValue(p, device, training);
  }
}
