package dev.mediagen.nn;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Parameter initialisation rules (DiT's {@code initialize_weights}: Xavier-uniform linears, N(0, 0.02)
 * embeddings, zero adaLN and output layers). Pure functions of the shape and a seeded generator.
 */
public sealed interface Init {
  float[] values(Shape shape, SplittableRandom rng);

  /** Xavier/Glorot uniform for a (fanOut, fanIn[, k...]) weight: U(±sqrt(6 / (fanIn + fanOut))). */
  record XavierUniform() implements Init {
    @Override
    public float[] values(Shape shape, SplittableRandom rng) {
      long receptive = 1;
      for (int i = 2; i < shape.dimension(); i++) receptive *= shape.get(i);
      double fanOut = shape.get(0) * receptive;
      double fanIn = (shape.dimension() > 1 ? shape.get(1) : shape.get(0)) * receptive;
      double bound = Math.sqrt(6.0 / (fanIn + fanOut));
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
      return v;
    }
  }

  /** Gaussian N(0, std²). */
  record Normal(double std) implements Init {
    @Override
    public float[] values(Shape shape, SplittableRandom rng) {
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) v[i] = (float) (Gaussian.next(rng) * std);
      return v;
    }
  }

  /** A constant (zeros for adaLN-Zero and output layers, ones for norm gains). */
  record Constant(float value) implements Init {
    @Override
    public float[] values(Shape shape, SplittableRandom rng) {
      float[] v = new float[Math.toIntExact(shape.size())];
      java.util.Arrays.fill(v, value);
      return v;
    }
  }

  /** Identity for a square (n, n) matrix, or a centred Dirac kernel for (cOut, cIn, k) convolutions. */
  record Identity() implements Init {
    @Override
    public float[] values(Shape shape, SplittableRandom rng) {
      float[] v = new float[Math.toIntExact(shape.size())];
      long out = shape.get(0);
      long in = shape.get(1);
      long k = shape.size() / (out * in);
      for (long i = 0; i < Math.min(out, in); i++) v[(int) ((i * in + i) * k + k / 2)] = 1f;
      return v;
    }
  }

  /**
   * {@code base} for the weights reading the first {@code from} inputs and zero for the rest: extra input
   * channels added to a model (an image to edit, a low-resolution clip to upsample) start without effect,
   * as Emu Edit and Movie Gen initialise them. The input index of a weight (out, in, k...) is its column
   * divided by the kernel size.
   */
  record ZeroInputsFrom(Init base, int from) implements Init {
    @Override
    public float[] values(Shape shape, SplittableRandom rng) {
      float[] v = base.values(shape, rng);
      long inner = shape.size() / shape.get(0);
      long kernel = 1;
      for (int i = 2; i < shape.dimension(); i++) kernel *= shape.get(i);
      for (int i = 0; i < v.length; i++) {
        if ((i % inner) / kernel >= from) v[i] = 0f;
      }
      return v;
    }
  }

  Init XAVIER = new XavierUniform();
  Init ZEROS = new Constant(0f);
  Init ONES = new Constant(1f);

  static Init normal(double std) {
    return new Normal(std);
  }
}
