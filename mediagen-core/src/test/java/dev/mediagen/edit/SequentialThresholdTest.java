package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.mediagen.world.Video;
import org.junit.jupiter.api.Test;

/** Emu Edit's multi-turn thresholding (α = 0.03) on hand-computed fields. */
class SequentialThresholdTest {
  @Test
  void goldenOneRow() {
    // 1x5 image, previous all 0; next red = [0.2, 0, 0, 0, 0.02]
    // d = [0.2, 0, 0, 0, 0.02]; horizontal [1 2 1]/4 with clamped ends:
    //   x0 (0.2+0.4+0)/4 = 0.15, x1 (0.2+0+0)/4 = 0.05, x2 0, x3 (0+0+0.02)/4 = 0.005,
    //   x4 (0+0.04+0.02)/4 = 0.015; a single row is unchanged vertically.
    float[] prev = new float[15];
    float[] next = new float[15];
    next[0] = 0.2f;
    next[4] = 0.02f;
    float[] lp =
        SequentialThreshold.lowPass(
            SequentialThreshold.difference(new Video(1, 1, 5, prev), new Video(1, 1, 5, next), 0),
            5,
            1);
    assertThat(lp[0]).isCloseTo(0.15f, offset(1e-6f));
    assertThat(lp[1]).isCloseTo(0.05f, offset(1e-6f));
    assertThat(lp[2]).isZero();
    assertThat(lp[3]).isCloseTo(0.005f, offset(1e-6f));
    assertThat(lp[4]).isCloseTo(0.015f, offset(1e-6f));
    Video out = SequentialThreshold.apply(new Video(1, 1, 5, prev), new Video(1, 1, 5, next));
    // x0 (0.15 ≥ α) takes the new value; x4 (0.015 < α) is reverted to 0
    assertThat(out.data()[0]).isEqualTo(0.2f);
    assertThat(out.data()[4]).isZero();
  }

  @Test
  void distanceIsTheL1SumOverChannels() {
    // 3x3, previous 0; every pixel changes by 0.011 in each of R, G, B → d = 0.033 everywhere
    // (a constant field is unchanged by the low-pass) → 0.033 ≥ 0.03: all new values kept.
    float[] next = new float[27];
    java.util.Arrays.fill(next, 0.011f);
    Video kept =
        SequentialThreshold.apply(new Video(1, 3, 3, new float[27]), new Video(1, 3, 3, next));
    assertThat(kept.data()).containsOnly(0.011f);
    // the same change in one channel only: d = 0.011 < 0.03 → everything reverted
    float[] one = new float[27];
    java.util.Arrays.fill(one, 0, 9, 0.011f);
    Video reverted =
        SequentialThreshold.apply(new Video(1, 3, 3, new float[27]), new Video(1, 3, 3, one));
    assertThat(reverted.data()).containsOnly(0f);
  }

  @Test
  void centrePeakSpreadsToNeighbours() {
    // 3x3, d = 0.3 at the centre: low-pass centre 0.3·4/16 = 0.075, edge-middle 0.3·2/16·... with
    // clamping: row pass gives (0.075, 0.15, 0.075) on row 1; column pass gives row 0 = row1/4,
    // row 1 = row1/2 → corners 0.01875, edge-middles 0.0375, centre 0.075.
    float[] d = new float[9];
    d[4] = 0.3f;
    float[] lp = SequentialThreshold.lowPass(d, 3, 3);
    assertThat(lp[0]).isCloseTo(0.01875f, offset(1e-6f));
    assertThat(lp[1]).isCloseTo(0.0375f, offset(1e-6f));
    assertThat(lp[3]).isCloseTo(0.0375f, offset(1e-6f));
    assertThat(lp[4]).isCloseTo(0.075f, offset(1e-6f));
  }

  @Test
  void rejectsMismatchedShapesAndBadAlpha() {
    Video a = new Video(1, 2, 2, new float[12]);
    assertThatThrownBy(() -> SequentialThreshold.apply(a, new Video(1, 3, 2, new float[18])))
        .hasMessageContaining("shapes differ");
    assertThatThrownBy(() -> SequentialThreshold.apply(a, a, -0.1)).hasMessageContaining("-0.1");
  }
}
