package dev.mediagen.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mediagen.io.Safetensors.Loaded;
import dev.mediagen.io.Safetensors.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Parses and validates safetensors bytes; every failure names the source and the problem. */
final class SafetensorsReader {
  /** The reference implementation's limit on the JSON header. */
  static final long MAX_HEADER_BYTES = 100_000_000L;

  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private record Entry(String name, Dtype dtype, long[] shape, long begin, long end) {}

  private SafetensorsReader() {}

  static Loaded parse(byte[] bytes, String source) throws IOException {
    if (bytes.length < 8) {
      throw corrupt(
          source, "truncated: " + bytes.length + " bytes, fewer than the 8-byte header length");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long n = buf.getLong(0); // unsigned u64 in the format; negative here means > 2^63
    if (n < 0 || n > bytes.length - 8L) {
      throw corrupt(
          source,
          "header length "
              + Long.toUnsignedString(n)
              + " exceeds the file size "
              + bytes.length
              + " (truncated file?)");
    }
    if (n > MAX_HEADER_BYTES) {
      throw corrupt(source, "header length " + n + " exceeds the limit " + MAX_HEADER_BYTES);
    }
    int dataStart = 8 + (int) n;
    long dataLen = bytes.length - (long) dataStart;
    JsonNode root = parseHeader(bytes, (int) n, source);

    Map<String, String> metadata = new TreeMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getKey().equals("__metadata__")) {
        readMetadata(field.getValue(), metadata, source);
      } else {
        entries.add(readEntry(field.getKey(), field.getValue(), dataLen, source));
      }
    }
    checkOverlaps(entries, source);

    Map<String, Tensor> tensors = new TreeMap<>();
    for (Entry e : entries) {
      tensors.put(e.name, decode(e, buf, dataStart));
    }
    return new Loaded(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
  }

  private static JsonNode parseHeader(byte[] bytes, int n, String source) throws IOException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 8, n))
              .toString();
    } catch (CharacterCodingException e) {
      throw corrupt(source, "header is not valid UTF-8");
    }
    JsonNode root;
    try {
      root = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw corrupt(source, "header is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw corrupt(source, "header is not a JSON object");
    }
    return root;
  }

  private static void readMetadata(JsonNode node, Map<String, String> out, String source)
      throws IOException {
    if (!node.isObject()) {
      throw corrupt(source, "__metadata__ is not an object of strings");
    }
    for (Map.Entry<String, JsonNode> kv : node.properties()) {
      if (!kv.getValue().isTextual()) {
        throw corrupt(
            source,
            "__metadata__ value of '" + kv.getKey() + "' is not a string: " + kv.getValue());
      }
      out.put(kv.getKey(), kv.getValue().textValue());
    }
  }

  private static Entry readEntry(String name, JsonNode node, long dataLen, String source)
      throws IOException {
    String what = "tensor '" + name + "'";
    if (!node.isObject()) {
      throw corrupt(source, what + " is not an object");
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw corrupt(source, what + " has no string 'dtype'");
    }
    Dtype dtype = Dtype.lookup(dtypeNode.textValue());
    if (dtype == null) {
      throw corrupt(
          source,
          what
              + " has unsupported dtype '"
              + dtypeNode.textValue()
              + "'; supported: "
              + Safetensors.DTYPES);
    }
    long[] shape = longs(node.get("shape"), -1, what + " 'shape'", source);
    long[] offsets = longs(node.get("data_offsets"), 2, what + " 'data_offsets'", source);
    long begin = offsets[0];
    long end = offsets[1];
    if (begin > end || end > dataLen) {
      throw corrupt(
          source,
          what
              + " data_offsets ["
              + begin
              + ","
              + end
              + "] out of range: the data "
              + "section has "
              + dataLen
              + " bytes"
              + (end > dataLen ? " (truncated file?)" : ""));
    }
    long numel;
    try {
      numel = Tensor.numel(shape);
      Math.multiplyExact(numel, dtype.size);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw corrupt(source, what + " shape " + Arrays.toString(shape) + " is too large");
    }
    if (numel * dtype.size != end - begin) {
      throw corrupt(
          source,
          what
              + " shape "
              + Arrays.toString(shape)
              + " x "
              + dtype
              + " ("
              + dtype.size
              + " bytes) = "
              + numel * dtype.size
              + " bytes but data_offsets ["
              + begin
              + ","
              + end
              + "] span "
              + (end - begin)
              + " bytes");
    }
    return new Entry(name, dtype, shape, begin, end);
  }

  /** A JSON array of non-negative integers ({@code len} of them unless negative). */
  private static long[] longs(JsonNode node, int len, String what, String source)
      throws IOException {
    if (node == null || !node.isArray() || (len >= 0 && node.size() != len)) {
      throw corrupt(
          source,
          what
              + " must be an array"
              + (len >= 0 ? " of " + len + " integers" : "")
              + ", got "
              + node);
    }
    long[] out = new long[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = node.get(i);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
        throw corrupt(source, what + " must hold non-negative integers, got " + node);
      }
      out[i] = v.longValue();
    }
    return out;
  }

  private static void checkOverlaps(List<Entry> entries, String source) throws IOException {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.removeIf(e -> e.begin == e.end); // empty tensors occupy no bytes
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    for (int i = 1; i < sorted.size(); i++) {
      Entry a = sorted.get(i - 1);
      Entry b = sorted.get(i);
      if (b.begin < a.end) {
        throw corrupt(
            source,
            "tensors '"
                + a.name
                + "' ["
                + a.begin
                + ","
                + a.end
                + "] and '"
                + b.name
                + "' ["
                + b.begin
                + ","
                + b.end
                + "] overlap");
      }
    }
  }

  private static Tensor decode(Entry e, ByteBuffer buf, int dataStart) {
    int n = (int) Tensor.numel(e.shape); // fits: the byte range is inside a Java array
    int at = dataStart + (int) e.begin;
    switch (e.dtype) {
      case F32 -> {
        float[] v = new float[n];
        buf.slice(at, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return new Tensor("F32", e.shape, v, null, null);
      }
      case F16, BF16 -> {
        float[] v = new float[n];
        boolean bf = e.dtype == Dtype.BF16;
        for (int i = 0; i < n; i++) {
          short s = buf.getShort(at + 2 * i);
          v[i] = bf ? HalfFloats.bf16ToFloat(s) : HalfFloats.f16ToFloat(s);
        }
        return new Tensor(e.dtype.name(), e.shape, v, null, null);
      }
      case I64 -> {
        long[] v = new long[n];
        buf.slice(at, n * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
        return new Tensor("I64", e.shape, null, v, null);
      }
      case I32 -> {
        int[] v = new int[n];
        buf.slice(at, n * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return new Tensor("I32", e.shape, null, null, v);
      }
      default -> throw new IllegalStateException("unhandled dtype " + e.dtype);
    }
  }

  private static IOException corrupt(String source, String problem) {
    return new IOException("corrupt safetensors file " + source + ": " + problem);
  }
}
