package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.nn.Tensors;
import ai.djl.ndarray.types.Shape;
import dev.mediagen.text.CharTokenizer;
import dev.mediagen.text.Encoded;
import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.text.MiniLmEncoder;
import dev.mediagen.text.TokenStates;
import dev.mediagen.text.WordTokenizer;
import java.util.List;

/**
 * Host side of the text front end: runs the frozen MiniLM encoder and the word tokenizer on prompts and
 * hands the result to the model as arrays. Encoding (the slow part) is separated from array creation so
 * a prefetch thread can do it while the previous step trains.
 */
public final class PromptEncoder implements AutoCloseable {
  private final MiniLmEncoder frozen;
  private final WordTokenizer words;
  private final int maxWords;
  private final boolean chars;

  /** Encoded prompts, not yet on a device; {@code chars} is null without a visual-text encoder. */
  public record Host(TokenStates frozen, Encoded words, Encoded chars) {}

  public PromptEncoder(MiniLmEncoder frozen, WordTokenizer words, int maxWords) {
    this(frozen, words, maxWords, false);
  }

  /** {@code chars}: also encode quoted visual text byte by byte (models with a character encoder). */
  public PromptEncoder(MiniLmEncoder frozen, WordTokenizer words, int maxWords, boolean chars) {
    this.frozen = frozen;
    this.words = words;
    this.maxWords = maxWords;
    this.chars = chars;
  }

  /** Runs both encoders; fails with the token counts when a prompt is too long for either. */
  public Host encode(List<String> prompts) {
    Encoded c = chars ? CharTokenizer.encodeQuotedBatch(prompts, TextEncoderConfig.MAX_CHARS) : null;
    return new Host(frozen.encode(prompts), words.encodeBatch(prompts, maxWords), c);
  }


  /** Creates the model inputs on {@code m}. */
  public static PromptBatch toArrays(Host h, NDManager m) {
    TokenStates s = h.frozen();
    Encoded w = h.words();
    NDArray states = Tensors.floats(m, s.states(), new Shape(s.batch(), s.maxLen(), s.dim()));
    NDArray statesMask = Tensors.floats(m, s.mask(), new Shape(s.batch(), s.maxLen()));
    // an all-padding word row (empty prompt) still has a valid frozen part, so attention never sees only padding
    int len = Math.max(1, w.maxLen());
    int[] ids = w.maxLen() == 0 ? new int[w.batch()] : w.ids();
    float[] mask = w.maxLen() == 0 ? new float[w.batch()] : w.mask();
    NDArray wordIds = Tensors.ints(m, ids, new Shape(w.batch(), len));
    NDArray wordMask = Tensors.floats(m, mask, new Shape(w.batch(), len));
    if (h.chars() == null) return new PromptBatch(states, statesMask, wordIds, wordMask);
    Encoded c = h.chars();
    NDArray charIds = Tensors.ints(m, c.ids(), new Shape(c.batch(), c.maxLen()));
    NDArray charMask = Tensors.floats(m, c.mask(), new Shape(c.batch(), c.maxLen()));
    return new PromptBatch(states, statesMask, wordIds, wordMask, charIds, charMask);
  }

  /** Both steps at once. */
  public PromptBatch encode(List<String> prompts, NDManager m) {
    return toArrays(encode(prompts), m);
  }

  public WordTokenizer words() {
    return words;
  }

  public MiniLmEncoder frozen() {
    return frozen;
  }

  public int maxWords() {
    return maxWords;
  }

  @Override
  public void close() {
    frozen.close();
  }
}
