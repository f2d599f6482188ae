package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainVideoTest {
  static TrainVideo.Options tiny(Path out, Path resume, long steps) {
    WorldConfig w = WorldConfig.tiny();
    DenoiserConfig d = DenoiserConfig.tiny();
    int vocab = WordTokenizer.fromWords(Captioner.vocabulary()).size();
    TextEncoderConfig t = new TextEncoderConfig(384, 64, vocab, 64, 32, 1, 2, d.hidden());
    TextToVideoConfig model = new TextToVideoConfig(d, t, List.of(w.size()), w.frames(), w.fps());
    VideoTrainConfig train = new VideoTrainConfig(8, 2, 2, 2e-3f, 2, 100, 0.01f, 1f, 0.9f, 0.1f, 7, 0, 0, 0);
    return new TrainVideo.Options(out, resume, model, w, train, 0, steps);
  }

  /** Records every step's loss. */
  static final class Losses implements TrainVideo.Listener {
    final List<Float> values = new ArrayList<>();

    @Override
    public void step(long step, float loss, float lr, float gradNorm, boolean video) {
      values.add(loss);
    }
  }

  @Test
  void resumeContinuesExactlyLikeAnUninterruptedRun(@TempDir Path dir) throws Exception {
    Losses full = new Losses();
    TrainVideo.run(tiny(dir.resolve("full"), null, 8), full);
    Losses first = new Losses();
    TrainVideo.run(tiny(dir.resolve("split"), null, 4), first);
    Losses second = new Losses();
    TrainVideo.Result r = TrainVideo.run(tiny(dir.resolve("split"), dir.resolve("split"), 8), second);
    assertThat(r.step()).isEqualTo(8);
    assertThat(first.values).containsExactlyElementsOf(full.values.subList(0, 4));
    // bit-identical: same data, noise, times, weights, optimizer moments and EMA after the resume
    assertThat(second.values).containsExactlyElementsOf(full.values.subList(4, 8));
    assertThat(Files.list(dir.resolve("split")).map(p -> p.getFileName().toString()))
        .contains("checkpoint").noneMatch(n -> n.startsWith("."));
  }

  @Test
  void latentModelTrainsOnTaeLatentsAndCarriesItsTae(@TempDir Path dir) throws Exception {
    TrainTae.run(new TrainTae.Options(dir.resolve("tae"), null, TaeConfig.tiny(), WorldConfig.tiny(), TaeTrainConfig.tiny(), 0, 3, null),
        new TrainTae.Listener() {});
    WorldConfig w = WorldConfig.tiny();
    TaeConfig tae = TaeConfig.tiny();
    DenoiserConfig d = new DenoiserConfig(tae.latentChannels(), 2, 32, 2, 2, 4f, 2, 8, 8, 8, true, true, true);
    int vocab = WordTokenizer.fromWords(Captioner.vocabulary()).size();
    TextToVideoConfig model = new TextToVideoConfig(d, new TextEncoderConfig(384, 64, vocab, 64, 32, 1, 2, d.hidden()),
        List.of(w.size()), w.frames(), w.fps(), new TextToVideoConfig.Latent(tae, 1.5f));
    VideoTrainConfig train = new VideoTrainConfig(4, 2, 2, 2e-3f, 2, 100, 0f, 1f, 0.9f, 0.1f, 7, 0, 0, 0);
    Losses l = new Losses();
    TrainVideo.run(new TrainVideo.Options(dir.resolve("t2v"), null, model, w, train, 0, 4, List.of(), dir.resolve("tae"), null), l);
    assertThat(l.values).hasSize(4).allMatch(Float::isFinite);
    Path ck = dir.resolve("t2v").resolve("checkpoint");
    assertThat(ck.resolve("tae").resolve("model.safetensors")).exists();
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();
        VideoGenerator gen = VideoGenerator.load(ck, m, 4)) {
      var clips = gen.generate(List.of("a red circle moving left"), new SamplingOptions(16, 4, 4, 3, 2f, "lq",
          dev.mediagen.flow.OdeSolver.Method.EULER, 1), null);
      assertThat(clips.get(0).frames()).isEqualTo(4);
      assertThat(clips.get(0).height()).isEqualTo(16);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> gen.generate(List.of("x"),
          new SamplingOptions(16, 3, 4, 3, 2f, "lq", dev.mediagen.flow.OdeSolver.Method.EULER, 1), null))
          .hasMessageContaining("frames 3").hasMessageContaining("temporal compression 2");
    }
  }

  @Test
  void lossFallsOnTinyShapesWorld(@TempDir Path dir) throws Exception {
    Losses l = new Losses();
    TrainVideo.run(tiny(dir, null, 60), l);
    double early = l.values.subList(0, 10).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    double late = l.values.subList(50, 60).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    assertThat(late).isLessThan(0.8 * early);
  }
}
