package dev.mediagen.video;

import java.util.List;

/**
 * The temporal autoencoder's shape and loss weights (Movie Gen §3.1.1: 8×8×8 compression to 16 channels at
 * 30B scale; our presets compress less).
 *
 * @param channels encoder widths per level, e.g. [32, 64, 96]; the decoder mirrors them
 * @param spatialDown number of ×2 spatial downsamplings (compression 2^spatialDown), ≤ levels − 1
 * @param temporalDown number of ×2 temporal downsamplings (compression 2^temporalDown), ≤ spatialDown
 * @param latentChannels latent channels C
 * @param groups GroupNorm groups
 * @param attention spatial + temporal self-attention in the middle block
 * @param klWeight weight of the KL term (Movie Gen: tiny, ≈1e-6)
 * @param edgeWeight weight of the perceptual-style substitute (Sobel-gradient L1; no pretrained VGG offline)
 * @param oplWeight weight of the outlier penalty loss (0 disables it; the ablation)
 * @param oplR the OPL's r: latent values beyond r standard deviations are penalised (paper: 3)
 */
public record TaeConfig(
    List<Integer> channels, int spatialDown, int temporalDown, int latentChannels, int groups, boolean attention,
    float klWeight, float edgeWeight, float oplWeight, float oplR) {
  public TaeConfig {
    channels = List.copyOf(channels);
    if (channels.isEmpty()) throw new IllegalArgumentException("channels must list at least one level");
    if (spatialDown < 0 || spatialDown > channels.size() - 1) {
      throw new IllegalArgumentException("spatialDown %d must be in [0, %d] (levels − 1)".formatted(spatialDown, channels.size() - 1));
    }
    if (temporalDown < 0 || temporalDown > spatialDown) {
      throw new IllegalArgumentException("temporalDown %d must be in [0, %d] (spatialDown)".formatted(temporalDown, spatialDown));
    }
    for (int c : channels) {
      if (c % groups != 0) throw new IllegalArgumentException("channel width %d must be divisible by groups %d".formatted(c, groups));
    }
    if (latentChannels < 1 || latentChannels > 256) {
      throw new IllegalArgumentException("latentChannels %d must be in [1, 256]".formatted(latentChannels));
    }
    if (!(oplR > 0)) throw new IllegalArgumentException("oplR %s must be > 0".formatted(oplR));
  }

  public int spatialFactor() {
    return 1 << spatialDown;
  }

  public int temporalFactor() {
    return 1 << temporalDown;
  }

  /** Latent frames of a clip of {@code frames} frames (images stay 1 frame). */
  public int latentFrames(int frames) {
    return frames == 1 ? 1 : frames / temporalFactor();
  }

  /** Fails with the allowed values when a clip cannot be encoded exactly. */
  public void checkClip(int frames, int height, int width) {
    if (height % spatialFactor() != 0 || width % spatialFactor() != 0) {
      throw new IllegalArgumentException("frame size %dx%d must be divisible by the spatial compression %d"
          .formatted(height, width, spatialFactor()));
    }
    if (frames != 1 && frames % temporalFactor() != 0) {
      throw new IllegalArgumentException("clip length %d must be 1 (an image) or a multiple of the temporal compression %d"
          .formatted(frames, temporalFactor()));
    }
  }

  /** Unit tests: 2 levels, 2×2×2 compression to 4 channels. */
  public static TaeConfig tiny() {
    return new TaeConfig(List.of(16, 32), 1, 1, 4, 8, true, 1e-6f, 0.1f, 1f, 3f);
  }

  /** The shipped TAE: 4×4 spatial, 2× temporal compression to 8 channels. */
  public static TaeConfig small() {
    return new TaeConfig(List.of(32, 64, 96), 2, 1, 8, 16, true, 1e-6f, 0.1f, 1f, 3f);
  }
}
