package dev.mediagen.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level tokenizer for the small trainable text encoder (our stand-in for Movie Gen's
 * trainable-from-scratch context; papers-media.md §1.1 d). Text is lowercased and split into words
 * (letter/digit runs), single punctuation marks and {@code FPS-k} frame-rate tokens.
 *
 * <p>Ids are fixed and deterministic: {@code [PAD]=0, [UNK]=1, [BOS]=2, [EOS]=3}, then {@code
 * [FPS-1]..[FPS-60]} at 4..63, then the vocabulary words in sorted order from {@value
 * #FIRST_WORD_ID}. Unknown words and out-of-range {@code FPS-k} map to {@code [UNK]}; nothing
 * crashes on odd input. {@link #encode} wraps a text in {@code [BOS] ... [EOS]}, so even an empty
 * caption (classifier-free guidance's null text) has two tokens to attend to. Immutable and
 * thread-safe.
 */
public final class WordTokenizer {

  public static final String PAD = "[PAD]";
  public static final String UNK = "[UNK]";
  public static final String BOS = "[BOS]";
  public static final String EOS = "[EOS]";
  public static final int PAD_ID = 0;
  public static final int UNK_ID = 1;
  public static final int BOS_ID = 2;
  public static final int EOS_ID = 3;

  /** Id of {@code [FPS-1]}; {@code [FPS-k]} is {@code FIRST_FPS_ID + k - 1}. */
  public static final int FIRST_FPS_ID = 4;

  /** Id of the first vocabulary word. */
  public static final int FIRST_WORD_ID = FIRST_FPS_ID + Prompts.MAX_FPS - Prompts.MIN_FPS + 1;

  private static final String FORMAT = "mediagen.word-tokenizer";
  private static final int VERSION = 1;
  private static final Pattern PIECE =
      Pattern.compile("fps-\\d+(?![\\p{L}\\p{N}])|[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");
  private static final Pattern FPS_PIECE = Pattern.compile("fps-(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> vocabulary; // id -> token
  private final Map<String, Integer> ids; // word -> id (words only; specials are resolved in id())

  private WordTokenizer(List<String> words) {
    List<String> vocab = new ArrayList<>(FIRST_WORD_ID + words.size());
    vocab.addAll(List.of(PAD, UNK, BOS, EOS));
    for (int fps = Prompts.MIN_FPS; fps <= Prompts.MAX_FPS; fps++) {
      vocab.add(fpsToken(fps));
    }
    vocab.addAll(words);
    this.vocabulary = List.copyOf(vocab);
    this.ids = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      ids.put(words.get(i), FIRST_WORD_ID + i);
    }
  }

  /**
   * A tokenizer over the given words (lowercased, deduplicated, sorted). Each entry must be one
   * piece as {@link #split} sees it (a word or one punctuation mark), not an FPS token.
   */
  public static WordTokenizer fromWords(Collection<String> words) {
    TreeSet<String> sorted = new TreeSet<>();
    for (String w : words) {
      Objects.requireNonNull(w, "word");
      List<String> pieces = split(w);
      if (pieces.size() != 1 || FPS_PIECE.matcher(pieces.get(0)).matches()) {
        throw new IllegalArgumentException(
            "vocabulary entry \"%s\" splits into %s; expected exactly one word or punctuation mark"
                .formatted(w, pieces));
      }
      sorted.add(pieces.get(0));
    }
    return new WordTokenizer(new ArrayList<>(sorted));
  }

  /** A tokenizer over every piece of the given texts (FPS tokens excluded: their ids are fixed). */
  public static WordTokenizer fromTexts(Collection<String> texts) {
    TreeSet<String> words = new TreeSet<>();
    for (String text : texts) {
      for (String piece : split(text)) {
        if (!FPS_PIECE.matcher(piece).matches()) {
          words.add(piece);
        }
      }
    }
    return new WordTokenizer(new ArrayList<>(words));
  }

  /** Lowercases and splits into words, single punctuation marks and {@code fps-k} pieces. */
  public static List<String> split(String text) {
    Matcher m = PIECE.matcher(Objects.requireNonNull(text, "text").toLowerCase(Locale.ROOT));
    List<String> pieces = new ArrayList<>();
    while (m.find()) {
      pieces.add(m.group());
    }
    return pieces;
  }

  /** All tokens by id: specials, FPS tokens, then words. */
  public List<String> vocabulary() {
    return vocabulary;
  }

  public int size() {
    return vocabulary.size();
  }

  /** The id of one piece from {@link #split}; {@link #UNK_ID} when it is not in the vocabulary. */
  public int id(String piece) {
    Matcher fps = FPS_PIECE.matcher(piece);
    if (fps.matches()) {
      String digits = fps.group(1);
      int k = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
      return k >= Prompts.MIN_FPS && k <= Prompts.MAX_FPS
          ? FIRST_FPS_ID + k - Prompts.MIN_FPS
          : UNK_ID;
    }
    return ids.getOrDefault(piece, UNK_ID);
  }

  /** The token of an id. */
  public String token(int id) {
    if (id < 0 || id >= vocabulary.size()) {
      throw new IllegalArgumentException(
          "token id %d is outside [0, %d)".formatted(id, vocabulary.size()));
    }
    return vocabulary.get(id);
  }

  /**
   * {@code [BOS] pieces... [EOS]} as ids.
   *
   * @throws IllegalArgumentException if that is longer than {@code maxLen} (never truncated)
   */
  public int[] encode(String text, int maxLen) {
    if (maxLen < 2) {
      throw new IllegalArgumentException(
          "maxLen %d must be >= 2 ([BOS] + [EOS])".formatted(maxLen));
    }
    List<String> pieces = split(text);
    if (pieces.size() + 2 > maxLen) {
      throw new IllegalArgumentException(
          "text has %d tokens (including [BOS] and [EOS]), more than maxLen %d (allowed 2..%d): %s"
              .formatted(pieces.size() + 2, maxLen, maxLen, "\"" + abbreviate(text) + "\""));
    }
    int[] out = new int[pieces.size() + 2];
    out[0] = BOS_ID;
    for (int i = 0; i < pieces.size(); i++) {
      out[i + 1] = id(pieces.get(i));
    }
    out[out.length - 1] = EOS_ID;
    return out;
  }

  /** {@link #encode} of every text, padded with {@code [PAD]} to the longest. */
  public Encoded encodeBatch(List<String> texts, int maxLen) {
    List<int[]> rows = new ArrayList<>(texts.size());
    for (String text : texts) {
      rows.add(encode(text, maxLen));
    }
    return Encoded.pad(rows);
  }

  /** The tokens of {@code ids} joined by spaces, {@code [PAD]} skipped. */
  public String decode(int[] ids) {
    List<String> tokens = new ArrayList<>(ids.length);
    for (int id : ids) {
      if (id != PAD_ID) {
        tokens.add(token(id));
      }
    }
    return String.join(" ", tokens);
  }

  /** JSON form: format tag, version and the words (specials and FPS ids are fixed by version). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("minFps", Prompts.MIN_FPS);
    root.put("maxFps", Prompts.MAX_FPS);
    ArrayNode words = root.putArray("words");
    vocabulary.subList(FIRST_WORD_ID, vocabulary.size()).forEach(words::add);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads {@link #toJson}'s form; rejects other formats, versions, FPS ranges and unsorted words.
   */
  public static WordTokenizer fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("word tokenizer JSON is malformed: " + e.getMessage(), e);
    }
    String format = root.path("format").asText("");
    int version = root.path("version").asInt(-1);
    if (!FORMAT.equals(format) || version != VERSION) {
      throw new IllegalArgumentException(
          "JSON has format \"%s\" version %d; expected \"%s\" version %d"
              .formatted(format, version, FORMAT, VERSION));
    }
    int minFps = root.path("minFps").asInt(-1);
    int maxFps = root.path("maxFps").asInt(-1);
    if (minFps != Prompts.MIN_FPS || maxFps != Prompts.MAX_FPS) {
      throw new IllegalArgumentException(
          "JSON has FPS tokens %d..%d; this build uses %d..%d"
              .formatted(minFps, maxFps, Prompts.MIN_FPS, Prompts.MAX_FPS));
    }
    JsonNode words = root.path("words");
    if (!words.isArray()) {
      throw new IllegalArgumentException("JSON has no \"words\" array");
    }
    List<String> list = new ArrayList<>();
    words.forEach(w -> list.add(w.asText()));
    WordTokenizer tokenizer = fromWords(list);
    if (!tokenizer.vocabulary.subList(FIRST_WORD_ID, tokenizer.size()).equals(list)) {
      throw new IllegalArgumentException(
          "JSON words are not lowercase, unique and sorted; ids would change on load");
    }
    return tokenizer;
  }

  /** Writes {@link #toJson} to a temporary sibling, then renames it over {@code path}. */
  public void save(Path path) {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  public static WordTokenizer load(Path path) {
    try {
      return fromJson(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** {@code "[FPS-k]"}. */
  public static String fpsToken(int fps) {
    return "[FPS-" + Prompts.checkFps(fps) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WordTokenizer t && vocabulary.equals(t.vocabulary);
  }

  @Override
  public int hashCode() {
    return vocabulary.hashCode();
  }

  @Override
  public String toString() {
    return "WordTokenizer[size=" + size() + "]";
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
