package dev.mediagen.world;

/**
 * Data splits. TRAIN and VALIDATION never contain a held-out colour×shape combination; TEST_SEEN
 * uses only combinations seen in training; every TEST_UNSEEN scene contains at least one held-out
 * combination (compositional generalization is measured on it).
 */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST_SEEN,
  TEST_UNSEEN
}
