package dev.mediagen.pickscore;

/**
 * The recipe of {@link PickScore#finetune}, the preference stage.
 *
 * @param steps optimiser steps (minibatches drawn with replacement)
 * @param batch pairs per step
 * @param lr peak learning rate (linear warmup over the first eighth, then constant: PickScore's schedule)
 * @param replay weight of a contrastive replay term: {@code replay ×} the CLIP loss on a fresh batch of
 *     ShapesWorld renders is added each step, so the encoders keep reading captions while they learn the
 *     voters' taste (0 = the paper's objective alone)
 * @param selectEvery checkpoint selection on held-out judgements, as the paper picks its checkpoint by
 *     validation accuracy: every this many steps (and before the first) the tie-aware accuracy on the
 *     validation pairs is measured at its best tie threshold, and the best weights are kept (0 = keep the last)
 * @param freezeText train the image tower and the temperature only (LiT-style: the text side cannot
 *     memorise the training captions)
 * @param seed minibatch and replay draws
 */
public record Finetune(int steps, int batch, float lr, float replay, int selectEvery, boolean freezeText, long seed) {
  public Finetune {
    if (steps < 0) throw new IllegalArgumentException("fine-tuning steps %d must be >= 0".formatted(steps));
    if (batch < 1) throw new IllegalArgumentException("batch %d must be >= 1".formatted(batch));
    if (!(lr > 0 && lr < 1)) throw new IllegalArgumentException("fine-tuning lr %s must be in (0, 1)".formatted(lr));
    if (!(replay >= 0)) throw new IllegalArgumentException("replay weight %s must be >= 0".formatted(replay));
    if (selectEvery < 0) throw new IllegalArgumentException("selection interval %d must be >= 0 steps".formatted(selectEvery));
  }

  /** The paper's objective alone, no selection, both towers trained. */
  public static Finetune of(int steps, int batch, float lr, long seed) {
    return new Finetune(steps, batch, lr, 0, 0, false, seed);
  }

  public Finetune withReplay(float weight) {
    return new Finetune(steps, batch, lr, weight, selectEvery, freezeText, seed);
  }

  public Finetune withSelection(int every) {
    return new Finetune(steps, batch, lr, replay, every, freezeText, seed);
  }
}
