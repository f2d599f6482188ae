package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.WorldConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tile schedule, its seams, the per-frame error and one measurement of bench/tae-tiling. */
class TilingBenchTest {

  @Test
  void tilesStepByTileMinusOverlapAndTheLastEndsAtTheEnd() {
    assertThat(TaeTiling.tileStarts(8, 4, 1)).containsExactly(0, 3, 4);
    assertThat(TaeTiling.tileStarts(10, 4, 0)).containsExactly(0, 4, 6);
    assertThat(TaeTiling.tileStarts(3, 4, 1)).containsExactly(0);
    assertThat(TaeTiling.tileStarts(4, 4, 1)).containsExactly(0);
  }

  @Test
  void seamsAreTheFramesTwoTilesDecode() {
    // tiles [0,4) [3,7) [4,8): frames 3 (two tiles), 4, 5, 6 (two tiles) ; 7 only in the last
    assertThat(TaeTiling.seams(8, 4, 1)).containsExactly(false, false, false, true, true, true, true, false);
    assertThat(TaeTiling.seams(8, 4, 0)).containsOnly(false);
  }

  @Test
  void frameMseIsPerFrameOnTheUnitScale() {
    // 2 frames, 1 pixel, 3 channels: frame 0 exact, frame 1 off by 1 in [−1, 1] = 0.5 on [0, 1] in one channel
    float[] a = {0, 0, 0, 0, 0, 0};
    float[] b = {0, 0, 0, 1, 0, 0}; // layout (c, f): c0f0 c0f1 c1f0 c1f1 c2f0 c2f1
    double[] mse = TilingBench.frameMse(a, b, 2);
    assertThat(mse[0]).isEqualTo(0.0);
    assertThat(mse[1]).isCloseTo(0.25 / 3, within(1e-12));
  }

  @Test
  void aMeasurementReportsBothSectionsAndAFinitePsnr() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      TemporalAutoencoder tae = new TemporalAutoencoder(TaeConfig.tiny());
      tae.initialize(m, 5);
      SceneSampler sampler = new SceneSampler(WorldConfig.tiny());
      int tf = TaeConfig.tiny().temporalFactor();
      int latent = 16 / tf;
      TilingBench tiled = TilingBench.run(tae, sampler, 16, true, Math.min(4, latent - 1), 1, 7);
      TilingBench whole = TilingBench.run(tae, sampler, 16, false, Math.min(4, latent - 1), 1, 7);
      for (TilingBench r : List.of(tiled, whole)) {
        assertThat(r.frames()).isEqualTo(16);
        assertThat(r.psnr()).isFinite().isPositive();
        assertThat(r.seamMse()).isFinite().isPositive();
        assertThat(r.otherMse()).isFinite().isPositive();
        assertThat(r.decodePeakMb()).isBetween(0.0, 4096.0); // the mark only rises after its reset
      }
      assertThat(tiled.mode()).isEqualTo("tiled");
      assertThat(whole.mode()).isEqualTo("untiled");
    }
  }
}
