package dev.mediagen.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level tokenizer for the visual-text path: Movie Gen feeds the quoted text of a prompt (the
 * words to be rendered in the video, e.g. a sign reading {@code "42"}) to ByT5, a character-level
 * encoder (papers-media.md §1.1 d). Ids follow ByT5: {@code PAD=0, EOS=1, UNK=2}, byte {@code b} of
 * the UTF-8 encoding is {@code b + 3}; vocabulary size {@value #VOCAB_SIZE}. Stateless; all methods
 * are pure.
 */
public final class CharTokenizer {

  public static final int PAD_ID = 0;
  public static final int EOS_ID = 1;

  /** Reserved as in ByT5; never produced (every byte has an id). */
  public static final int UNK_ID = 2;

  /** Offset of byte ids: byte {@code b} (0..255) is id {@code b + BYTE_OFFSET}. */
  public static final int BYTE_OFFSET = 3;

  public static final int VOCAB_SIZE = 256 + BYTE_OFFSET;

  // "..." or “...”, or '...' / ‘...’ where the single quotes are not apostrophes inside a word
  private static final Pattern QUOTED =
      Pattern.compile(
          "\"([^\"]*)\"|“([^”]*)”|(?<![\\p{L}\\p{N}])'([^']*)'(?![\\p{L}\\p{N}])|‘([^’]*)’");

  private CharTokenizer() {}

  /**
   * The non-blank quoted spans of a prompt, left to right: {@code a sign saying "OPEN" and 'hi'}
   * gives {@code [OPEN, hi]}. Apostrophes inside words ({@code dog's}) do not open a quote;
   * unclosed quotes are ignored.
   */
  public static List<String> quoted(String prompt) {
    Matcher m = QUOTED.matcher(Objects.requireNonNull(prompt, "prompt"));
    List<String> spans = new ArrayList<>();
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        String span = m.group(g);
        if (span != null && !span.isBlank()) {
          spans.add(span);
        }
      }
    }
    return spans;
  }

  /**
   * UTF-8 bytes of {@code text} as ids, then {@code EOS}.
   *
   * @throws IllegalArgumentException if that is longer than {@code maxLen} (never truncated)
   */
  public static int[] encode(String text, int maxLen) {
    return encodeSpans(List.of(Objects.requireNonNull(text, "text")), maxLen);
  }

  /**
   * The quoted spans of a prompt, each as bytes followed by {@code EOS}; just {@code [EOS]} when
   * there are none, so the char encoder always has a token to attend to.
   */
  public static int[] encodeQuoted(String prompt, int maxLen) {
    return encodeSpans(quoted(prompt), maxLen);
  }

  /** {@link #encode} of every text, padded with {@code PAD} to the longest. */
  public static Encoded encodeBatch(List<String> texts, int maxLen) {
    List<int[]> rows = new ArrayList<>(texts.size());
    for (String text : texts) {
      rows.add(encode(text, maxLen));
    }
    return Encoded.pad(rows);
  }

  /** {@link #encodeQuoted} of every prompt, padded with {@code PAD} to the longest. */
  public static Encoded encodeQuotedBatch(List<String> prompts, int maxLen) {
    List<int[]> rows = new ArrayList<>(prompts.size());
    for (String prompt : prompts) {
      rows.add(encodeQuoted(prompt, maxLen));
    }
    return Encoded.pad(rows);
  }

  /** The spans of an id sequence, split at {@code EOS}; {@code PAD} and {@code UNK} are skipped. */
  public static List<String> decode(int[] ids) {
    List<String> spans = new ArrayList<>();
    byte[] buf = new byte[ids.length];
    int n = 0;
    for (int id : ids) {
      if (id < 0 || id >= VOCAB_SIZE) {
        throw new IllegalArgumentException(
            "char token id %d is outside [0, %d)".formatted(id, VOCAB_SIZE));
      }
      if (id == EOS_ID) {
        spans.add(new String(buf, 0, n, StandardCharsets.UTF_8));
        n = 0;
      } else if (id >= BYTE_OFFSET) {
        buf[n++] = (byte) (id - BYTE_OFFSET);
      }
    }
    if (n > 0) {
      spans.add(new String(buf, 0, n, StandardCharsets.UTF_8));
    }
    return spans;
  }

  private static int[] encodeSpans(List<String> spans, int maxLen) {
    if (maxLen < 1) {
      throw new IllegalArgumentException("maxLen %d must be >= 1 (EOS)".formatted(maxLen));
    }
    List<byte[]> bytes = new ArrayList<>(spans.size());
    int total = 0;
    for (String span : spans) {
      byte[] b = span.getBytes(StandardCharsets.UTF_8);
      bytes.add(b);
      total += b.length + 1;
    }
    total = Math.max(total, 1);
    if (total > maxLen) {
      throw new IllegalArgumentException(
          "text has %d byte tokens (including EOS), more than maxLen %d (allowed 1..%d): %s"
              .formatted(total, maxLen, maxLen, abbreviate(spans.toString())));
    }
    int[] ids = new int[total];
    int i = 0;
    for (byte[] b : bytes) {
      for (byte x : b) {
        ids[i++] = (x & 0xff) + BYTE_OFFSET;
      }
      ids[i++] = EOS_ID;
    }
    if (bytes.isEmpty()) {
      ids[0] = EOS_ID;
    }
    return ids;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
