package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mediagen.flow.VelocityField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsamplingTest {
  @Test
  void bilinearDoublingGolden() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray row = m.create(new float[] {0, 4, 8}).reshape(1, 1, 1, 1, 3).repeat(3, 2); // H = 2 identical rows
      NDArray up = Upsampling.bilinear2x(row); // (1, 1, 1, 4, 6)
      assertThat(up.getShape()).isEqualTo(new Shape(1, 1, 1, 4, 6));
      // 0 → [0·¾ + 0·¼, 0·¾ + 4·¼]; 4 → [4·¾ + 0·¼, 4·¾ + 8·¼]; 8 → [8·¾ + 4·¼, 8]
      assertThat(up.get(0, 0, 0, 0).toFloatArray()).containsExactly(new float[] {0, 1, 3, 5, 7, 8}, within(1e-6f));
      assertThat(up.get(0, 0, 0, 3).toFloatArray()).containsExactly(new float[] {0, 1, 3, 5, 7, 8}, within(1e-6f));
    }
  }

  @Test
  void degradeAveragesTwoByTwoBlocks() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 3, 5, 7, 2, 4, 6, 8, 0, 0, 1, 1, 0, 0, 1, 1}).reshape(1, 1, 1, 4, 4);
      assertThat(Upsampling.degrade(x).toFloatArray()).containsExactly(new float[] {2.5f, 6.5f, 0, 1}, within(1e-6f));
    }
  }

  @Test
  void temporalWindowsAverageOverlapsAndCoverEveryFrame() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.arange(0f, 10f).reshape(1, 1, 10, 1, 1);
      List<int[]> calls = new ArrayList<>();
      // each window returns (frame value + window start): overlapping frames average the starts
      VelocityField v = Upsampling.temporalWindows((w, t, start, len) -> {
        calls.add(new int[] {start, len});
        return w.add((float) start);
      }, 10, 4, 3);
      float[] out = v.velocity(x, 0.5f).toFloatArray();
      assertThat(calls).extracting(c -> c[0]).containsExactly(0, 3, 6);
      // frame 0: window 0 only → 0; frame 3: windows 0 and 3 → 3 + 1.5; frame 9: window 6 → 15
      assertThat(out[0]).isEqualTo(0f);
      assertThat(out[3]).isCloseTo(4.5f, within(1e-6f));
      assertThat(out[6]).isCloseTo(6 + 4.5f, within(1e-6f));
      assertThat(out[9]).isCloseTo(15f, within(1e-6f));
    }
  }

  @Test
  void theMeanOfSamplesIsPixelWiseAndHalvesIndependentNoise() {
    int n = 3 * 4 * 4;
    float[] a = new float[n], b = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = i / (float) n;
      b[i] = 1 - i / (float) n;
    }
    var mean = Upsampling.mean(java.util.List.of(new dev.mediagen.world.Video(1, 4, 4, a), new dev.mediagen.world.Video(1, 4, 4, b)));
    for (float v : mean.data()) assertThat(v).isCloseTo(0.5f, within(1e-6f));
    // the posterior-mean argument: the mean of 16 noisy copies of a clip has about 1/16 of one copy's squared error
    float[] mid = new float[n]; // inside [0.3, 0.7]: the noise is (almost) never clamped at 0 or 1
    for (int i = 0; i < n; i++) mid[i] = 0.3f + 0.4f * i / n;
    var clean = new dev.mediagen.world.Video(1, 4, 4, mid);
    var copies = new java.util.ArrayList<dev.mediagen.world.Video>();
    for (int k = 0; k < 16; k++) copies.add(clean.withNoise(0.1, k));
    double one = mse(copies.get(0), clean), avg = mse(Upsampling.mean(copies), clean);
    assertThat(avg).isLessThan(one / 8);
    assertThatThrownBy(() -> Upsampling.mean(java.util.List.of(clean, new dev.mediagen.world.Video(2, 4, 4, new float[2 * n]))))
        .hasMessageContaining("samples of different shapes: 1x4x4 and 2x4x4");
  }

  private static double mse(dev.mediagen.world.Video x, dev.mediagen.world.Video y) {
    double s = 0;
    for (int i = 0; i < x.data().length; i++) s += (x.data()[i] - y.data()[i]) * (double) (x.data()[i] - y.data()[i]);
    return s / x.data().length;
  }
}
