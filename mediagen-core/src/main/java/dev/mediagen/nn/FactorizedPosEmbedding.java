package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Movie Gen's learnable factorized positional embedding (§3.1.3): {@code PE(t,h,w) = E_t[t] + E_h[h] +
 * E_w[w]}, one table per axis, added to the input of every transformer layer. Factorizing keeps the
 * tables small and lets the spatial tables be expanded when training moves to a higher resolution.
 */
public final class FactorizedPosEmbedding extends Module {
  private final Parameter et;
  private final Parameter eh;
  private final Parameter ew;
  private final int maxT;
  private final int maxH;
  private final int maxW;

  public FactorizedPosEmbedding(int maxT, int maxH, int maxW, int dim) {
    this.maxT = maxT;
    this.maxH = maxH;
    this.maxW = maxW;
    this.et = param("t", Init.normal(0.02), maxT, dim);
    this.eh = param("h", Init.normal(0.02), maxH, dim);
    this.ew = param("w", Init.normal(0.02), maxW, dim);
  }

  /** @return (T·H·W, D), ordered (t, h, w) row-major like {@link Patches#patchify} */
  public NDArray forward(ParameterStore ps, NDManager m, int t, int h, int w, boolean training) {
    if (t > maxT || h > maxH || w > maxW) {
      throw new IllegalArgumentException(
          "token grid %dx%dx%d exceeds the positional tables %dx%dx%d (frames x height x width tokens)"
              .formatted(t, h, w, maxT, maxH, maxW));
    }
    // slices are views of the tables; attaching them to the caller's manager keeps every result of
    // this forward (and its autograd graph) in the step's scope instead of the parameters' manager
    NDArray tt = value(ps, et, m.getDevice(), training).get("0:" + t); // (T, D)
    NDArray hh = value(ps, eh, m.getDevice(), training).get("0:" + h); // (H, D)
    NDArray ww = value(ps, ew, m.getDevice(), training).get("0:" + w); // (W, D)
    tt.attach(m);
    hh.attach(m);
    ww.attach(m);
    long d = tt.getShape().get(1);
    NDArray grid = tt.reshape(t, 1, 1, d).add(hh.reshape(1, h, 1, d)).add(ww.reshape(1, 1, w, d)); // (T,H,W,D)
    return grid.reshape((long) t * h * w, d);
  }

  /**
   * Resamples a (n, D) positional table to (m, D) by linear interpolation over relative position — how
   * Movie Gen grows its spatial tables when training moves to a higher resolution (initialised from the
   * smaller ones). New temporal rows beyond the old table repeat its last row instead.
   */
  public static float[] resize(float[] table, int n, int dim, int m, boolean interpolate) {
    float[] out = new float[m * dim];
    for (int i = 0; i < m; i++) {
      if (!interpolate) {
        System.arraycopy(table, Math.min(i, n - 1) * dim, out, i * dim, dim);
        continue;
      }
      double pos = m == 1 ? 0 : i * (n - 1.0) / (m - 1.0);
      int lo = (int) Math.floor(pos), hi = Math.min(n - 1, lo + 1);
      double f = pos - lo;
      for (int d = 0; d < dim; d++) out[i * dim + d] = (float) ((1 - f) * table[lo * dim + d] + f * table[hi * dim + d]);
    }
    return out;
  }

  public int maxT() {
    return maxT;
  }

  public int maxH() {
    return maxH;
  }

  public int maxW() {
    return maxW;
  }
}
