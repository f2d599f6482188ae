package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.mediagen.flow.OdeSolver;
import dev.mediagen.text.MiniLmEncoder;
import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoGeneratorTest {
  @Test
  void samplingKeepsAConstantNumberOfLiveArraysPerStepAndIsSeeded() {
    WorldConfig w = WorldConfig.tiny();
    DenoiserConfig d = DenoiserConfig.tiny();
    WordTokenizer tok = WordTokenizer.fromWords(Captioner.vocabulary());
    TextToVideoConfig cfg = new TextToVideoConfig(d, new TextEncoderConfig(384, 64, tok.size(), 64, 32, 1, 2, d.hidden()),
        List.of(w.size()), w.frames(), w.fps());
    try (NDManager m = NDManager.newBaseManager();
        VideoGenerator gen = new VideoGenerator(new TextToVideo(cfg), new PromptEncoder(new MiniLmEncoder(), tok, 64), m, 4, null, null)) {
      gen.model().initialize(m, 5);
      List<Integer> live = new ArrayList<>();
      SamplingOptions o = new SamplingOptions(16, 4, 4, 12, 3f, "lq", OdeSolver.Method.MIDPOINT, 9);
      List<Video> a = gen.generate(List.of("a red circle moving left", "a blue square"), o, i -> live.add(m.getManagedArrays().size()));
      // every solver step frees what it made: nothing accumulates in longer-lived managers
      assertThat(live).hasSize(12).containsOnly(live.get(0));
      List<Video> b = gen.generate(List.of("a red circle moving left", "a blue square"), o, null);
      List<Video> c = gen.generate(List.of("a red circle moving left"), o, null);
      assertThat(a).isEqualTo(b);
      // sample i's noise does not depend on the rest of the batch
      assertThat(c.get(0)).isEqualTo(a.get(0));
      assertThat(gen.generate(List.of("a red circle moving left"), o.withSeed(10), null).get(0)).isNotEqualTo(a.get(0));
    }
  }
}
