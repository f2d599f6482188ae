package dev.mediagen.arena.sim;

import java.util.SplittableRandom;

/**
 * A synthetic voter's hidden taste: weights of the oracle's utility terms, a personal liking for large
 * and bright content, a noise level and a tie margin. Careless voters ignore the images.
 *
 * @param faithWeight weight of caption faithfulness
 * @param qualityWeight weight of image quality
 * @param areaTaste liking for a larger object area (per unit of covered-canvas fraction)
 * @param brightTaste liking for brighter images (per unit of mean brightness)
 * @param noise standard deviation of the per-judgement noise on each utility
 * @param tieMargin utility difference under which the voter says "no image is significantly better"
 * @param careless clicks left or right at random
 */
public record VoterProfile(
    double faithWeight, double qualityWeight, double areaTaste, double brightTaste, double noise, double tieMargin, boolean careless) {

  /** The population's mean voter: mean weights, no taste, no noise (the ceiling and best-of-N judge by it). */
  public static final VoterProfile MEAN = new VoterProfile(1.0, 0.5, 0, 0, 0, 0, false);

  /** A voter drawn around the population means (faithfulness 1, quality 0.5, taste ±0.3, noise 0.08, tie margin 0.03–0.08). */
  public static VoterProfile draw(SplittableRandom rng, boolean careless) {
    return new VoterProfile(
        MEAN.faithWeight(),
        MEAN.qualityWeight(),
        0.3 * rng.nextGaussian(),
        0.3 * rng.nextGaussian(),
        0.08,
        0.03 + 0.05 * rng.nextDouble(),
        careless);
  }
}
