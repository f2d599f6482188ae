package dev.mediagen.pickscore;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import org.junit.jupiter.api.Test;

class PickScoreModelTest {
  @Test
  void bigramIdsHashAdjacentWordsAndSkipPadding() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray ids = Tensors.ints(m, new int[] {2, 5, 7, 0, 3, 4, 0, 0}, new Shape(2, 4));
      int[] got = PickScoreModel.bigramIds(ids, 100).toIntArray();
      // 1 + (a·1,000,003 + b) mod 100 by hand: (2,5) → 2,000,011 → 12; (5,7) → 5,000,022 → 23; (3,4) → 3,000,013 → 14
      assertThat(got).containsExactly(12, 23, 0, 14, 0, 0);
    }
  }

  @Test
  void aConfigWrittenBeforeBigramsReadsAsWordsOnly() throws Exception {
    String old = "{\"size\":32,\"vocab\":90,\"maxWords\":48,\"textDim\":64,\"channels\":16,\"embedDim\":64}";
    assertThat(dev.mediagen.io.Json.fromJson(old, PickScoreConfig.class)).isEqualTo(new PickScoreConfig(32, 90, 48, 64, 16, 64, 0));
  }

  @Test
  void bigramsMakeTheTextEmbeddingDependOnWordOrder() {
    int[] redCircleBlueSquare = {1, 10, 11, 12, 13, 2};
    int[] blueCircleRedSquare = {1, 12, 11, 10, 13, 2};
    for (int buckets : new int[] {0, 64}) {
      try (NDManager m = NDManager.newBaseManager()) {
        PickScoreModel model = new PickScoreModel(new PickScoreConfig(8, 16, 8, 8, 2, 4, buckets));
        model.initialize(m, 7);
        ParameterStore ps = new ParameterStore(m, false);
        float[] a = model.encodeText(ps, Tensors.ints(m, redCircleBlueSquare, new Shape(1, 6)), false).toFloatArray();
        float[] b = model.encodeText(ps, Tensors.ints(m, blueCircleRedSquare, new Shape(1, 6)), false).toFloatArray();
        if (buckets == 0) {
          assertThat(b).usingComparatorWithPrecision(1e-6f).containsExactly(a); // a bag of words cannot tell them apart
        } else {
          assertThat(b).isNotEqualTo(a);
        }
      }
    }
  }
}
