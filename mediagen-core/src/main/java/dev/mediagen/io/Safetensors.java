package dev.mediagen.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pure-Java reader and writer of the <a href="https://github.com/huggingface/safetensors">
 * safetensors</a> format: an 8-byte little-endian header length N, N bytes of JSON header ({@code
 * {"name":{"dtype":..,"shape":[..],"data_offsets":[begin,end]}, "__metadata__":{..}}}) padded with
 * spaces to a multiple of 8, then the raw little-endian tensor bytes.
 *
 * <p>The writer reproduces the reference writer byte for byte (checked against {@code
 * safetensors.numpy.save} 0.8.0): {@code __metadata__} first when given (also when empty), then
 * tensors ordered by dtype, widest first ({@code I64, F32, I32, BF16, F16}), and by name within a
 * dtype; data laid out in that order, so every tensor is aligned to its element size. Metadata
 * keys are sorted (the reference writes them in hash order, so with several keys its bytes vary
 * from run to run; ours do not). The output is therefore a deterministic function of the
 * arguments. The reader validates everything (see {@link
 * #read}); it reads the whole file into memory, so files are limited to 2 GiB, which both sides
 * check (STACK-engine.md P8).
 */
public final class Safetensors {
  /** Largest file we read or write: a Java array holds the whole file. */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private Safetensors() {}

  /** The dtypes this implementation reads and writes. */
  public static final List<String> DTYPES = List.of("F32", "F16", "BF16", "I64", "I32");

  /**
   * One tensor. Floating dtypes ({@code F32, F16, BF16}) hold {@code floats} (F16/BF16 widened on
   * read and rounded to nearest even on write); {@code I64} holds {@code longs}; {@code I32} holds
   * {@code ints}; the other two arrays are null. Data arrays are not copied: do not mutate them
   * after handing them over.
   */
  public record Tensor(String dtype, long[] shape, float[] floats, long[] longs, int[] ints) {
    public Tensor {
      Dtype dt = Dtype.parse(dtype);
      Objects.requireNonNull(shape, "shape");
      shape = shape.clone();
      long n = numel(shape);
      int have =
          dt.kind == Dtype.Kind.FLOAT
              ? len(floats)
              : dt.kind == Dtype.Kind.LONG ? len(longs) : len(ints);
      if (have < 0) {
        throw new IllegalArgumentException(
            "dtype " + dtype + " needs " + dt.kind.array + " data, got none");
      }
      int others = (floats != null ? 1 : 0) + (longs != null ? 1 : 0) + (ints != null ? 1 : 0);
      if (others != 1) {
        throw new IllegalArgumentException(
            "dtype " + dtype + " takes only " + dt.kind.array + " data");
      }
      if (have != n) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " has " + n + " elements but data has " + have);
      }
    }

    public static Tensor f32(float[] data, long... shape) {
      return new Tensor("F32", shape, data, null, null);
    }

    public static Tensor f16(float[] data, long... shape) {
      return new Tensor("F16", shape, data, null, null);
    }

    public static Tensor bf16(float[] data, long... shape) {
      return new Tensor("BF16", shape, data, null, null);
    }

    public static Tensor i64(long[] data, long... shape) {
      return new Tensor("I64", shape, null, data, null);
    }

    public static Tensor i32(int[] data, long... shape) {
      return new Tensor("I32", shape, null, null, data);
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** Number of elements (1 for a scalar of shape {@code []}). */
    public long numel() {
      return numel(shape);
    }

    /** Bytes in the file: numel × element size. */
    public long byteSize() {
      return numel() * Dtype.parse(dtype).size;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tensor t
          && dtype.equals(t.dtype)
          && Arrays.equals(shape, t.shape)
          && Arrays.equals(floats, t.floats)
          && Arrays.equals(longs, t.longs)
          && Arrays.equals(ints, t.ints);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          dtype,
          Arrays.hashCode(shape),
          Arrays.hashCode(floats),
          Arrays.hashCode(longs),
          Arrays.hashCode(ints));
    }

    @Override
    public String toString() {
      return "Tensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }

    static long numel(long[] shape) {
      long n = 1;
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException(
              "negative dimension in shape " + Arrays.toString(shape));
        }
        try {
          n = Math.multiplyExact(n, d);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException(
              "shape " + Arrays.toString(shape) + " overflows a long");
        }
      }
      return n;
    }

    private static int len(Object array) {
      if (array == null) {
        return -1;
      }
      return array instanceof float[] f
          ? f.length
          : array instanceof long[] l ? l.length : ((int[]) array).length;
    }
  }

  /** A file's content: tensors sorted by name, and {@code __metadata__} (empty if absent). */
  public record Loaded(Map<String, Tensor> tensors, Map<String, String> metadata) {
    /** The tensor called {@code name}, or an exception listing the names present. */
    public Tensor get(String name) {
      Tensor t = tensors.get(name);
      if (t == null) {
        throw new IllegalArgumentException(
            "no tensor '" + name + "'; present: " + tensors.keySet());
      }
      return t;
    }
  }

  /** Writes tensors without metadata; see {@link #write(Path, Map, Map)}. */
  public static void write(Path path, Map<String, Tensor> tensors) throws IOException {
    write(path, tensors, null);
  }

  /**
   * Writes {@code tensors} (and {@code metadata} as {@code __metadata__} when non-null) to {@code
   * path} atomically. The bytes depend only on the arguments, not on map iteration order.
   */
  public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    List<Map.Entry<String, Tensor>> order = SafetensorsWriter.order(tensors);
    byte[] header = SafetensorsWriter.header(order, metadata);
    long total = 8L + header.length;
    for (Map.Entry<String, Tensor> e : order) {
      total += e.getValue().byteSize();
    }
    if (total > MAX_FILE_BYTES) {
      throw new IOException(
          "cannot write "
              + path
              + ": "
              + total
              + " bytes exceeds the 2 GiB limit of this reader/writer");
    }
    AtomicFiles.write(path, out -> SafetensorsWriter.writeTo(out, header, order));
  }

  /** The file bytes {@link #write} would produce, in memory. */
  public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
    List<Map.Entry<String, Tensor>> order = SafetensorsWriter.order(tensors);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      SafetensorsWriter.writeTo(out, SafetensorsWriter.header(order, metadata), order);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return out.toByteArray();
  }

  /**
   * Reads and validates a file. Throws an {@link IOException} naming the file and the problem for:
   * a truncated file, a header length beyond the file, a header that is not a JSON object of the
   * expected form, an unknown dtype, a shape whose byte size differs from its {@code data_offsets},
   * offsets out of range or overlapping another tensor, and files over 2 GiB. Gaps between tensors
   * are tolerated (the reference reader rejects them, but nothing is ambiguous).
   */
  public static Loaded read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_FILE_BYTES) {
      throw new IOException(
          "cannot read safetensors file " + path + ": " + size + " bytes exceeds the 2 GiB limit");
    }
    return SafetensorsReader.parse(Files.readAllBytes(path), path.toString());
  }

  /** Parses file bytes held in memory; {@code source} names them in error messages. */
  public static Loaded fromBytes(byte[] bytes, String source) throws IOException {
    return SafetensorsReader.parse(bytes, source);
  }
}
