package dev.mediagen.qa;

import java.util.List;
import java.util.Locale;

/**
 * Model input ids: a {@link QaTokenizer}'s word ids, plus {@code buckets} hashed ids for words
 * outside its vocabulary (the hashing trick of fastText-style OOV handling). Why: the generated
 * fact world invents its person and place names from syllables, and dev/test names are held out
 * ({@link EntitySplit}), so a word vocabulary can never contain them; mapped to one {@code [UNK]}
 * they would all look alike and a question's name could not be matched to the passage. A fixed
 * hash of the lowercased form sends the same unknown name to the same bucket in the question and
 * the passage (BERT's WordPiece solves the same problem by splitting into known pieces).
 *
 * <p>Ids: {@code [0, tokenizer.size())} the tokenizer's, then {@code [tokenizer.size(),
 * tokenizer.size() + buckets)} the buckets. {@code buckets = 0} keeps plain {@code [UNK]}.
 */
public final class HashedVocab {

  private final QaTokenizer tokenizer;
  private final int buckets;

  public HashedVocab(QaTokenizer tokenizer, int buckets) {
    if (buckets < 0 || buckets > 1 << 20) {
      throw new IllegalArgumentException("buckets must be in [0, 1048576], got " + buckets);
    }
    this.tokenizer = java.util.Objects.requireNonNull(tokenizer, "tokenizer");
    this.buckets = buckets;
  }

  public QaTokenizer tokenizer() {
    return tokenizer;
  }

  public int buckets() {
    return buckets;
  }

  /** Number of ids: the tokenizer's vocabulary plus the buckets. */
  public int size() {
    return tokenizer.size() + buckets;
  }

  /** The id of a form (lowercased word or special): its vocabulary id, else its bucket. */
  public int id(String form) {
    int id = tokenizer.id(form);
    if (id != QaTokenizer.UNK_ID || buckets == 0 || form.equals(QaTokenizer.UNK)) {
      return id;
    }
    return tokenizer.size() + bucket(form.toLowerCase(Locale.ROOT), buckets);
  }

  /** Ids of forms. */
  public int[] ids(List<String> forms) {
    return forms.stream().mapToInt(this::id).toArray();
  }

  /** Ids of tokens (by their lowercased forms). */
  public int[] idsOfTokens(List<Token> tokens) {
    return tokens.stream().mapToInt(t -> id(t.form())).toArray();
  }

  /** The bucket of a form: a SplitMix64 finaliser of {@link String#hashCode} (specified), mod n. */
  static int bucket(String form, int n) {
    long z = form.hashCode() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) Math.floorMod(z ^ (z >>> 31), (long) n);
  }
}
