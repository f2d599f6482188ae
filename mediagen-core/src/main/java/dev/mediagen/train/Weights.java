package dev.mediagen.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mediagen.io.Safetensors;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Moving weights between modules, named arrays and safetensors maps, with shape checks that say what differs. */
public final class Weights {
  private Weights() {}

  /** Copies of a module's current weights, by name. */
  public static Map<String, NDArray> snapshot(Module model, NDManager manager) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    model.namedParameters().forEach((n, p) -> {
      NDArray c = p.array().duplicate();
      c.attach(manager);
      out.put(n, c);
    });
    return out;
  }

  /** Overwrites a module's weights in place with {@code values} (same names and shapes required). */
  public static void copyInto(Map<String, NDArray> values, Module model) {
    checkCompatible(shapes(values), model, "weights");
    model.namedParameters().forEach((n, p) -> values.get(n).copyTo(p.array()));
  }

  /** Raw (non-EMA) weights and optimizer moments: what a checkpoint needs beyond its weights to resume exactly. */
  public record TrainState(Map<String, NDArray> weights, Map<String, NDArray> optimizer) {}

  /** Writes a train-state file: raw weights under {@code w.}, optimizer moments under {@code opt.}, full precision. */
  public static void writeTrainState(java.nio.file.Path file, Map<String, NDArray> raw, Map<String, NDArray> optimizer,
      Map<String, String> meta) throws java.io.IOException {
    Map<String, Safetensors.Tensor> t = new LinkedHashMap<>(toTensors(raw, "w.", false));
    t.putAll(toTensors(optimizer, "opt.", false));
    Safetensors.write(file, t, meta);
  }

  /** Reads a file written by {@link #writeTrainState}. */
  public static TrainState readTrainState(java.nio.file.Path file, NDManager m) throws java.io.IOException {
    Map<String, Safetensors.Tensor> t = Safetensors.read(file).tensors();
    return new TrainState(fromTensors(t, "w.", m), fromTensors(t, "opt.", m));
  }

  /** Arrays → safetensors F32 (or F16 for compact shipped weights), names prefixed. */
  public static Map<String, Safetensors.Tensor> toTensors(Map<String, NDArray> arrays, String prefix, boolean f16) {
    Map<String, Safetensors.Tensor> out = new LinkedHashMap<>();
    arrays.forEach((n, a) -> {
      float[] v = a.toFloatArray();
      long[] s = a.getShape().getShape();
      out.put(prefix + n, f16 ? Safetensors.Tensor.f16(v, s) : Safetensors.Tensor.f32(v, s));
    });
    return out;
  }

  /** The tensors whose names start with {@code prefix} (prefix removed), as arrays on {@code m}. */
  public static Map<String, NDArray> fromTensors(Map<String, Safetensors.Tensor> tensors, String prefix, NDManager m) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    tensors.forEach((n, t) -> {
      if (n.startsWith(prefix)) {
        if (t.floats() == null) throw new IllegalArgumentException("tensor " + n + " is " + t.dtype() + ", expected a float type");
        out.put(n.substring(prefix.length()), Tensors.floats(m, t.floats(), new Shape(t.shape())));
      }
    });
    return out;
  }

  /**
   * Initialises {@code model} from another checkpoint's weights (a curriculum stage): equal names and shapes
   * are copied; factorized positional tables ({@code *pos_embed.t|h|w}) of another length are resampled
   * (spatial: interpolated; temporal: extended); anything else that differs is an error naming it.
   *
   * @return the names that were resampled
   */
  public static List<String> initFrom(Map<String, NDArray> source, Module model) {
    List<String> resized = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    model.namedParameters().forEach((n, p) -> {
      NDArray src = source.get(n);
      if (src == null) {
        problems.add("missing " + n);
      } else if (src.getShape().equals(p.shape())) {
        src.copyTo(p.array());
      } else if (n.matches(".*pos_embed\\.[thw]") && src.getShape().dimension() == 2
          && src.getShape().get(1) == p.shape().get(1)) {
        int dim = (int) p.shape().get(1);
        float[] r = dev.mediagen.nn.FactorizedPosEmbedding.resize(src.toFloatArray(), (int) src.getShape().get(0), dim,
            (int) p.shape().get(0), !n.endsWith(".t"));
        try (NDArray a = Tensors.floats(p.array().getManager(), r, p.shape())) {
          a.copyTo(p.array());
        }
        resized.add(n);
      } else {
        problems.add("%s has shape %s, the model expects %s".formatted(n, src.getShape(), p.shape()));
      }
    });
    if (!problems.isEmpty()) throw new IllegalArgumentException("cannot initialise from the checkpoint: " + String.join("; ", problems));
    return resized;
  }

  /** The element-wise mean of several weight sets with the same names and shapes (model soups / SFT averaging). */
  public static Map<String, NDArray> average(List<Map<String, NDArray>> sets, NDManager m) {
    if (sets.isEmpty()) throw new IllegalArgumentException("nothing to average");
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (String n : sets.get(0).keySet()) {
      NDArray sum = sets.get(0).get(n).duplicate();
      sum.attach(m);
      for (int i = 1; i < sets.size(); i++) {
        NDArray other = sets.get(i).get(n);
        if (other == null || !other.getShape().equals(sum.getShape())) {
          throw new IllegalArgumentException("weight set %d lacks %s or has another shape".formatted(i, n));
        }
        sum.addi(other);
      }
      out.put(n, sum.divi(sets.size()));
    }
    return out;
  }

  /** Fails with the missing, unexpected and mis-shaped names when {@code shapes} does not fit {@code model}. */
  public static void checkCompatible(Map<String, Shape> shapes, Module model, String what) {
    Map<String, Module.Param> expected = model.namedParameters();
    List<String> problems = new ArrayList<>();
    for (String n : new TreeSet<>(expected.keySet())) {
      Shape s = shapes.get(n);
      if (s == null) problems.add("missing " + n);
      else if (!s.equals(expected.get(n).shape())) {
        problems.add("%s has shape %s, the model expects %s".formatted(n, s, expected.get(n).shape()));
      }
    }
    for (String n : new TreeSet<>(shapes.keySet())) if (!expected.containsKey(n)) problems.add("unexpected " + n);
    if (!problems.isEmpty()) {
      int show = Math.min(problems.size(), 8);
      throw new IllegalArgumentException(
          "%s do not fit the model (%d problems): %s%s".formatted(what, problems.size(),
              String.join("; ", problems.subList(0, show)), problems.size() > show ? "; ..." : ""));
    }
  }

  private static Map<String, Shape> shapes(Map<String, NDArray> arrays) {
    Map<String, Shape> out = new LinkedHashMap<>();
    arrays.forEach((n, a) -> out.put(n, a.getShape()));
    return out;
  }
}
