package dev.mediagen.io;

import dev.mediagen.io.Safetensors.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes tensors exactly as the reference safetensors writer does (see {@link Safetensors}).
 */
final class SafetensorsWriter {
  private SafetensorsWriter() {}

  static List<Map.Entry<String, Tensor>> order(Map<String, Tensor> tensors) {
    List<Map.Entry<String, Tensor>> order = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Objects.requireNonNull(e.getKey(), "tensor name");
      Objects.requireNonNull(e.getValue(), () -> "tensor '" + e.getKey() + "' is null");
      if (e.getKey().equals("__metadata__")) {
        throw new IllegalArgumentException("'__metadata__' is reserved and cannot name a tensor");
      }
      order.add(Map.entry(e.getKey(), e.getValue()));
    }
    // the reference writer's order: widest dtype first, then by name
    order.sort(
        Comparator.comparing(
                (Map.Entry<String, Tensor> e) -> -Dtype.parse(e.getValue().dtype()).ordinal())
            .thenComparing(Map.Entry::getKey));
    return order;
  }

  static byte[] header(List<Map.Entry<String, Tensor>> order, Map<String, String> metadata) {
    StringBuilder sb = new StringBuilder("{");
    if (metadata != null) {
      sb.append("\"__metadata__\":{");
      List<String> keys = metadata.keySet().stream().sorted().toList();
      for (int i = 0; i < keys.size(); i++) {
        String v = Objects.requireNonNull(metadata.get(keys.get(i)), "metadata value");
        sb.append(i > 0 ? "," : "").append(quote(keys.get(i))).append(':').append(quote(v));
      }
      sb.append('}');
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : order) {
      Tensor t = e.getValue();
      long end = offset + t.byteSize();
      sb.append(sb.length() > 1 ? "," : "").append(quote(e.getKey()));
      sb.append(":{\"dtype\":\"").append(t.dtype()).append("\",\"shape\":[");
      long[] shape = t.shape();
      for (int i = 0; i < shape.length; i++) {
        sb.append(i > 0 ? "," : "").append(shape[i]);
      }
      sb.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
    }
    sb.append('}');
    byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8; // the reference pads with spaces to a multiple of 8
    byte[] out = Arrays.copyOf(json, padded);
    Arrays.fill(out, json.length, padded, (byte) ' ');
    return out;
  }

  /** JSON string literal escaped as serde_json does (control characters, quote and backslash). */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  static void writeTo(OutputStream out, byte[] header, List<Map.Entry<String, Tensor>> order)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(header.length);
    flush(buf, out);
    out.write(header);
    for (Map.Entry<String, Tensor> e : order) {
      Tensor t = e.getValue();
      switch (Dtype.parse(t.dtype())) {
        case F32 -> {
          for (float v : t.floats()) {
            ensure(buf, out, 4).putFloat(v);
          }
        }
        case F16 -> {
          for (float v : t.floats()) {
            ensure(buf, out, 2).putShort(HalfFloats.floatToF16(v));
          }
        }
        case BF16 -> {
          for (float v : t.floats()) {
            ensure(buf, out, 2).putShort(HalfFloats.floatToBf16(v));
          }
        }
        case I64 -> {
          for (long v : t.longs()) {
            ensure(buf, out, 8).putLong(v);
          }
        }
        case I32 -> {
          for (int v : t.ints()) {
            ensure(buf, out, 4).putInt(v);
          }
        }
      }
    }
    flush(buf, out);
  }

  private static ByteBuffer ensure(ByteBuffer buf, OutputStream out, int bytes) throws IOException {
    if (buf.remaining() < bytes) {
      flush(buf, out);
    }
    return buf;
  }

  private static void flush(ByteBuffer buf, OutputStream out) throws IOException {
    out.write(buf.array(), 0, buf.position());
    buf.clear();
  }
}
