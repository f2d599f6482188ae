package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Module;
import dev.mediagen.text.TextContext;
import dev.mediagen.text.TextEncoder;

/** Movie Gen's text-to-video model: the text encoders' trainable parts plus the denoiser. */
public final class TextToVideo extends Module {
  private final TextEncoder text;
  private final Denoiser denoiser;
  private final TextToVideoConfig config;

  public TextToVideo(TextToVideoConfig config) {
    this.config = config;
    this.text = module("text", new TextEncoder(config.text()));
    this.denoiser = module("denoiser", new Denoiser(config.denoiser()));
  }

  /**
   * @param xt (B, C, T, H, W) noisy clip; @param t (B) flow times; @param prompts the encoded prompts
   * @return (B, C, T, H, W) predicted velocity
   */
  public NDArray forward(ParameterStore ps, NDArray xt, NDArray t, PromptBatch prompts, boolean training) {
    return forward(ps, xt, t, prompts, null, training);
  }

  /** With a channel-concatenated condition (the upsampler's low-resolution clip), or null. */
  public NDArray forward(ParameterStore ps, NDArray xt, NDArray t, PromptBatch prompts, NDArray cond, boolean training) {
    return denoiser.forward(ps, xt, t, encodeText(ps, prompts, training), cond, training);
  }

  /** The text conditioning alone; sampling computes it once and reuses it at every solver step. */
  public TextContext encodeText(ParameterStore ps, PromptBatch prompts, boolean training) {
    return text.forward(ps, prompts.frozen(), prompts.frozenMask(), prompts.words(), prompts.wordMask(), prompts.chars(),
        prompts.charMask(), training);
  }

  /** The velocity for a precomputed text conditioning. */
  public NDArray velocity(ParameterStore ps, NDArray xt, NDArray t, TextContext ctx, boolean training) {
    return denoiser.forward(ps, xt, t, ctx, null, training);
  }

  /** The velocity with a channel-concatenated condition (or null). */
  public NDArray velocity(ParameterStore ps, NDArray xt, NDArray t, TextContext ctx, NDArray cond, boolean training) {
    return denoiser.forward(ps, xt, t, ctx, cond, training);
  }

  /** True for a video-to-video upsampler (its input carries the upsampled low-resolution clip). */
  public boolean isUpsampler() {
    return config.denoiser().condChannels() > 0;
  }

  public TextToVideoConfig config() {
    return config;
  }
}
