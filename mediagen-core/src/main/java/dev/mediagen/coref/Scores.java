package dev.mediagen.coref;

/**
 * The scores of the CoNLL-2012 shared task: MUC, B³ and CEAF-e, and their average F1 (the "CoNLL
 * F1" that coreference papers, s2e included, report).
 *
 * @param muc the link-based MUC score
 * @param bcub the mention-based B³ score
 * @param ceafe the entity-based CEAF score with the φ4 similarity
 * @param conllF1 {@code (muc.f1 + bcub.f1 + ceafe.f1) / 3}
 */
public record Scores(Prf muc, Prf bcub, Prf ceafe, double conllF1) {

  public Scores {
    if (muc == null || bcub == null || ceafe == null) {
      throw new IllegalArgumentException("muc, bcub and ceafe must all be given");
    }
    if (!(conllF1 >= 0 && conllF1 <= 1)) {
      throw new IllegalArgumentException("conllF1 must be in [0, 1], got " + conllF1);
    }
  }

  /** The three metric scores with their CoNLL average. */
  public static Scores of(Prf muc, Prf bcub, Prf ceafe) {
    return new Scores(muc, bcub, ceafe, (muc.f1() + bcub.f1() + ceafe.f1()) / 3);
  }
}
