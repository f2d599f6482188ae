package dev.mediagen.arena;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The prompt filter, checked on the server and (with the same list, served as JSON) in the page: a
 * multi-word entry matches as a substring of the lower-cased prompt, a single word matches a whole
 * token after punctuation is stripped (so "skill" does not match "kill") — the original app's rule.
 */
public final class BlockedWords {
  private final Set<String> words = new HashSet<>();
  private final List<String> phrases = new ArrayList<>();

  public BlockedWords(List<String> entries) {
    for (String e : entries) {
      String s = e.strip().toLowerCase(Locale.ROOT);
      if (s.isEmpty() || s.startsWith("#")) continue;
      if (s.contains(" ")) phrases.add(s);
      else words.add(s);
    }
  }

  /** The bundled list ({@code arena/blocked-words.txt}). */
  public static BlockedWords bundled() {
    try (InputStream in = BlockedWords.class.getResourceAsStream("/arena/blocked-words.txt")) {
      return new BlockedWords(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A list file, one entry per line ({@code #} comments). */
  public static BlockedWords read(Path file) throws IOException {
    return new BlockedWords(Files.readAllLines(file));
  }

  /** The first blocked entry {@code prompt} contains, if any. */
  public Optional<String> find(String prompt) {
    String lower = prompt.toLowerCase(Locale.ROOT);
    for (String p : phrases) {
      if (lower.contains(p)) return Optional.of(p);
    }
    for (String token : lower.split("[^\\p{L}\\p{N}]+")) {
      if (words.contains(token)) return Optional.of(token);
    }
    return Optional.empty();
  }

  /** Single words (for the client-side copy). */
  public List<String> words() {
    return words.stream().sorted().toList();
  }

  /** Multi-word phrases (for the client-side copy). */
  public List<String> phrases() {
    return List.copyOf(phrases);
  }
}
