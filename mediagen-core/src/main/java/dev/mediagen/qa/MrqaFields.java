package dev.mediagen.qa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to the fields of one MRQA JSON object for {@link MrqaReader}: every missing or
 * mistyped field becomes a {@link MrqaFormatException} naming file, line and field path.
 */
final class MrqaFields {

  private final JsonNode node;
  private final String source;
  private final int line;
  private final String path;

  MrqaFields(JsonNode node, String source, int line) {
    this(node, source, line, "");
  }

  private MrqaFields(JsonNode node, String source, int line, String path) {
    this.node = node;
    this.source = source;
    this.line = line;
    this.path = path;
  }

  JsonNode node() {
    return node;
  }

  MrqaFormatException error(String problem) {
    return new MrqaFormatException(source, line, (path.isEmpty() ? "" : path + ": ") + problem);
  }

  private JsonNode field(String name) throws MrqaFormatException {
    if (!node.isObject()) {
      throw error("expected a JSON object");
    }
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw error("missing field \"" + name + "\"");
    }
    return value;
  }

  private String where(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  String string(String name) throws MrqaFormatException {
    JsonNode v = field(name);
    if (!v.isTextual()) {
      throw error("field \"" + name + "\" must be a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  MrqaFields object(String name) throws MrqaFormatException {
    JsonNode v = field(name);
    if (!v.isObject()) {
      throw error("field \"" + name + "\" must be an object, got " + v.getNodeType());
    }
    return new MrqaFields(v, source, line, where(name));
  }

  private JsonNode array(String name) throws MrqaFormatException {
    JsonNode v = field(name);
    if (!v.isArray()) {
      throw error("field \"" + name + "\" must be an array, got " + v.getNodeType());
    }
    return v;
  }

  List<MrqaFields> objects(String name) throws MrqaFormatException {
    List<MrqaFields> out = new ArrayList<>();
    JsonNode v = array(name);
    for (int i = 0; i < v.size(); i++) {
      MrqaFields f = new MrqaFields(v.get(i), source, line, where(name) + "[" + i + "]");
      if (!v.get(i).isObject()) {
        throw f.error("expected a JSON object");
      }
      out.add(f);
    }
    return out;
  }

  List<String> strings(String name) throws MrqaFormatException {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array(name)) {
      if (!s.isTextual()) {
        throw error("field \"" + name + "\" must hold strings, got " + s.getNodeType());
      }
      out.add(s.asText());
    }
    return out;
  }

  /** {@code [[token, offset], ...]}, each checked against {@code text}. */
  List<Token> tokens(String name, String text) throws MrqaFormatException {
    List<Token> out = new ArrayList<>();
    JsonNode v = array(name);
    for (int i = 0; i < v.size(); i++) {
      JsonNode t = v.get(i);
      if (!t.isArray()
          || t.size() < 2
          || !t.get(0).isTextual()
          || !t.get(1).canConvertToInt()
          || t.get(0).asText().isEmpty()
          || t.get(1).asInt() < 0) {
        throw error("%s[%d] must be [non-empty token, offset >= 0], got %s".formatted(name, i, t));
      }
      Token token = new Token(t.get(0).asText(), t.get(1).asInt());
      if (!text.startsWith(token.text(), token.start())) {
        throw error(
            "%s[%d] \"%s\" does not occur at offset %d"
                .formatted(name, i, token.text(), token.start()));
      }
      out.add(token);
    }
    return out;
  }

  /** {@code [[start, end], ...]}, inclusive, with {@code 0 <= start <= end}. */
  List<Span> spans(String name) throws MrqaFormatException {
    List<Span> out = new ArrayList<>();
    for (JsonNode s : array(name)) {
      if (!s.isArray()
          || s.size() != 2
          || !s.get(0).canConvertToInt()
          || !s.get(1).canConvertToInt()
          || s.get(0).asInt() < 0
          || s.get(1).asInt() < s.get(0).asInt()) {
        throw error(
            "field \"" + name + "\" must hold [start, end] with 0 <= start <= end, got " + s);
      }
      out.add(new Span(s.get(0).asInt(), s.get(1).asInt()));
    }
    return out;
  }
}
