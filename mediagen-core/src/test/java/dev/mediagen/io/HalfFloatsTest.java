package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden values from numpy float16 and ml_dtypes bfloat16 (round to nearest even). */
class HalfFloatsTest {
  // {float bits, expected F16 bits, expected BF16 bits}
  private static final int[][] GOLDEN = {
    {Float.floatToIntBits(1.0f), 0x3c00, 0x3f80},
    {Float.floatToIntBits(-2.0f), 0xc000, 0xc000},
    {Float.floatToIntBits(0.1f), 0x2e66, 0x3dcd},
    {Float.floatToIntBits(1f / 3), 0x3555, 0x3eab},
    {Float.floatToIntBits(65504f), 0x7bff, 0x4780},
    {Float.floatToIntBits(65520f), 0x7c00, 0x4780}, // F16 overflow rounds to inf
    {Float.floatToIntBits(1e-8f), 0x0000, 0x322c},
    {Float.floatToIntBits(3e-8f), 0x0001, 0x3301}, // rounds up to the smallest subnormal
    {Float.floatToIntBits(0x1p-25f), 0x0000, 0x3300}, // exact tie between 0 and 2^-24: even = 0
    {Float.floatToIntBits(6.1e-5f), 0x03ff, 0x3880}, // largest subnormal
    {Float.floatToIntBits(1.00048828125f), 0x3c00, 0x3f80}, // tie, rounds down to even
    {Float.floatToIntBits(1.00146484375f), 0x3c02, 0x3f80}, // tie, rounds up to even
    {Float.floatToIntBits((float) Math.PI), 0x4248, 0x4049},
    {Float.floatToIntBits(-0.0f), 0x8000, 0x8000},
    {Float.floatToIntBits(Float.POSITIVE_INFINITY), 0x7c00, 0x7f80},
    {Float.floatToIntBits(1e10f), 0x7c00, 0x5015},
    {0x3f808000, 0x3c04, 0x3f80}, // bf16 tie -> even (down)
    {0x3f818000, 0x3c0c, 0x3f82}, // bf16 tie -> even (up)
    {0x3f808001, 0x3c04, 0x3f81}, // just above the tie
    {0x7f7fffff, 0x7c00, 0x7f80}, // max float overflows bf16 to inf, as torch does
  };

  @Test
  void narrowingMatchesNumpyAndMlDtypes() {
    for (int[] g : GOLDEN) {
      float f = Float.intBitsToFloat(g[0]);
      assertThat(HalfFloats.floatToF16(f) & 0xffff).as("f16 of %s", f).isEqualTo(g[1]);
      assertThat(HalfFloats.floatToBf16(f) & 0xffff).as("bf16 of %s", f).isEqualTo(g[2]);
    }
  }

  @Test
  void widening() {
    assertThat(HalfFloats.bf16ToFloat((short) 0x4049)).isEqualTo(3.140625f);
    assertThat(HalfFloats.bf16ToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(Float.floatToRawIntBits(HalfFloats.bf16ToFloat((short) 0x8000)))
        .isEqualTo(0x80000000);
    assertThat(HalfFloats.f16ToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
    assertThat(HalfFloats.f16ToFloat((short) 0x7bff)).isEqualTo(65504f);
    assertThat(HalfFloats.f16ToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(HalfFloats.f16ToFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);
    assertThat(HalfFloats.f16ToFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(HalfFloats.f16ToFloat((short) 0x7e00)).isNaN();
    assertThat(HalfFloats.bf16ToFloat((short) 0x7fc0)).isNaN();
  }

  @Test
  void everyHalfRoundTripsExactly() {
    for (int h = 0; h < 0x10000; h++) {
      float f = HalfFloats.f16ToFloat((short) h);
      if (Float.isNaN(f)) {
        assertThat(HalfFloats.f16ToFloat(HalfFloats.floatToF16(f))).isNaN();
        continue;
      }
      assertThat(HalfFloats.floatToF16(f) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
      assertThat(HalfFloats.floatToBf16(HalfFloats.bf16ToFloat((short) h)) & 0xffff)
          .as("bf16 0x%04x", h)
          .isEqualTo(h);
    }
  }

  @Test
  void midpointsBetweenPositiveHalvesRoundToTheEvenNeighbour() {
    for (int h = 0; h < 0x7bff; h++) {
      double lo = HalfFloats.f16ToFloat((short) h);
      double hi = HalfFloats.f16ToFloat((short) (h + 1));
      float mid = (float) ((lo + hi) / 2); // exact in float: halves have 11 significant bits
      int expected = (h & 1) == 0 ? h : h + 1;
      assertThat(HalfFloats.floatToF16(mid) & 0xffff)
          .as("midpoint after 0x%04x", h)
          .isEqualTo(expected);
      assertThat(HalfFloats.floatToF16(Math.nextUp(mid)) & 0xffff).isEqualTo(h + 1);
      assertThat(HalfFloats.floatToF16(Math.nextDown(mid)) & 0xffff).isEqualTo(h);
    }
  }
}
