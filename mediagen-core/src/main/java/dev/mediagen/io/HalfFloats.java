package dev.mediagen.io;

/**
 * Conversions between {@code float} and the two 16-bit float formats of checkpoints: IEEE 754
 * binary16 ("F16") and bfloat16 ("BF16", the top half of a binary32). Widening is exact; narrowing
 * rounds to nearest, ties to even, as PyTorch and numpy do. Pure Java because DJL's BF16 path
 * aborts the JVM (STACK-engine.md P3).
 */
public final class HalfFloats {
  private HalfFloats() {}

  /** Widens bfloat16 bits to float: exactly {@code bits << 16}. */
  public static float bf16ToFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }

  /** Narrows to bfloat16, round to nearest even; NaN stays NaN (quiet), overflow becomes ±inf. */
  public static short floatToBf16(float f) {
    int bits = Float.floatToRawIntBits(f);
    if (Float.isNaN(f)) {
      return (short) ((bits >>> 16) | 0x0040);
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }

  /** Widens IEEE binary16 bits to float (exact, including subnormals, ±0, ±inf and NaN). */
  public static float f16ToFloat(short bits) {
    int h = bits & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0x1f) { // inf or NaN: keep the payload in the top mantissa bits
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      // zero or subnormal: mant * 2^-24, exact in float
      float magnitude = mant * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
  }

  /** Narrows to IEEE binary16, round to nearest even; overflow becomes ±inf, NaN stays NaN. */
  public static short floatToF16(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exp = (bits >>> 23) & 0xff;
    int mant = bits & 0x7fffff;
    if (exp == 0xff) { // inf or NaN (NaN forced quiet so it cannot turn into inf)
      return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
    }
    int e = exp - 127 + 15; // re-biased exponent
    if (e >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (e <= 0) { // half subnormal (or zero): value = m * 2^-24 with m = (1.mant) * 2^(e+9)
      if (e < -10) {
        return (short) sign; // below half the smallest subnormal: rounds to ±0
      }
      int full = mant | 0x800000;
      int shift = 14 - e;
      return (short) (sign | roundShift(full, shift));
    }
    // normal: drop 13 mantissa bits; a carry may ripple into the exponent (up to inf), which is
    // right
    return (short) (sign | roundShift((e << 23) | mant, 13));
  }

  /** {@code value >> shift}, rounded to nearest with ties to even. */
  private static int roundShift(int value, int shift) {
    int kept = value >>> shift;
    int rem = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (rem > half || (rem == half && (kept & 1) != 0)) {
      kept++;
    }
    return kept;
  }
}
