package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mediagen.world.Video;
import org.junit.jupiter.api.Test;

/** Hand-computed values of the metric primitives. */
class EditMetricsTest {
  private static Video image(int w, int h, float... rgbPlanes) {
    return new Video(1, h, w, rgbPlanes);
  }

  @Test
  void l1IsTheMeanAbsoluteDifference() {
    Video a = image(2, 1, 0f, 1f, 0f, 0f, 0.5f, 0.5f);
    Video b = image(2, 1, 1f, 1f, 0f, 0.25f, 0.5f, 0f);
    // |diffs| = 1, 0, 0, 0.25, 0, 0.5 → 1.75 / 6
    assertThat(EditMetrics.l1(a, b)).isCloseTo(1.75 / 6, offset(1e-9));
  }

  @Test
  void maskAndBoxIou() {
    boolean[] a = {true, true, false, false};
    boolean[] b = {false, true, true, false};
    assertThat(EditMetrics.iou(a, b)).isCloseTo(1 / 3.0, offset(1e-12));
    assertThat(EditMetrics.iou(new boolean[3], new boolean[3])).isEqualTo(1.0);
    // 2x2 boxes overlapping in one pixel: 1 / (4 + 4 - 1)
    assertThat(EditMetrics.boxIou(new int[] {0, 0, 1, 1}, new int[] {1, 1, 2, 2}))
        .isCloseTo(1 / 7.0, offset(1e-12));
    assertThat(EditMetrics.boxIou(new int[] {0, 0, 1, 1}, new int[] {3, 3, 4, 4})).isZero();
  }

  @Test
  void pixelScoresSplitChangedAndUnchangedPixels() {
    // 4 pixels, red channel only matters; target changes pixels 0 and 1
    Video source = image(4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    Video target = image(4, 1, 0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    // output: pixel 0 right, pixel 1 off by 0.1, pixel 2 kept, pixel 3 off by 0.2
    Video output = image(4, 1, 0.5f, 0.4f, 0, 0.2f, 0, 0, 0, 0, 0, 0, 0, 0);
    double[] p = EditMetrics.pixels(source, target, output);
    assertThat(p[0]).isEqualTo(0.5);
    assertThat(p[1]).isEqualTo(0.5);
  }

  @Test
  void binarizeCountsOnlyNearWhitePixels() {
    // white, yellow (245,230,30), grey 0.6, black
    Video v = image(4, 1, 1f, 0.96f, 0.6f, 0f, 1f, 0.9f, 0.6f, 0f, 1f, 0.12f, 0.6f, 0f);
    assertThat(ImageOps.binarize(v)).containsExactly(true, false, true, false);
  }
}
