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
