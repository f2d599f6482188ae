package dev.mediagen.train;

import java.util.SplittableRandom;

/**
 * Derived seeds. Every random stream of a run is a pure function of (run seed, purpose, step), so a resumed
 * run draws exactly what an uninterrupted one would, without saving generator state.
 */
public final class Seeds {
  private Seeds() {}

  /** A well-mixed 64-bit seed for (seed, stream, index) (SplitMix64 finaliser). */
  public static long derive(long seed, long stream, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A generator for (seed, stream, index). */
  public static SplittableRandom rng(long seed, long stream, long index) {
    return new SplittableRandom(derive(seed, stream, index));
  }

  /** Stream ids, so no two purposes share draws. */
  public static final long DATA = 1, NOISE = 2, TIME = 3, DROPOUT = 4, SAMPLE = 5, INIT = 6, VALIDATION = 7;
}
