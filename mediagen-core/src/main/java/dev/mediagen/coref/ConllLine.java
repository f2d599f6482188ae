package dev.mediagen.coref;

/**
 * One token line of a CoNLL file cut around its coreference cell: {@code prefix + coref + suffix}
 * is the line as it was read (without the line break). The writer replaces only the cell, so every
 * other column, and the separators between them, come out byte for byte as they went in.
 *
 * @param prefix everything before the coreference cell, separators included
 * @param coref the coreference cell as written: {@code -}, {@code _}, empty, or brackets like
 *     {@code (3|12)}
 * @param suffix anything after the cell (a stray trailing tab, trailing spaces); usually empty
 */
public record ConllLine(String prefix, String coref, String suffix) {

  public ConllLine {
    if (prefix == null || coref == null || suffix == null) {
      throw new IllegalArgumentException("ConllLine parts must not be null");
    }
    if (prefix.indexOf('\n') >= 0 || coref.indexOf('\n') >= 0 || suffix.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "ConllLine parts must not contain a line break: " + prefix);
    }
  }

  /** The line with a different coreference cell. */
  public String withCoref(String cell) {
    return prefix + cell + suffix;
  }

  @Override
  public String toString() {
    return prefix + coref + suffix;
  }
}
