package dev.mediagen.pickscore;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Conv2d;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Embedding;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;

/**
 * PickScore's dual encoder (Kirstain et al. 2023, §4): {@code s(x, y) = exp(τ)·⟨E_txt(x)/‖·‖, E_img(y)/‖·‖⟩}
 * with a learned temperature τ ({@code logit_scale}). The text encoder is a bag of words and of hashed word
 * bigrams (masked means of their embeddings, summed, then a residual MLP); the image encoder is three stride-2 convolutions whose 8×
 * downsampled map is flattened (so position is kept) and projected.
 */
public final class PickScoreModel extends Module {
  /** CLIP's initial temperature: τ = ln(1/0.07). */
  public static final float INIT_LOGIT_SCALE = (float) Math.log(1 / 0.07);

  private final PickScoreConfig config;
  private final Embedding words;
  private final Embedding bigrams; // null when config.bigrams() == 0
  private final Dense textHidden;
  private final Dense textProj;
  private final Conv2d conv1;
  private final Conv2d conv2;
  private final Conv2d conv3;
  private final Dense imageProj;
  private final Parameter logitScale;

  public PickScoreModel(PickScoreConfig c) {
    this.config = c;
    int ch = c.channels();
    int side = c.size() / 8;
    this.words = module("word_emb", new Embedding(c.vocab(), c.textDim()));
    this.bigrams = c.bigrams() == 0 ? null : module("bigram_emb", new Embedding(c.bigrams() + 1, c.textDim()));
    this.textHidden = module("text_hidden", new Dense(c.textDim(), c.textDim()));
    this.textProj = module("text_proj", new Dense(c.textDim(), c.embedDim()));
    this.conv1 = module("conv1", new Conv2d(3, ch, 3, 2, Init.XAVIER));
    this.conv2 = module("conv2", new Conv2d(ch, 2 * ch, 3, 2, Init.XAVIER));
    this.conv3 = module("conv3", new Conv2d(2 * ch, 2 * ch, 3, 2, Init.XAVIER));
    this.imageProj = module("image_proj", new Dense(2 * ch * side * side, c.embedDim()));
    this.logitScale = param("logit_scale", new Init.Constant(INIT_LOGIT_SCALE), 1);
  }

  /**
   * @param ids (B, L) word ids, 0 = padding
   * @return (B, E) unit-norm text embeddings
   */
  public NDArray encodeText(ParameterStore ps, NDArray ids, boolean training) {
    NDArray mask = ids.gt(0); // (B, L)
    NDArray h = Ops.maskedMean(words.forward(ps, ids, training), mask); // (B, d)
    if (bigrams != null && ids.getShape().get(1) > 1) {
      NDArray pairs = bigramIds(ids, config.bigrams()); // (B, L − 1), 0 = padding
      h = h.add(Ops.maskedMean(bigrams.forward(ps, pairs, training), pairs.gt(0))); // (B, d)
    }
    h = h.add(Ops.silu(textHidden.forward(ps, h, training))); // residual MLP
    return normalize(textProj.forward(ps, h, training)); // (B, E)
  }

  /**
   * @param images (B, 3, H, W) values in [0, 1]
   * @return (B, E) unit-norm image embeddings
   */
  public NDArray encodeImage(ParameterStore ps, NDArray images, boolean training) {
    Shape s = images.getShape();
    if (s.get(2) != config.size() || s.get(3) != config.size()) {
      throw new IllegalArgumentException("images are %dx%d; this scorer reads %dx%d".formatted(s.get(3), s.get(2), config.size(), config.size()));
    }
    NDArray x = images.sub(0.5f).mul(2f).expandDims(2); // (B, 3, 1, H, W) in [-1, 1]
    x = Ops.silu(conv1.forward(ps, x, training)); // (B, c, 1, H/2, W/2)
    x = Ops.silu(conv2.forward(ps, x, training)); // (B, 2c, 1, H/4, W/4)
    x = Ops.silu(conv3.forward(ps, x, training)); // (B, 2c, 1, H/8, W/8)
    NDArray flat = x.reshape(s.get(0), -1); // (B, 2c·H/8·W/8)
    return normalize(imageProj.forward(ps, flat, training)); // (B, E)
  }

  /**
   * Hashed ids of adjacent word pairs: {@code 1 + (a·p + b) mod buckets} for word ids a, b (p a prime above any
   * vocabulary we use), 0 where either word is padding.
   *
   * @param ids (B, L) word ids, 0 = padding
   * @return (B, L − 1) bigram ids in [0, buckets]
   */
  static NDArray bigramIds(NDArray ids, int buckets) {
    long l = ids.getShape().get(1);
    NDArray a = ids.get(":, 0:" + (l - 1)).toType(DataType.INT64, false);
    NDArray b = ids.get(":, 1:" + l).toType(DataType.INT64, false);
    NDArray both = a.gt(0).logicalAnd(b.gt(0)).toType(DataType.INT64, false);
    return a.mul(1_000_003L).add(b).mod((long) buckets).add(1L).mul(both).toType(ids.getDataType(), false);
  }

  /** Whether a parameter (by its name in {@code namedParameters()}) belongs to the text tower. */
  public static boolean isTextParameter(String name) {
    return name.startsWith("word_emb") || name.startsWith("bigram_emb") || name.startsWith("text_");
  }

  /** exp(τ), the scale of every score. */
  public NDArray scale(ParameterStore ps, NDArray like, boolean training) {
    return value(ps, logitScale, like, training).exp(); // (1,)
  }

  /** @return (B,) {@code exp(τ)·⟨text_b, image_b⟩} for row-aligned text and image embeddings */
  public NDArray score(ParameterStore ps, NDArray text, NDArray image, boolean training) {
    return text.mul(image).sum(new int[] {1}).mul(scale(ps, text, training));
  }

  public PickScoreConfig config() {
    return config;
  }

  private static NDArray normalize(NDArray x) {
    return x.div(x.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
  }
}
