package dev.mediagen.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic word-level tokenizer for the small QA encoder trained from scratch (Splinter,
 * papers-language.md §2.1–2.2, without WordPiece: every token is a whole word, so RSS's {@code ##}
 * boundary checks become vacuous). A token is a run of letters/digits, one other non-space
 * character (punctuation, symbols), or one of the literal specials {@code [PAD] [UNK] [CLS] [SEP]
 * [MASK] [QUESTION]} written in the text (so Splinter's fine-tuning trick of appending {@code "
 * [MASK]."} to a question works on plain strings). Each token keeps its exact surface text and
 * character offset ({@link Token}); the vocabulary is over lowercased forms.
 *
 * <p>Ids: specials 0–5 in the order above, then words by descending corpus count (ties
 * alphabetical). Unknown forms map to {@code [UNK]}. Immutable.
 */
public final class QaTokenizer {

  public static final String PAD = "[PAD]";
  public static final String UNK = "[UNK]";
  public static final String CLS = "[CLS]";
  public static final String SEP = "[SEP]";
  public static final String MASK = "[MASK]";
  public static final String QUESTION = "[QUESTION]";
  public static final List<String> SPECIALS = List.of(PAD, UNK, CLS, SEP, MASK, QUESTION);
  public static final int PAD_ID = 0;
  public static final int UNK_ID = 1;
  public static final int CLS_ID = 2;
  public static final int SEP_ID = 3;
  public static final int MASK_ID = 4;
  public static final int QUESTION_ID = 5;

  private static final String FORMAT = "mediagen.qa-tokenizer";
  private static final int VERSION = 1;
  private static final Pattern PIECE =
      Pattern.compile(
          "\\[(?:PAD|UNK|CLS|SEP|MASK|QUESTION)\\]|[\\p{L}\\p{N}\\p{M}]+|[^\\s\\p{L}\\p{N}\\p{M}]");

  private final List<String> vocabulary; // id -> form
  private final Map<String, Integer> ids;

  private QaTokenizer(List<String> words) {
    List<String> vocab = new ArrayList<>(SPECIALS);
    vocab.addAll(words);
    this.vocabulary = List.copyOf(vocab);
    this.ids = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      if (ids.put(vocabulary.get(i), i) != null) {
        throw new IllegalArgumentException(
            "duplicate vocabulary entry '" + vocabulary.get(i) + "'");
      }
    }
  }

  /** True for the six special token strings. */
  public static boolean isSpecial(String text) {
    return SPECIALS.contains(text);
  }

  /** Splits {@code text} into tokens with exact surface text and character offsets. */
  public static List<Token> tokenize(String text) {
    Matcher m = PIECE.matcher(Objects.requireNonNull(text, "text"));
    List<Token> tokens = new ArrayList<>();
    while (m.find()) {
      tokens.add(new Token(m.group(), m.start()));
    }
    return tokens;
  }

  /** The lowercased forms of {@link #tokenize}. */
  public static List<String> forms(String text) {
    return tokenize(text).stream().map(Token::form).toList();
  }

  /**
   * A vocabulary of every form seen at least {@code minCount} times in {@code texts}, the {@code
   * maxWords} most frequent (ties alphabetical); {@code maxWords <= 0} means no cap.
   */
  public static QaTokenizer build(Iterable<String> texts, int minCount, int maxWords) {
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      for (Token t : tokenize(text)) {
        if (!isSpecial(t.text())) {
          counts.merge(t.form(), 1, Integer::sum);
        }
      }
    }
    List<String> words = new ArrayList<>();
    counts.forEach(
        (w, c) -> {
          if (c >= minCount) {
            words.add(w);
          }
        });
    words.sort(
        (a, b) -> {
          int byCount = Integer.compare(counts.get(b), counts.get(a));
          return byCount != 0 ? byCount : a.compareTo(b);
        });
    return new QaTokenizer(
        maxWords > 0 && words.size() > maxWords ? words.subList(0, maxWords) : words);
  }

  /** All forms by id: the six specials, then the words. */
  public List<String> vocabulary() {
    return vocabulary;
  }

  public int size() {
    return vocabulary.size();
  }

  /** The id of a form (a special or a lowercased word); {@link #UNK_ID} when unknown. */
  public int id(String form) {
    return ids.getOrDefault(form, UNK_ID);
  }

  /** The form of an id. */
  public String form(int id) {
    if (id < 0 || id >= vocabulary.size()) {
      throw new IllegalArgumentException(
          "token id %d is outside [0, %d)".formatted(id, vocabulary.size()));
    }
    return vocabulary.get(id);
  }

  /** Ids of tokens. */
  public int[] ids(List<Token> tokens) {
    return tokens.stream().mapToInt(t -> id(t.form())).toArray();
  }

  /** Ids of forms (e.g. an RSS sequence, whose {@code [QUESTION]} entries map to its id). */
  public int[] idsOfForms(List<String> forms) {
    return forms.stream().mapToInt(this::id).toArray();
  }

  /** JSON form: format tag, version, the specials (checked on load) and the words in id order. */
  public ObjectNode toJson() {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode specials = root.putArray("specials");
    SPECIALS.forEach(specials::add);
    ArrayNode words = root.putArray("words");
    vocabulary.subList(SPECIALS.size(), vocabulary.size()).forEach(words::add);
    return root;
  }

  /** Reads {@link #toJson}'s form; rejects other formats, versions, specials and bad words. */
  public static QaTokenizer fromJson(JsonNode root) {
    String format = root.path("format").asText("");
    int version = root.path("version").asInt(-1);
    if (!FORMAT.equals(format) || version != VERSION) {
      throw new IllegalArgumentException(
          "tokenizer JSON has format \"%s\" version %d; expected \"%s\" version %d"
              .formatted(format, version, FORMAT, VERSION));
    }
    List<String> specials = new ArrayList<>();
    root.path("specials").forEach(s -> specials.add(s.asText()));
    if (!specials.equals(SPECIALS)) {
      throw new IllegalArgumentException(
          "tokenizer JSON has specials " + specials + "; this build uses " + SPECIALS);
    }
    JsonNode words = root.path("words");
    if (!words.isArray()) {
      throw new IllegalArgumentException("tokenizer JSON has no \"words\" array");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode w : words) {
      String word = w.asText();
      List<Token> pieces = tokenize(word);
      if (pieces.size() != 1 || !pieces.get(0).form().equals(word) || isSpecial(word)) {
        throw new IllegalArgumentException(
            "tokenizer JSON word \"%s\" is not one lowercased token".formatted(word));
      }
      list.add(word);
    }
    return new QaTokenizer(Collections.unmodifiableList(list));
  }

  /** Writes {@link #toJson} atomically. */
  public void save(Path path) throws IOException {
    AtomicFiles.writeString(path, Json.toJson(toJson()));
  }

  public static QaTokenizer load(Path path) throws IOException {
    try {
      return fromJson(Json.readTree(path));
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot load tokenizer " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QaTokenizer t && vocabulary.equals(t.vocabulary);
  }

  @Override
  public int hashCode() {
    return vocabulary.hashCode();
  }

  @Override
  public String toString() {
    return "QaTokenizer[size=" + size() + "]";
  }
}
