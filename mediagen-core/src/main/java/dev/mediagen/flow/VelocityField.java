package dev.mediagen.flow;

import ai.djl.ndarray.NDArray;

/** A velocity field u(x, t) to integrate from t = 0 (noise) to t = 1 (data). */
@FunctionalInterface
public interface VelocityField {
  /** @param x the current state (B, ...); @param t the current time; @return dx/dt, same shape as x */
  NDArray velocity(NDArray x, float t);
}
