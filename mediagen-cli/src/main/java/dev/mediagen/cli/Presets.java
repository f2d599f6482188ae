package dev.mediagen.cli;

import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.video.DenoiserConfig;
import dev.mediagen.video.TaeConfig;
import dev.mediagen.video.TextToVideoConfig;
import dev.mediagen.video.VideoTrainConfig;
import dev.mediagen.world.WorldConfig;
import java.util.List;

/** Named text-to-video presets: {@code tiny} for tests and smoke runs, {@code small} for the shipped model. */
record Presets(TextToVideoConfig model, WorldConfig world, VideoTrainConfig train) {
  static final List<String> NAMES = List.of("tiny", "small", "latent", "upsampler", "tiny-upsampler");

  /** The same preset with a measured latent scale. */
  Presets withLatentScale(float scale) {
    TextToVideoConfig m = model;
    return new Presets(new TextToVideoConfig(m.denoiser(), m.text(), m.sizes(), m.maxFrames(), m.fps(),
        new TextToVideoConfig.Latent(m.latent().tae(), scale)), world, train);
  }

  static Presets of(String name, int vocab) {
    return switch (name) {
      case "tiny" -> {
        WorldConfig w = WorldConfig.tiny();
        DenoiserConfig d = DenoiserConfig.tiny();
        TextEncoderConfig t = new TextEncoderConfig(384, 64, vocab, 64, 32, 1, 2, d.hidden());
        yield new Presets(new TextToVideoConfig(d, t, List.of(w.size()), w.frames(), w.fps()), w, VideoTrainConfig.tiny());
      }
      case "small" -> {
        WorldConfig w = WorldConfig.defaults();
        DenoiserConfig d = DenoiserConfig.small();
        TextEncoderConfig t = new TextEncoderConfig(384, 64, vocab, 64, 128, 2, 4, d.hidden());
        yield new Presets(new TextToVideoConfig(d, t, List.of(w.size()), w.frames(), w.fps()), w, VideoTrainConfig.small());
      }
      case "latent" -> {
        // Movie Gen §3: the denoiser on TAE latents — 32×32×16 clips become 8×8×8 latents of 8 channels
        WorldConfig w = WorldConfig.defaults().withFrames(16);
        TaeConfig tae = TaeConfig.small();
        DenoiserConfig d = new DenoiserConfig(tae.latentChannels(), 1, 192, 6, 6, 4f, 8, 8, 8, 32, true, true, true);
        TextEncoderConfig t = new TextEncoderConfig(384, 64, vocab, 64, 128, 2, 4, d.hidden());
        yield new Presets(new TextToVideoConfig(d, t, List.of(w.size()), w.frames(), w.fps(), new TextToVideoConfig.Latent(tae, 1f)),
            w, VideoTrainConfig.small());
      }
      case "upsampler" -> {
        // Movie Gen §3.1.7 at our scale: 32 → 64 px video-to-video, the low-resolution clip on input channels
        WorldConfig w = WorldConfig.defaults().withSize(64);
        DenoiserConfig d = new DenoiserConfig(3, 8, 128, 4, 4, 4f, 8, 64, 64, 32, true, true, true, 3);
        TextEncoderConfig t = new TextEncoderConfig(384, 64, vocab, 64, 64, 1, 2, d.hidden());
        yield new Presets(new TextToVideoConfig(d, t, List.of(w.size()), w.frames(), w.fps()), w,
            new VideoTrainConfig(16, 2, 3, 1e-3f, 300, 6000, 0.01f, 1f, 0.999f, 0.1f, 99, 500, 0, 500));
      }
      case "tiny-upsampler" -> {
        WorldConfig w = WorldConfig.tiny();
        DenoiserConfig d = DenoiserConfig.tiny().withCondChannels(3);
        TextEncoderConfig t = new TextEncoderConfig(384, 64, vocab, 64, 32, 1, 2, d.hidden());
        yield new Presets(new TextToVideoConfig(d, t, List.of(w.size()), w.frames(), w.fps()), w, VideoTrainConfig.tiny());
      }
      default -> throw new IllegalArgumentException("unknown preset '%s'; allowed: %s".formatted(name, NAMES));
    };
  }
}
