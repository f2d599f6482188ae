package dev.mediagen.edit;

import dev.mediagen.world.Split;

/**
 * Which instruction templates an example draws from. The templates of every task are split in two
 * disjoint sets (verbs and vocabulary are shared, sentence frames are not), so a task predictor or
 * an editor can be measured on phrasings it never saw, like the crowd-written instructions of the
 * Emu Edit test set (papers-media.md §3.3).
 */
public enum Phrasing {
  TRAINING,
  HELD_OUT;

  /** TRAIN and VALIDATION use the training templates; both test splits use the held-out ones. */
  public static Phrasing forSplit(Split split) {
    return split == Split.TRAIN || split == Split.VALIDATION ? TRAINING : HELD_OUT;
  }
}
