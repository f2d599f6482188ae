package dev.mediagen.arena.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediagen.arena.ApiError;
import io.javalin.http.Context;
import java.io.IOException;

/** Reads JSON request bodies defensively: size, content type and shape errors become 4xx with a message. */
final class Bodies {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Bodies() {}

  /** The body as a JSON object. */
  static JsonNode object(Context ctx, int maxBytes) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "send the request body as application/json (got %s)".formatted(type));
    }
    if (ctx.contentLength() > maxBytes) {
      throw new ApiError(413, "request body of %d bytes is larger than the limit of %d".formatted(ctx.contentLength(), maxBytes));
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > maxBytes) throw new ApiError(413, "request body is larger than the limit of %d bytes".formatted(maxBytes));
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new ApiError(400, "malformed JSON body: " + firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) throw new ApiError(400, "the request body must be a JSON object");
    return node;
  }

  /** A required string field of at most {@code maxChars} characters. */
  static String string(JsonNode body, String field, int maxChars) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) throw new ApiError(400, "field '%s' is missing".formatted(field));
    if (!v.isTextual()) throw new ApiError(400, "field '%s' must be a string".formatted(field));
    String s = v.asText();
    if (s.length() > maxChars) throw new ApiError(400, "field '%s' has %d characters; at most %d allowed".formatted(field, s.length(), maxChars));
    return s;
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
