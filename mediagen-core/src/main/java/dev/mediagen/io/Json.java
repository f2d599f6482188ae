package dev.mediagen.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's one JSON configuration (configs, run logs, checkpoint metadata, results), so that
 * every file is written the same deterministic way:
 *
 * <ul>
 *   <li>pretty-printed with two-space indents and {@code \n} line ends on every OS, ending in a
 *       newline;
 *   <li>object properties and map keys sorted alphabetically (records included), so the bytes do
 *       not depend on field declaration or hash order;
 *   <li>NaN and ±Infinity are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code
 *       "-Infinity"} (valid JSON) and read back into {@code double}/{@code float} fields; bare
 *       {@code NaN} tokens, as Python's {@code json} writes them, are also accepted on read;
 *   <li>unknown properties fail on read, so a config written by a different version is caught
 *       rather than silently half-applied.
 * </ul>
 *
 * Records (de)serialize through their canonical constructors, so their validation runs on read.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .defaultPrettyPrinter(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")))
          .build();

  private static final ObjectWriter LINE = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** The shared mapper. Use it as is; do not reconfigure it (shared by every caller). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as pretty JSON text ending in a newline. */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialize " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as JSON on one line, without the newline (JSON Lines records, one-line reports). */
  public static String toJsonLine(Object value) {
    try {
      return LINE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialize " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Parses JSON text into {@code type}. */
  public static <T> T fromJson(String json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }

  /** Writes {@code value} to {@code path} atomically. */
  public static void write(Path path, Object value) throws IOException {
    AtomicFiles.writeString(path, toJson(value));
  }

  /** Reads {@code path} into {@code type}; errors name the file. */
  public static <T> T read(Path path, Class<T> type) throws IOException {
    requireFile(path);
    try {
      return MAPPER.readValue(path.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new IOException(
          "cannot read "
              + type.getSimpleName()
              + " from "
              + path
              + ": "
              + e.getOriginalMessage()
              + " ("
              + location(e)
              + ")",
          e);
    }
  }

  /** Reads {@code path} as a tree; errors name the file. */
  public static JsonNode readTree(Path path) throws IOException {
    requireFile(path);
    try {
      return MAPPER.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException(
          "cannot parse JSON " + path + ": " + e.getOriginalMessage() + " (" + location(e) + ")",
          e);
    }
  }

  private static void requireFile(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException("cannot read JSON " + path + ": no such file");
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "unknown location"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
