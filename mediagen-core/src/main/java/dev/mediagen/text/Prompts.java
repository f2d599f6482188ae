package dev.mediagen.text;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt hygiene and Movie Gen's frame-rate control: the target FPS is written into the prompt as a
 * leading {@code "FPS-16"}-style token, so every text encoder sees it and the model learns to
 * follow it (papers-media.md §1.1 d). {@link WordTokenizer} maps it to one special token {@code
 * [FPS-k]}; MiniLM reads it as ordinary sub-words.
 */
public final class Prompts {

  /** Smallest frame rate with an FPS token. */
  public static final int MIN_FPS = 1;

  /** Largest frame rate with an FPS token (covers 24, 25, 30, 48, 50, 60). */
  public static final int MAX_FPS = 60;

  private static final Pattern LEADING_FPS =
      Pattern.compile("^\\s*FPS-(\\d{1,9})(?=\\s|$)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

  private Prompts() {}

  /** {@code "FPS-<fps> " + prompt}: the prompt with Movie Gen's frame-rate token prepended. */
  public static String withFps(String prompt, int fps) {
    Objects.requireNonNull(prompt, "prompt");
    checkFps(fps);
    OptionalInt existing = fps(prompt);
    if (existing.isPresent()) {
      throw new IllegalArgumentException(
          "prompt already starts with FPS-%d; cannot add FPS-%d: \"%s\""
              .formatted(existing.getAsInt(), fps, prompt));
    }
    return ("FPS-" + fps + " " + prompt.strip()).strip();
  }

  /** The frame rate of a leading {@code FPS-k} token (any case), or empty when there is none. */
  public static OptionalInt fps(String prompt) {
    Matcher m = LEADING_FPS.matcher(Objects.requireNonNull(prompt, "prompt"));
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** The prompt without its leading {@code FPS-k} token, stripped. */
  public static String stripFps(String prompt) {
    return LEADING_FPS.matcher(Objects.requireNonNull(prompt, "prompt")).replaceFirst("").strip();
  }

  /**
   * Trims the prompt and collapses every whitespace run (Unicode spaces included) to one space;
   * rejects a null, empty or blank prompt and one with more than {@code maxWords} words (counted
   * between spaces, an FPS token included).
   *
   * @return the normalised prompt
   */
  public static String validate(String prompt, int maxWords) {
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords %d must be >= 1".formatted(maxWords));
    }
    if (prompt == null) {
      throw new IllegalArgumentException(
          "prompt is null; expected 1..%d words".formatted(maxWords));
    }
    String normalised = WHITESPACE.matcher(prompt).replaceAll(" ").strip();
    if (normalised.isEmpty()) {
      throw new IllegalArgumentException(
          "prompt is empty or blank; expected 1..%d words".formatted(maxWords));
    }
    int words = normalised.split(" ").length;
    if (words > maxWords) {
      throw new IllegalArgumentException(
          "prompt has %d words, more than allowed (1..%d): \"%s\""
              .formatted(words, maxWords, abbreviate(normalised)));
    }
    return normalised;
  }

  /** Throws unless {@code fps} is in [{@value #MIN_FPS}, {@value #MAX_FPS}]. */
  public static int checkFps(int fps) {
    if (fps < MIN_FPS || fps > MAX_FPS) {
      throw new IllegalArgumentException(
          "fps %d is outside [%d, %d]".formatted(fps, MIN_FPS, MAX_FPS));
    }
    return fps;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
