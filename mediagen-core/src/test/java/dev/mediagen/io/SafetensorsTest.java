package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.io.Safetensors.Loaded;
import dev.mediagen.io.Safetensors.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path dir;

  /**
   * Built by hand from the format spec; identical to {@code safetensors.numpy.save({"b":
   * int64[[1,-2]], "a": float32[1,-2,0.5]}, metadata={"format":"pt"})} (safetensors 0.8.0): the I64
   * tensor comes first (widest dtype first), the header is padded with one space to 144 = 18 x 8.
   */
  private static byte[] golden() {
    String header =
        "{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"b\":{\"dtype\":\"I64\",\"shape\":[1,2],\"data_offsets\":[0,16]},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[16,28]}} ";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HexFormat.of().parseHex("9000000000000000")); // 144, little-endian u64
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(
        HexFormat.of()
            .parseHex(
                "0100000000000000"
                    + "feffffffffffffff" // int64 1, -2
                    + "0000803f"
                    + "000000c0"
                    + "0000003f")); // float32 1, -2, 0.5
    return out.toByteArray();
  }

  private static Map<String, Tensor> goldenTensors() {
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("a", Tensor.f32(new float[] {1, -2, 0.5f}, 3));
    t.put("b", Tensor.i64(new long[] {1, -2}, 1, 2));
    return t;
  }

  @Test
  void writesGoldenBytes() throws IOException {
    assertThat(golden()).hasSize(180);
    Path f = dir.resolve("g.safetensors");
    Safetensors.write(f, goldenTensors(), Map.of("format", "pt"));
    assertThat(Files.readAllBytes(f)).isEqualTo(golden());
  }

  @Test
  void readsGoldenBytes() throws IOException {
    Loaded l = Safetensors.fromBytes(golden(), "golden");
    assertThat(l.metadata()).containsExactly(Map.entry("format", "pt"));
    assertThat(l.tensors()).containsOnlyKeys("a", "b");
    assertThat(l.get("a").floats()).containsExactly(1f, -2f, 0.5f);
    assertThat(l.get("a").shape()).containsExactly(3);
    assertThat(l.get("b").longs()).containsExactly(1L, -2L);
    assertThat(l.get("b").shape()).containsExactly(1, 2);
    assertThat(l.tensors()).isEqualTo(goldenTensors());
  }

  @Test
  void halfPrecisionGoldenBytesAndWidening() throws IOException {
    // reference: save({"z": bfloat16[1, pi, -0]}) and save({"x": float16[1,-2], "y": int32[1,2]})
    byte[] bf =
        Safetensors.toBytes(
            Map.of("z", Tensor.bf16(new float[] {1, (float) Math.PI, -0f}, 3)), null);
    assertThat(new String(bf, 8, 56, StandardCharsets.US_ASCII))
        .isEqualTo("{\"z\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[0,6]}} ");
    assertThat(HexFormat.of().formatHex(bf, 64, 70)).isEqualTo("803f49400080");
    Loaded l = Safetensors.fromBytes(bf, "bf");
    assertThat(l.get("z").floats()).containsExactly(1f, 3.140625f, -0f); // bits << 16
    assertThat(l.get("z").dtype()).isEqualTo("BF16");

    byte[] h =
        Safetensors.toBytes(
            Map.of("x", Tensor.f16(new float[] {1, -2}, 2), "y", Tensor.i32(new int[] {1, 2}, 2)),
            null);
    String hdr =
        "{\"y\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"x\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[8,12]}}    ";
    assertThat(h).hasSize(8 + 112 + 12);
    assertThat(new String(h, 8, 112, StandardCharsets.US_ASCII)).isEqualTo(hdr);
    assertThat(HexFormat.of().formatHex(h, 120, 132)).isEqualTo("0100000002000000" + "003c00c0");
    assertThat(Safetensors.fromBytes(h, "h").get("x").floats()).containsExactly(1f, -2f);
  }

  @Test
  void roundTripIsExactAndDeterministic() throws IOException {
    float[] w = new float[6 * 5];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) rnd.nextGaussian();
    }
    Map<String, Tensor> hash = new java.util.HashMap<>();
    hash.put("layer.0.weight", Tensor.f32(w, 6, 5));
    hash.put("step", Tensor.i64(new long[] {Long.MAX_VALUE}));
    hash.put("empty", Tensor.f32(new float[0], 0, 3));
    hash.put("ids", Tensor.i32(new int[] {Integer.MIN_VALUE, 0, 7}, 3));
    hash.put("half", Tensor.f16(new float[] {0.5f, 65504f}, 2));
    Map<String, String> meta = Map.of("config", "{\"d\":64}", "b", "é\n\"");
    Path f1 = dir.resolve("one.safetensors");
    Path f2 = dir.resolve("two.safetensors");
    Safetensors.write(f1, hash, meta);
    Safetensors.write(f2, new TreeMap<>(hash), new TreeMap<>(meta)); // other iteration orders
    assertThat(Files.readAllBytes(f1)).isEqualTo(Files.readAllBytes(f2));
    assertThat(Files.size(f1) % 8).isZero(); // 8-aligned header + 8-byte I64 first
    Loaded l = Safetensors.read(f1);
    assertThat(l.tensors()).isEqualTo(hash);
    assertThat(l.metadata()).isEqualTo(meta);
    assertThat(l.get("step").shape()).isEmpty(); // scalar
    assertThat(l.get("empty").numel()).isZero();
  }

  // ---- corruption: every case names the file and the problem ----

  private void assertCorrupt(byte[] bytes, String... fragments) throws IOException {
    Path f = dir.resolve("bad.safetensors");
    Files.write(f, bytes);
    assertThatThrownBy(() -> Safetensors.read(f))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContainingAll(fragments);
  }

  private static byte[] withHeader(String header, int dataBytes) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    return b.array();
  }

  @Test
  void rejectsTruncatedFiles() throws IOException {
    assertCorrupt(new byte[5], "truncated", "5 bytes");
    byte[] g = golden();
    assertCorrupt(Arrays.copyOf(g, 100), "header length 144 exceeds the file size 100");
    assertCorrupt(Arrays.copyOf(g, g.length - 1), "tensor 'a'", "[16,28] out of range", "27 bytes");
  }

  @Test
  void rejectsHugeOrNegativeHeaderLength() throws IOException {
    byte[] g = golden();
    Arrays.fill(g, 0, 8, (byte) 0xff);
    assertCorrupt(g, "header length 18446744073709551615 exceeds the file size 180");
  }

  @Test
  void rejectsBadOffsets() throws IOException {
    assertCorrupt(
        withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4),
        "tensor 'a'",
        "[4,0] out of range");
    assertCorrupt(
        withHeader(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
            8),
        "tensors 'a' [0,8] and 'b' [4,8] overlap");
    assertCorrupt(
        withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4),
        "'data_offsets' must be an array of 2 integers");
    assertCorrupt(
        withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4),
        "'shape' must hold non-negative integers");
  }

  @Test
  void rejectsSizeMismatch() throws IOException {
    assertCorrupt(
        withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", 24),
        "tensor 'a' shape [2, 3] x F32 (4 bytes) = 24 bytes but data_offsets [0,20] span 20 bytes");
    assertCorrupt(
        withHeader(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],"
                + "\"data_offsets\":[0,4]}}",
            4),
        "too large");
  }

  @Test
  void rejectsUnknownDtypeAndBadJson() throws IOException {
    assertCorrupt(
        withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8),
        "tensor 'a' has unsupported dtype 'F64'",
        "[F32, F16, BF16, I64, I32]");
    assertCorrupt(withHeader("[1,2]", 0), "not a JSON object");
    assertCorrupt(withHeader("{\"a\":", 0), "not valid JSON");
    assertCorrupt(withHeader("{\"__metadata__\":{\"k\":1}}", 0), "__metadata__ value of 'k'");
    assertCorrupt(
        withHeader(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
            4),
        "Duplicate field 'a'");
  }

  @Test
  void tensorValidationNamesTheProblem() {
    assertThatThrownBy(() -> Tensor.f32(new float[5], 2, 3))
        .hasMessageContaining("shape [2, 3] has 6 elements but data has 5");
    assertThatThrownBy(() -> new Tensor("F64", new long[] {1}, new float[1], null, null))
        .hasMessageContaining("unsupported dtype 'F64'");
    assertThatThrownBy(() -> new Tensor("I64", new long[] {1}, new float[1], null, null))
        .hasMessageContaining("needs long[] data");
    assertThatThrownBy(
            () -> Safetensors.toBytes(Map.of("__metadata__", Tensor.i32(new int[1], 1)), null))
        .hasMessageContaining("reserved");
  }

  @Test
  void writeFailureLeavesExistingFileIntact() throws IOException {
    Path f = dir.resolve("ckpt.safetensors");
    Safetensors.write(f, goldenTensors(), Map.of("format", "pt"));
    Map<String, Tensor> bad = new LinkedHashMap<>(goldenTensors());
    bad.put(null, Tensor.i32(new int[1], 1));
    assertThatThrownBy(() -> Safetensors.write(f, bad, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(Files.readAllBytes(f)).isEqualTo(golden());
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }
}
