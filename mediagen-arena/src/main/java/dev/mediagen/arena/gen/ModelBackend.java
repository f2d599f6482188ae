package dev.mediagen.arena.gen;

import dev.mediagen.text.Prompts;
import dev.mediagen.video.SamplingOptions;
import dev.mediagen.video.TextToVideoConfig;
import dev.mediagen.video.VideoGenerator;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A text-to-video checkpoint sampled as an image (one frame) with fixed steps and guidance. Several
 * backends may share one loaded {@link VideoGenerator} (the same weights at different settings).
 */
public final class ModelBackend implements Backend {
  private final String id;
  private final VideoGenerator generator;
  private final int steps;
  private final float guidance;
  private final int size;
  private final int fps;
  private final int maxWords;

  public ModelBackend(String id, VideoGenerator generator, int steps, float guidance) {
    this.id = id;
    this.generator = generator;
    TextToVideoConfig c = generator.config().model();
    this.size = c.sizes().get(0);
    this.fps = c.fps().get(0);
    this.maxWords = c.text().maxWords() - 3;
    SamplingOptions.defaults(size, 1, fps, 0).withSteps(steps, "lq").withGuidance(guidance); // validates
    this.steps = steps;
    this.guidance = guidance;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Float guidance() {
    return guidance;
  }

  @Override
  public Integer steps() {
    return steps;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public BufferedImage generate(String prompt, long seed, IntConsumer onStep) {
    SamplingOptions o = SamplingOptions.defaults(size, 1, fps, seed).withSteps(steps, "lq").withGuidance(guidance);
    String p = Prompts.validate(prompt, maxWords);
    return generator.generate(List.of(p), o, onStep).get(0).frame(0);
  }
}
