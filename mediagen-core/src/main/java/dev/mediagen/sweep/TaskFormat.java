package dev.mediagen.sweep;

/**
 * The four task formats of "A Few More Examples May Be Worth Billions of Parameters"
 * (papers-language.md §4.1), with how the paper selects checkpoints on the few-shot dev carve: dev
 * exact match for classification and extractive QA, dev loss for multiple choice and open QA
 * ({@code VAL_EM_TASKS} / {@code VAL_LOSS_TASKS}).
 */
public enum TaskFormat {
  /** Is this statement true of the passage? yes/no. */
  CLASSIFICATION(true),
  /** Passage + question → a span of the passage. */
  EXTRACTIVE(true),
  /** Passage + question + 4 shuffled candidates → one candidate (log-likelihood ranking). */
  MULTIPLE_CHOICE(false),
  /** Question only → the answer from memory (closed book). */
  OPEN(false);

  private final boolean selectOnDevExactMatch;

  TaskFormat(boolean selectOnDevExactMatch) {
    this.selectOnDevExactMatch = selectOnDevExactMatch;
  }

  /** True: select checkpoints on dev EM; false: on dev loss. */
  public boolean selectOnDevExactMatch() {
    return selectOnDevExactMatch;
  }
}
