package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaeTest {
  NDManager m;
  ParameterStore ps;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
    ps = new ParameterStore(m, false);
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  @Test
  void compressesImagesAndClipsByTheConfiguredFactors() {
    TemporalAutoencoder tae = new TemporalAutoencoder(TaeConfig.tiny());
    tae.initialize(m, 1);
    NDArray clip = m.randomUniform(-1, 1, new Shape(2, 3, 4, 16, 16));
    TemporalAutoencoder.Posterior q = tae.encode(ps, clip, false);
    assertThat(q.mean().getShape()).isEqualTo(new Shape(2, 4, 2, 8, 8)); // 2×2×2 compression, 4 channels
    assertThat(tae.decode(ps, q.mean(), false).getShape()).isEqualTo(clip.getShape());
    NDArray image = m.randomUniform(-1, 1, new Shape(1, 3, 1, 16, 16));
    assertThat(tae.encode(ps, image, false).mean().getShape()).isEqualTo(new Shape(1, 4, 1, 8, 8));
    assertThatThrownBy(() -> tae.encode(ps, m.zeros(new Shape(1, 3, 3, 16, 16)), false))
        .hasMessageContaining("clip length 3").hasMessageContaining("multiple of the temporal compression 2");
    assertThatThrownBy(() -> tae.encode(ps, m.zeros(new Shape(1, 3, 1, 15, 16)), false))
        .hasMessageContaining("15x16").hasMessageContaining("spatial compression 2");
  }

  @Test
  void inflatedModelStartsAsTheImageModel() {
    // identity-initialised temporal convs and zero-initialised temporal attention: a clip of identical
    // frames encodes, frame by frame, exactly like the single image
    TemporalAutoencoder tae = new TemporalAutoencoder(TaeConfig.tiny());
    tae.initialize(m, 2);
    NDArray image = m.randomUniform(-1, 1, new Shape(1, 3, 1, 16, 16));
    NDArray clip = image.repeat(2, 4);
    NDArray zi = tae.encode(ps, image, false).mean();
    NDArray zc = tae.encode(ps, clip, false).mean();
    for (int t = 0; t < 2; t++) {
      assertThat(zc.get(":, :, " + t).toFloatArray()).containsExactly(zi.get(":, :, 0").toFloatArray(), within(1e-4f));
    }
  }

  @Test
  void nearestUpsamplingRepeatsEachElement() {
    NDArray x = m.create(new float[] {1, 2, 3, 4}).reshape(1, 1, 1, 2, 2);
    NDArray up = x.repeat(3, 2).repeat(4, 2);
    assertThat(up.toFloatArray()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
  }

  @Test
  void outlierPenaltyGolden() {
    // one channel, 1 frame, 2×2 latent [0, 0, 0, 4]: mean 1, deviations |−1|,|−1|,|−1|,|3|, std = sqrt(3)
    NDArray z = m.create(new float[] {0, 0, 0, 4}).reshape(1, 1, 1, 2, 2);
    double r = 1.0, std = Math.sqrt(3);
    double expected = (Math.max(1 - r * std, 0) * 3 + Math.max(3 - r * std, 0)) / 4;
    assertThat(TaeLoss.outlierPenalty(z, (float) r).getFloat()).isCloseTo((float) expected, within(1e-5f));
    assertThat(TaeLoss.outlierPenalty(z, 3f).getFloat()).isCloseTo(0f, within(1e-6f)); // 3 < 3·sqrt(3)
  }

  @Test
  void klOfTheStandardNormalIsZero() {
    NDArray zeros = m.zeros(new Shape(2, 3));
    assertThat(TaeLoss.kl(zeros, zeros).getFloat()).isZero();
    // μ = 1, σ = 1: ½·(1 + 1 − 1 − 0) = 0.5
    assertThat(TaeLoss.kl(m.ones(new Shape(2)), m.zeros(new Shape(2))).getFloat()).isEqualTo(0.5f);
  }

  @Test
  void tiledDecodingBlendsOverlapsAndMatchesFrameLocalModels() {
    // a TAE without attention and with identity temporal convs is frame-local, so tiles must agree exactly
    TaeConfig local = new TaeConfig(List.of(16, 32), 1, 1, 4, 8, false, 0f, 0f, 0f, 3f);
    TemporalAutoencoder tae = new TemporalAutoencoder(local);
    tae.initialize(m, 3);
    NDArray clip = m.randomUniform(-1, 1, new Shape(1, 3, 16, 16, 16));
    NDArray z = TaeTiling.encode(tae, ps, clip, 4);
    assertThat(z.getShape()).isEqualTo(new Shape(1, 4, 8, 8, 8));
    NDArray whole = tae.decode(ps, z, false);
    NDArray tiled = TaeTiling.decode(tae, ps, z, 4, 2);
    assertThat(tiled.getShape()).isEqualTo(whole.getShape());
    // the temporal downsampler sees neighbouring frames, so compare away from tile seams is not needed:
    // identity temporal convs with replicate padding make every frame depend on its own latent frame only
    assertThat(tiled.sub(whole).abs().max().getFloat()).isLessThan(1e-4f);
  }

  @Test
  void lossFallsOnShapesWorld(@TempDir Path dir) throws Exception {
    List<Float> losses = new ArrayList<>();
    TrainTae.run(new TrainTae.Options(dir, null, TaeConfig.tiny(), WorldConfig.tiny(), TaeTrainConfig.tiny(), 0, 40, null),
        new TrainTae.Listener() {
          @Override
          public void step(long step, float loss, float rec, float opl, boolean video) {
            losses.add(rec);
          }
        });
    double early = losses.subList(0, 5).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    double late = losses.subList(35, 40).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    assertThat(late).isLessThan(0.7 * early);
    assertThat(dir.resolve("checkpoint").resolve("model.safetensors")).exists();

    // a second stage starts from the first run's EMA weights: one step at a negligible rate leaves them in place
    Path stage = dir.resolve("stage2");
    TrainTae.run(new TrainTae.Options(stage, null, TaeConfig.tiny(), WorldConfig.tiny(), TaeTrainConfig.tiny().withSchedule(1e-9f, 10), 0, 1, dir),
        new TrainTae.Listener() {});
    try (NDManager m = NDManager.newBaseManager()) {
      var first = TaeCheckpoint.load(dir.resolve("checkpoint"), m, false).ema();
      var second = TaeCheckpoint.load(stage.resolve("checkpoint"), m, false).ema();
      assertThat(second.keySet()).isEqualTo(first.keySet());
      for (String n : first.keySet()) assertThat(second.get(n).sub(first.get(n)).abs().max().getFloat()).as(n).isLessThan(1e-5f);
    }
    // and refuses a run of another shape
    assertThatThrownBy(() -> TrainTae.run(
        new TrainTae.Options(dir.resolve("bad"), null, TaeConfig.small(), WorldConfig.tiny(), TaeTrainConfig.tiny(), 0, 1, dir), new TrainTae.Listener() {}))
        .hasMessageContaining("TAE");
  }
}
