package dev.mediagen.fuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/** Brute-force cosine search: vectors are L2-normalised on insertion, a query is scored against all. */
public final class ExactCosineIndex implements VectorIndex {
  private final int dim;
  private final List<float[]> vectors = new ArrayList<>();

  public ExactCosineIndex(int dim) {
    if (dim < 1) throw new IllegalArgumentException("dim %d must be >= 1".formatted(dim));
    this.dim = dim;
  }

  /** Adds a vector (normalised copy); returns its id. */
  public int add(float[] v) {
    vectors.add(normalised(v));
    return vectors.size() - 1;
  }

  @Override
  public int size() {
    return vectors.size();
  }

  @Override
  public float[] vector(int id) {
    return vectors.get(id).clone();
  }

  @Override
  public List<Hit> search(float[] query, int k, IntPredicate accept) {
    if (k < 1) throw new IllegalArgumentException("k %d must be >= 1".formatted(k));
    float[] q = normalised(query);
    // worst of the kept hits on top: lower score, then higher id
    Comparator<Hit> better = Comparator.comparingDouble(Hit::score).thenComparing(Hit::id, Comparator.reverseOrder());
    PriorityQueue<Hit> keep = new PriorityQueue<>(better);
    for (int id = 0; id < vectors.size(); id++) {
      if (!accept.test(id)) continue;
      Hit h = new Hit(id, dot(q, vectors.get(id)));
      if (keep.size() < k) keep.add(h);
      else if (better.compare(h, keep.peek()) > 0) {
        keep.poll();
        keep.add(h);
      }
    }
    List<Hit> out = new ArrayList<>(keep);
    out.sort(better.reversed());
    return out;
  }

  /** Cosine of two vectors (0 if either is zero). */
  public static double cosine(float[] a, float[] b) {
    return dot(normalisedOrZero(a), normalisedOrZero(b));
  }

  private float[] normalised(float[] v) {
    if (v.length != dim) throw new IllegalArgumentException("vector has %d dimensions, the index %d".formatted(v.length, dim));
    return normalisedOrZero(v);
  }

  private static float[] normalisedOrZero(float[] v) {
    double n = 0;
    for (float x : v) n += (double) x * x;
    float inv = n == 0 ? 0f : (float) (1 / Math.sqrt(n));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
    return s;
  }
}
