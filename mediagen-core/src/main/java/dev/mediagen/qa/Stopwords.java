package dev.mediagen.qa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The stopword list of recurring-span selection (Splinter, papers-language.md §2.1: "all its tokens
 * are stopwords (NLTK-like list)" rejects a span). Shipped as the resource {@value #RESOURCE}: the
 * NLTK English core list plus {@code also, could, would}, as in Splinter's {@code masking.py} (130
 * words).
 */
public final class Stopwords {

  public static final String RESOURCE = "/dev/mediagen/qa/stopwords.txt";

  private static final Set<String> WORDS = load();

  private Stopwords() {}

  /** True when the lowercased {@code form} is a stopword. */
  public static boolean contains(String form) {
    return WORDS.contains(form);
  }

  /** The whole list (unmodifiable). */
  public static Set<String> all() {
    return WORDS;
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = Stopwords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return Set.copyOf(words);
  }
}
