package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCorefTest {
  static final int DIM = 8;

  static TrainCoref.Options options(Path out, Path resume, S2eConfig model, CorefTrainConfig train, long steps) {
    List<CorefDocument> docs = new ArrayList<>();
    List<float[]> states = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CorefDocument d = SyntheticCoref.document(i, 20, 7);
      docs.add(d);
      states.add(SyntheticCoref.states(d, DIM, 11));
    }
    return new TrainCoref.Options(out, resume, model, train, WordStatesConfig.defaults(),
        CorefData.examples(docs.subList(0, 4), states.subList(0, 4)), docs.subList(4, 6), states.subList(4, 6), 0,
        steps);
  }

  /** Records every step's loss and every dev F1. */
  static final class Record implements TrainCoref.Listener {
    final List<Float> losses = new ArrayList<>();
    final List<Double> dev = new ArrayList<>();

    @Override
    public void step(long step, float loss, float lr, float gradNorm) {
      losses.add(loss);
    }

    @Override
    public void validated(long step, double devF1) {
      dev.add(devF1);
    }
  }

  @Test
  void lossFallsOnTinySyntheticDocuments(@TempDir Path dir) throws Exception {
    Record r = new Record();
    TrainCoref.Result result = TrainCoref.run(options(dir, null, S2eConfig.tiny(), CorefTrainConfig.tiny(), 60), r);
    assertThat(result.step()).isEqualTo(60);
    double early = r.losses.subList(0, 10).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    double late = r.losses.subList(50, 60).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    assertThat(late).isLessThan(0.5 * early);
    // the trained model links some names right: dev CoNLL F1 (no singletons predicted) above 0.1
    assertThat(r.dev.get(r.dev.size() - 1)).isGreaterThan(0.1);
  }

  @Test
  void resumeContinuesExactlyLikeAnUninterruptedRun(@TempDir Path dir) throws Exception {
    S2eConfig model = new S2eConfig(DIM, 16, 1, 2, 32, 4, 16, 0.1f, 4, 0.4f, 0.5f); // dropout, mention loss
    CorefTrainConfig train = new CorefTrainConfig(3, 8, 3e-3f, 2, 0.01f, 1f, 0.9f, 12, 4, 4); // EMA, crops
    Record full = new Record();
    TrainCoref.run(options(dir.resolve("full"), null, model, train, 8), full);
    Record first = new Record();
    TrainCoref.run(options(dir.resolve("split"), null, model, train, 4), first);
    Record second = new Record();
    TrainCoref.Result r = TrainCoref.run(options(dir.resolve("split"), dir.resolve("split"), model, train, 8), second);
    assertThat(r.step()).isEqualTo(8);
    assertThat(first.losses).containsExactlyElementsOf(full.losses.subList(0, 4));
    // bit-identical: same crops, dropout masks, weights, AdamW moments and EMA after the resume
    assertThat(second.losses).containsExactlyElementsOf(full.losses.subList(4, 8));
    assertThat(second.dev).containsExactly(full.dev.get(1));
    assertThat(Files.isRegularFile(dir.resolve("split/checkpoint/train-state.safetensors"))).isTrue();
    assertThat(Files.isRegularFile(dir.resolve("split/best/model.safetensors"))).isTrue();
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
      CorefCheckpoint.Loaded ck = CorefCheckpoint.load(dir.resolve("split/checkpoint"), m, false);
      assertThat(ck.config().model()).isEqualTo(model);
      assertThat(ck.state().step()).isEqualTo(8);
      assertThat(ck.state().dev()).hasSize(2);
      // the shipped form: F16 evaluation weights only, the same values to F16 precision
      CorefCheckpoint.exportF16(dir.resolve("split"), dir.resolve("export"));
      CorefCheckpoint.Loaded small = CorefCheckpoint.load(dir.resolve("export"), m, false);
      assertThat(Files.exists(dir.resolve("export/train-state.safetensors"))).isFalse();
      assertThat(small.config()).isEqualTo(ck.config());
      float[] a = ck.weights().get("mention.s2e_classifier.weight").toFloatArray();
      float[] b = small.weights().get("mention.s2e_classifier.weight").toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i]).isCloseTo(a[i], org.assertj.core.api.Assertions.within(Math.abs(a[i]) * 1e-3f + 1e-6f));
      }
    }
  }
}
