package dev.mediagen.qa;

/**
 * Which part of the generated world an entity belongs to. Names of people and places are routed to
 * exactly one part by a fixed hash ({@link Names#splitOf}), so dev/test entities never occur in
 * train and RSS pretraining passages share no entity with any QA split (held-out entities, the
 * few-shot setting of Splinter §2.3 and the open-QA argument of papers-language.md §4.2).
 */
public enum EntitySplit {
  TRAIN,
  DEV,
  TEST,
  PRETRAIN
}
