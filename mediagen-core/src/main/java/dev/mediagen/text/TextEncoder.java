package dev.mediagen.text;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Embedding;
import dev.mediagen.nn.EncoderLayer;
import dev.mediagen.nn.LayerNorm;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * Movie Gen's multi-encoder text conditioning at our scale. Two encoders read the prompt:
 *
 * <ul>
 *   <li>a <b>frozen pretrained</b> encoder (all-MiniLM-L6-v2 token states, computed outside the graph by
 *       {@code MiniLmEncoder}) — the role of UL2/MetaCLIP: general language understanding, robust to
 *       words never seen in training;
 *   <li>a small <b>trainable</b> word-level transformer — learns the world's exact vocabulary fast.
 * </ul>
 *
 * Each is projected by its own Linear + LayerNorm to the model width and the two sequences are
 * concatenated along the sequence axis for cross-attention. The pooled context (masked mean) is also
 * returned for the adaLN conditioning.
 */
public final class TextEncoder extends Module {
  private final TextEncoderConfig config;
  private final Dense frozenProj;
  private final LayerNorm frozenNorm;
  private final Embedding words;
  private final Embedding positions;
  private final List<EncoderLayer> layers = new ArrayList<>();
  private final Dense wordProj;
  private final LayerNorm wordNorm;
  private final Embedding chars;
  private final Embedding charPositions;
  private final EncoderLayer charLayer;
  private final Dense charProj;
  private final LayerNorm charNorm;

  public TextEncoder(TextEncoderConfig c) {
    this.config = c;
    this.frozenProj = module("frozen_proj", new Dense(c.frozenDim(), c.outDim()));
    this.frozenNorm = module("frozen_norm", new LayerNorm(c.outDim()));
    this.words = module("word_emb", new Embedding(c.vocab(), c.dim()));
    this.positions = module("word_pos", new Embedding(c.maxWords(), c.dim()));
    for (int i = 0; i < c.layers(); i++) {
      layers.add(module("layers." + i, new EncoderLayer(c.dim(), c.heads(), c.dim() * 8 / 3)));
    }
    this.wordProj = module("word_proj", new Dense(c.dim(), c.outDim()));
    this.wordNorm = module("word_norm", new LayerNorm(c.outDim()));
    boolean ch = c.charDim() > 0;
    int cd = Math.max(c.charDim(), 8);
    this.chars = ch ? module("char_emb", new Embedding(CharTokenizer.VOCAB_SIZE, cd)) : null;
    this.charPositions = ch ? module("char_pos", new Embedding(TextEncoderConfig.MAX_CHARS, cd)) : null;
    this.charLayer = ch ? module("char_layer", new EncoderLayer(cd, Math.max(1, cd / 32), cd * 2)) : null;
    this.charProj = ch ? module("char_proj", new Dense(cd, c.outDim())) : null;
    this.charNorm = ch ? module("char_norm", new LayerNorm(c.outDim())) : null;
  }

  /**
   * The three-encoder form: the character-level encoder reads the quoted visual text (the digits to draw),
   * byte by byte, as Movie Gen's ByT5 does.
   *
   * @param charIds (B, L3) byte ids of the quoted text ({@link CharTokenizer}), or null without the char encoder
   * @param charMask (B, L3)
   */
  public TextContext forward(
      ParameterStore ps, NDArray frozen, NDArray frozenMask, NDArray wordIds, NDArray wordMask, NDArray charIds,
      NDArray charMask, boolean training) {
    TextContext two = forward(ps, frozen, frozenMask, wordIds, wordMask, training);
    if (chars == null) return two;
    long l3 = charIds.getShape().get(1);
    if (l3 > TextEncoderConfig.MAX_CHARS) {
      throw new IllegalArgumentException("quoted text has %d bytes; the character encoder reads at most %d".formatted(l3, TextEncoderConfig.MAX_CHARS));
    }
    NDArray pos = charIds.getManager().arange(0, (int) l3).expandDims(0); // (1, L3)
    NDArray h = chars.forward(ps, charIds, training).add(charPositions.forward(ps, pos, training)); // (B, L3, cd)
    h = charLayer.forward(ps, h, charMask, training);
    NDArray c = charNorm.forward(ps, charProj.forward(ps, h, training), training); // (B, L3, D)
    NDArray tokens = two.tokens().concat(c, 1);
    NDArray mask = two.mask().concat(charMask, 1);
    return new TextContext(tokens, mask, Ops.maskedMean(tokens, mask));
  }

  /**
   * @param frozen (B, L1, frozenDim) frozen-encoder token states
   * @param frozenMask (B, L1)
   * @param wordIds (B, L2) int word ids
   * @param wordMask (B, L2)
   */
  public TextContext forward(
      ParameterStore ps, NDArray frozen, NDArray frozenMask, NDArray wordIds, NDArray wordMask, boolean training) {
    long l2 = wordIds.getShape().get(1);
    if (l2 > config.maxWords()) {
      throw new IllegalArgumentException(
          "prompt has %d words; the text encoder accepts at most %d".formatted(l2, config.maxWords()));
    }
    NDArray a = frozenNorm.forward(ps, frozenProj.forward(ps, frozen, training), training); // (B, L1, D)
    NDArray pos = wordIds.getManager().arange(0, (int) l2).expandDims(0); // (1, L2)
    NDArray h = words.forward(ps, wordIds, training).add(positions.forward(ps, pos, training)); // (B, L2, d)
    for (EncoderLayer layer : layers) h = layer.forward(ps, h, wordMask, training);
    NDArray b = wordNorm.forward(ps, wordProj.forward(ps, h, training), training); // (B, L2, D)
    NDArray tokens = a.concat(b, 1); // (B, L1 + L2, D)
    NDArray mask = frozenMask.concat(wordMask, 1); // (B, L1 + L2)
    return new TextContext(tokens, mask, Ops.maskedMean(tokens, mask));
  }

  public TextEncoderConfig config() {
    return config;
  }
}
