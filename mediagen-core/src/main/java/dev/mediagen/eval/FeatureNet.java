package dev.mediagen.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Conv2d;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import dev.mediagen.world.Palette;
import dev.mediagen.world.Region;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;

/**
 * The image encoder of our FID analogue (papers-media.md §7, "FID analogue = Fréchet distance on that
 * classifier's penultimate features"): a small conv net trained on ShapesWorld renders to predict, for each
 * cell of the 3×3 region grid, the colour, shape, size and texture of the object whose centre lies there
 * (or "empty"), plus the background. Its penultimate layer — {@code featureDim} values after SiLU — is the
 * feature vector, playing Inception-v3's pool3 role: trained on the domain, sensitive to what is drawn and
 * where, and (trained on noisy and blurred renders too) not to pixel noise alone.
 *
 * <pre>
 *   (B, 3, 1, S, S) → 4 × [3×3 conv (stride 1, 2, 2, 2) + SiLU] → flatten → Dense + SiLU = features
 *                   → Dense → 9 × (colour 9 | shape 4 | size 3 | texture 3) + background 3 logits
 * </pre>
 */
public final class FeatureNet extends Module {
  /** Classes per region head: colour (8 + empty), shape (3 + empty), size (2 + empty), texture (2 + empty). */
  public static final int[] HEAD_SIZES = {Palette.objectColours() + 1, 4, 3, 3};

  /** Label slots per image: 4 per region, then the background. */
  public static final int LABELS = 9 * HEAD_SIZES.length + 1;

  /** Logits per image. */
  public static final int LOGITS = 9 * (HEAD_SIZES[0] + HEAD_SIZES[1] + HEAD_SIZES[2] + HEAD_SIZES[3]) + Palette.backgrounds();

  /**
   * @param size square input side (a multiple of 8)
   * @param width channels of the first conv (later ones 2× and 4×)
   * @param featureDim length of the feature vector
   */
  public record Config(int size, int width, int featureDim) {
    public Config {
      if (size < 8 || size > 256 || size % 8 != 0) throw new IllegalArgumentException("size %d must be a multiple of 8 in [8, 256]".formatted(size));
      if (width < 4 || width > 256) throw new IllegalArgumentException("width %d must be in [4, 256]".formatted(width));
      if (featureDim < 2 || featureDim > 1024) throw new IllegalArgumentException("featureDim %d must be in [2, 1024]".formatted(featureDim));
    }

    /** The evaluation encoder for a canvas of {@code size} pixels: widths 16/32/64, 32 features. */
    public static Config of(int size) {
      return new Config(size, 16, 32);
    }
  }

  private final Config config;
  private final Conv2d c1;
  private final Conv2d c2;
  private final Conv2d c3;
  private final Conv2d c4;
  private final Dense feature;
  private final Dense heads;

  public FeatureNet(Config c) {
    this.config = c;
    int w = c.width();
    this.c1 = module("conv1", new Conv2d(3, w, 3, 1, Init.XAVIER));
    this.c2 = module("conv2", new Conv2d(w, 2 * w, 3, 2, Init.XAVIER));
    this.c3 = module("conv3", new Conv2d(2 * w, 4 * w, 3, 2, Init.XAVIER));
    this.c4 = module("conv4", new Conv2d(4 * w, 4 * w, 3, 2, Init.XAVIER));
    int cells = (c.size() / 8) * (c.size() / 8);
    this.feature = module("feature", new Dense(4 * w * cells, c.featureDim()));
    this.heads = module("heads", new Dense(c.featureDim(), LOGITS));
  }

  /** @param x (B, 3, 1, S, S) images in [−1, 1]; @return (B, featureDim) features */
  public NDArray features(ParameterStore ps, NDArray x, boolean training) {
    if (x.getShape().dimension() != 5 || x.getShape().get(1) != 3 || x.getShape().get(3) != config.size() || x.getShape().get(4) != config.size()) {
      throw new IllegalArgumentException("feature net expects (B, 3, 1, %d, %d) images, got %s".formatted(config.size(), config.size(), x.getShape()));
    }
    NDArray h = Ops.silu(c1.forward(ps, x, training));
    h = Ops.silu(c2.forward(ps, h, training));
    h = Ops.silu(c3.forward(ps, h, training));
    h = Ops.silu(c4.forward(ps, h, training)); // (B, 4w, 1, S/8, S/8)
    return Ops.silu(feature.forward(ps, h.reshape(h.getShape().get(0), -1), training)); // (B, F)
  }

  /** (B, F) features → (B, {@link #LOGITS}) logits. */
  public NDArray logits(ParameterStore ps, NDArray features, boolean training) {
    return heads.forward(ps, features, training);
  }

  public Config config() {
    return config;
  }

  /**
   * The training labels of an image scene: for each region in raster order, the class of the object whose
   * frame-0 centre lies there (colour + 1, shape + 1, size + 1, texture + 1; 0 = empty), then the
   * background index. The sampler puts at most one object in a region.
   */
  public static int[] labels(Scene s) {
    int[] out = new int[LABELS];
    for (SceneObject o : s.objects()) {
      int r = Region.of(o.x(), o.y(), s.width(), s.height()).ordinal();
      out[4 * r] = o.colour() + 1;
      out[4 * r + 1] = o.shape().ordinal() + 1;
      out[4 * r + 2] = o.size().ordinal() + 1;
      out[4 * r + 3] = o.texture().ordinal() + 1;
    }
    out[LABELS - 1] = s.background();
    return out;
  }

  /** Offset of label slot {@code k}'s logits and its class count, in {@link #LOGITS} order. */
  static int[] slot(int k) {
    if (k == LABELS - 1) return new int[] {LOGITS - Palette.backgrounds(), Palette.backgrounds()};
    int region = k / 4, head = k % 4, per = HEAD_SIZES[0] + HEAD_SIZES[1] + HEAD_SIZES[2] + HEAD_SIZES[3];
    int off = region * per;
    for (int i = 0; i < head; i++) off += HEAD_SIZES[i];
    return new int[] {off, HEAD_SIZES[head]};
  }
}
