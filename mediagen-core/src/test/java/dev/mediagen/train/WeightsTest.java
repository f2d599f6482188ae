package dev.mediagen.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.nn.FactorizedPosEmbedding;
import dev.mediagen.video.Denoiser;
import dev.mediagen.video.DenoiserConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsTest {
  @Test
  void resizeInterpolatesSpatialTablesAndExtendsTemporalOnes() {
    float[] table = {0, 10, 2, 12, 4, 14}; // 3 positions × 2 dims
    // 3 → 5 positions: 0, 0.5, 1, 1.5, 2 in old coordinates
    assertThat(FactorizedPosEmbedding.resize(table, 3, 2, 5, true))
        .containsExactly(new float[] {0, 10, 1, 11, 2, 12, 3, 13, 4, 14}, within(1e-6f));
    assertThat(FactorizedPosEmbedding.resize(table, 3, 2, 4, false)).containsExactly(0, 10, 2, 12, 4, 14, 4, 14);
  }

  @Test
  void curriculumStageInitialisesALargerModelFromASmallerOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      DenoiserConfig small = DenoiserConfig.tiny();
      DenoiserConfig large = new DenoiserConfig(3, 4, 32, 2, 2, 4f, 8, 32, 32, 8, true, true, true);
      Denoiser a = new Denoiser(small);
      a.initialize(m, 1);
      Denoiser b = new Denoiser(large);
      b.initialize(m, 2);
      Map<String, NDArray> src = Weights.snapshot(a, m);
      List<String> resized = Weights.initFrom(src, b);
      assertThat(resized).containsExactlyInAnyOrder("pos_embed.t", "pos_embed.h", "pos_embed.w");
      var pb = b.namedParameters();
      // shared weights are copied exactly; table ends are kept (interpolation fixes the first and last rows)
      assertThat(pb.get("blocks.0.attn.qkv.weight").array().toFloatArray()).containsExactly(src.get("blocks.0.attn.qkv.weight").toFloatArray());
      assertThat(pb.get("pos_embed.h").array().get(0).toFloatArray()).containsExactly(src.get("pos_embed.h").get(0).toFloatArray(), within(1e-6f));
      assertThat(pb.get("pos_embed.h").array().get(7).toFloatArray()).containsExactly(src.get("pos_embed.h").get(3).toFloatArray(), within(1e-6f));
      Denoiser other = new Denoiser(new DenoiserConfig(3, 4, 48, 2, 2, 4f, 4, 16, 16, 8, true, true, true));
      other.initialize(m, 3);
      assertThatThrownBy(() -> Weights.initFrom(src, other)).hasMessageContaining("has shape");
    }
  }

  @Test
  void averageIsTheElementwiseMean() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> x = Map.of("w", m.create(new float[] {1, 2}));
      Map<String, NDArray> y = Map.of("w", m.create(new float[] {3, 6}));
      assertThat(Weights.average(List.of(x, y), m).get("w").toFloatArray()).containsExactly(2, 4);
      assertThatThrownBy(() -> Weights.average(List.of(x, Map.of("w", m.create(new float[] {1}))), m))
          .hasMessageContaining("another shape");
    }
  }
}
