package dev.mediagen.coref;

import dev.mediagen.io.HalfFloats;
import dev.mediagen.text.MiniLmConfig;
import dev.mediagen.text.MiniLmEncoder;
import dev.mediagen.text.TokenStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frozen all-MiniLM-L6-v2 states for every CoNLL token of a document of any length: the
 * "pretrained encoder" of our s2e (the paper fine-tunes Longformer-large over whole documents; we
 * keep a small pretrained encoder frozen and train layers on top, see {@link S2eCoref}).
 *
 * <p>Steps: (1) count each word's WordPiece tokens (MiniLM's uncased BERT tokenizer splits on
 * whitespace first, so a word's pieces do not depend on its neighbours, which is checked window by
 * window); (2) plan overlapping windows of whole words with {@link WordWindows}; (3) encode every
 * window's text ({@code [CLS] pieces [SEP]}) in one batched MiniLM call; (4) a word's state is the
 * <b>mean of its pieces' states</b> in the window where it has the most context. A word the
 * tokenizer drops entirely (0 pieces, e.g. a lone control character) takes the state of the next
 * piece of its window. Nothing is truncated.
 *
 * <p>Each token gets two {@value #CONTEXT_DIM}-d parts, concatenated to {@value #DIM}: its
 * <b>contextual</b> state as above, and its <b>type</b> state, the mean of its pieces' states when
 * the word is encoded alone ({@code [CLS] word [SEP]}). Deep contextual states of a sentence
 * encoder keep a word's identity only loosely; the type part gives the antecedent scorer the
 * lexical identity that pre-BERT coreference models took from word embeddings (e2e-coref's GloVe),
 * from the same frozen encoder. Type states are memoised per word.
 *
 * <p>States are rounded to half precision, so states computed now and states read back from the
 * F16 cache ({@link StateCache}) are bit-identical and a prediction does not depend on the cache.
 */
public final class WordStates implements AutoCloseable {
  /** Size of each part of a word state (MiniLM's hidden size). */
  public static final int CONTEXT_DIM = MiniLmEncoder.DIM;

  /** Size of a word state: contextual and type parts. */
  public static final int DIM = 2 * CONTEXT_DIM;

  private final WordStatesConfig config;
  private final MiniLmEncoder encoder;
  private final Map<String, Integer> pieceCounts = new HashMap<>();
  private final Map<String, float[]> typeStates = new HashMap<>();

  public WordStates(WordStatesConfig config) {
    this.config = config;
    this.encoder =
        new MiniLmEncoder(new MiniLmConfig(config.maxTokens(), 0, 0)); // no cache: windows are unique
  }

  public WordStatesConfig config() {
    return config;
  }

  /**
   * The (T, {@value #DIM}) row-major states of {@code words} (T = number of words): contextual part
   * then type part.
   *
   * @throws IllegalArgumentException if a word is empty, holds whitespace, or alone exceeds the window
   */
  public float[] encode(List<String> words) {
    return join(contextual(words), types(words), words.size());
  }

  /** Rows of two (T, {@value #CONTEXT_DIM}) arrays side by side: (T, {@value #DIM}). */
  static float[] join(float[] contextual, float[] types, int t) {
    float[] out = new float[t * DIM];
    for (int w = 0; w < t; w++) {
      System.arraycopy(contextual, w * CONTEXT_DIM, out, w * DIM, CONTEXT_DIM);
      System.arraycopy(types, w * CONTEXT_DIM, out, w * DIM + CONTEXT_DIM, CONTEXT_DIM);
    }
    return out;
  }

  /** The (T, {@value #CONTEXT_DIM}) type states: each word encoded alone, mean of its pieces. */
  public float[] types(List<String> words) {
    List<String> missing = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      pieceCount(word, w);
      if (!typeStates.containsKey(word) && seen.add(word)) {
        missing.add(word);
      }
    }
    for (int from = 0; from < missing.size(); from += 256) {
      List<String> batch = missing.subList(from, Math.min(missing.size(), from + 256));
      TokenStates states = encoder.encode(batch); // (B, L, 384): [CLS] pieces [SEP]
      for (int i = 0; i < batch.size(); i++) {
        int pieces = states.lengths()[i] - 2;
        int first = pieces > 0 ? 1 : 0; // a dropped word reads [CLS] and [SEP]
        int count = pieces > 0 ? pieces : 2;
        float[] v = new float[CONTEXT_DIM];
        for (int p = first; p < first + count; p++) {
          for (int d = 0; d < CONTEXT_DIM; d++) {
            v[d] += states.get(i, p, d) / count;
          }
        }
        typeStates.put(batch.get(i), half(v));
      }
    }
    float[] out = new float[words.size() * CONTEXT_DIM];
    for (int w = 0; w < words.size(); w++) {
      System.arraycopy(typeStates.get(words.get(w)), 0, out, w * CONTEXT_DIM, CONTEXT_DIM);
    }
    return out;
  }

  /** The (T, {@value #CONTEXT_DIM}) contextual states over overlapping windows. */
  public float[] contextual(List<String> words) {
    int n = words.size();
    int[] pieces = new int[n];
    for (int w = 0; w < n; w++) {
      pieces[w] = pieceCount(words.get(w), w);
    }
    WordWindows plan = WordWindows.plan(pieces, config.maxTokens() - 2, config.stride());
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      texts.add(String.join(" ", words.subList(plan.starts()[i], plan.ends()[i])));
    }
    TokenStates states = encoder.encode(texts); // (windows, L, 384)
    float[] out = new float[n * CONTEXT_DIM];
    for (int i = 0; i < plan.size(); i++) {
      int expected = 2;
      for (int w = plan.starts()[i]; w < plan.ends()[i]; w++) {
        expected += pieces[w];
      }
      if (states.lengths()[i] != expected) {
        throw new IllegalStateException(
            "window %d (words %d..%d) has %d MiniLM tokens, but its words' own pieces add up to %d"
                .formatted(i, plan.starts()[i], plan.ends()[i] - 1, states.lengths()[i], expected));
      }
    }
    int[] pieceStart = new int[n]; // position of each word's first piece inside its window ([CLS] = 0)
    for (int i = 0; i < plan.size(); i++) {
      int pos = 1;
      for (int w = plan.starts()[i]; w < plan.ends()[i]; w++) {
        if (plan.owner()[w] == i) {
          pieceStart[w] = pos;
        }
        pos += pieces[w];
      }
    }
    for (int w = 0; w < n; w++) {
      int window = plan.owner()[w];
      int from = pieceStart[w];
      int count = Math.max(1, pieces[w]); // a dropped word reads the next piece (or [SEP])
      for (int p = from; p < from + count; p++) {
        for (int d = 0; d < CONTEXT_DIM; d++) {
          out[w * CONTEXT_DIM + d] += states.get(window, p, d) / count;
        }
      }
    }
    return half(out);
  }

  /** Rounds every value to half precision in place (the cache's precision). */
  private static float[] half(float[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] = HalfFloats.f16ToFloat(HalfFloats.floatToF16(v[i]));
    }
    return v;
  }

  private int pieceCount(String word, int index) {
    if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "word %d '%s' must be non-empty and without whitespace".formatted(index, word));
    }
    return pieceCounts.computeIfAbsent(word, k -> encoder.countTokens(k) - 2);
  }

  @Override
  public void close() {
    encoder.close();
  }
}
