package dev.mediagen.arena.gen;

import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A reference backend without a model: it renders the ShapesWorld scene the prompt describes
 * ({@link CaptionScenes}) with controlled flaws — attribute errors at {@code errorRate} per object
 * and Gaussian pixel noise of {@code noise} — so backends of known, ordered quality exist for tests,
 * simulations and the load benchmark. Deterministic in (prompt, seed).
 */
public final class ShapesBackend implements Backend {
  private final String id;
  private final double errorRate;
  private final double noise;
  private final int size;

  public ShapesBackend(String id, double errorRate, double noise, int size) {
    if (!(errorRate >= 0 && errorRate <= 1)) throw new IllegalArgumentException("errorRate %s must be in [0, 1]".formatted(errorRate));
    if (!(noise >= 0 && noise <= 1)) throw new IllegalArgumentException("noise %s must be in [0, 1]".formatted(noise));
    if (size < 16 || size > 256) throw new IllegalArgumentException("size %d must be in [16, 256]".formatted(size));
    this.id = id;
    this.errorRate = errorRate;
    this.noise = noise;
    this.size = size;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Float guidance() {
    return null;
  }

  @Override
  public Integer steps() {
    return null;
  }

  @Override
  public int size() {
    return size;
  }

  public double errorRate() {
    return errorRate;
  }

  public double noise() {
    return noise;
  }

  @Override
  public BufferedImage generate(String prompt, long seed, IntConsumer onStep) {
    SplittableRandom rng = new SplittableRandom(seed);
    Scene scene = CaptionScenes.corrupt(CaptionScenes.sceneFor(prompt, size, rng), errorRate, rng);
    Video v = Renderer.render(scene);
    if (noise > 0) v = v.withNoise(noise, rng.nextLong());
    if (onStep != null) onStep.accept(1);
    return v.frame(0);
  }
}
