package dev.mediagen.fuse;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Nearest-neighbour search over unit vectors by cosine similarity. {@link ExactCosineIndex} scans every
 * vector, which is fast enough to about 100k vectors of 384 dimensions (≈40 M multiply-adds a query, a few
 * milliseconds); past that an approximate index (Lucene's HNSW) would go behind this interface. Our banks
 * hold thousands, so the exact one is all we need.
 */
public interface VectorIndex {
  /** One result: the vector's id (its insertion index) and its cosine with the query. */
  record Hit(int id, double score) {}

  /** Number of vectors. */
  int size();

  /**
   * The {@code k} most similar vectors whose id passes {@code accept}, best first; ties go to the lower id.
   */
  List<Hit> search(float[] query, int k, IntPredicate accept);

  /** The stored (unit) vector {@code id}. */
  float[] vector(int id);
}
