package dev.mediagen.io;

import java.util.Locale;

/**
 * The safetensors dtypes we support, declared narrowest first: the reference writer lays tensors
 * out widest first (descending declaration order here), then by name.
 */
enum Dtype {
  F16(2, Kind.FLOAT),
  BF16(2, Kind.FLOAT),
  I32(4, Kind.INT),
  F32(4, Kind.FLOAT),
  I64(8, Kind.LONG);

  /** Which Java array holds the values. */
  enum Kind {
    FLOAT("float[]"),
    INT("int[]"),
    LONG("long[]");

    final String array;

    Kind(String array) {
      this.array = array;
    }
  }

  final int size;
  final Kind kind;

  Dtype(int size, Kind kind) {
    this.size = size;
    this.kind = kind;
  }

  /** The dtype named {@code name} (as written in a safetensors header), or null if unsupported. */
  static Dtype lookup(String name) {
    for (Dtype d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }

  static Dtype parse(String name) {
    Dtype d = name == null ? null : lookup(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "unsupported dtype '"
              + name
              + "'; supported: "
              + Safetensors.DTYPES
              + (name != null && lookup(name.toUpperCase(Locale.ROOT)) != null
                  ? " (upper case)"
                  : ""));
    }
    return d;
  }
}
