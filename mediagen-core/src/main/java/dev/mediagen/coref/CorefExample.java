package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One training or evaluation input: a document's frozen token states with its gold clusters.
 *
 * @param name document name, for messages
 * @param tokens number of tokens T
 * @param states (T, dim) row-major frozen states
 * @param dim state size
 * @param clusters gold clusters over the T tokens
 * @param sentenceStarts first token of each sentence
 * @param offset position of the first token in the whole document (a crop's start, else 0)
 * @param words the T words (for string features), or null
 */
public record CorefExample(
    String name, int tokens, float[] states, int dim, List<List<Mention>> clusters, int[] sentenceStarts,
    int offset, List<String> words) {

  public CorefExample {
    if (states.length != (long) tokens * dim) {
      throw new IllegalArgumentException(
          "%s: %d state values for %d tokens × %d".formatted(name, states.length, tokens, dim));
    }
    clusters = clusters.stream().map(List::copyOf).toList();
    if (words != null && words.size() != tokens) {
      throw new IllegalArgumentException("%s: %d words for %d tokens".formatted(name, words.size(), tokens));
    }
    words = words == null ? null : List.copyOf(words);
  }

  /** A document with its states. */
  public static CorefExample of(CorefDocument doc, float[] states) {
    int[] starts = new int[doc.sentences().size()];
    int t = 0;
    for (int i = 0; i < starts.length; i++) {
      starts[i] = t;
      t += doc.sentences().get(i).size();
    }
    return new CorefExample(
        doc.name(), doc.tokenCount(), states, states.length / Math.max(1, doc.tokenCount()), doc.clusters(), starts, 0, doc.tokens());
  }

  /**
   * A random window of about {@code length} tokens that starts at a sentence start: the states of
   * its tokens and the gold mentions that lie wholly inside, shifted to the window. The whole
   * example when it is not longer than {@code length}.
   */
  public CorefExample crop(int length, SplittableRandom rng) {
    if (length <= 0 || tokens <= length) {
      return this;
    }
    int from = rng.nextInt(tokens - length + 1);
    int start = 0;
    for (int s : sentenceStarts) {
      if (s <= from) {
        start = s; // the last sentence start at or before the drawn token
      }
    }
    int end = Math.min(tokens, start + length);
    List<List<Mention>> inside = new ArrayList<>();
    for (List<Mention> cluster : clusters) {
      List<Mention> kept = new ArrayList<>();
      for (Mention m : cluster) {
        if (m.start() >= start && m.end() < end) {
          kept.add(new Mention(m.start() - start, m.end() - start));
        }
      }
      if (!kept.isEmpty()) {
        inside.add(kept);
      }
    }
    List<Integer> starts = new ArrayList<>();
    for (int s : sentenceStarts) {
      if (s >= start && s < end) {
        starts.add(s - start);
      }
    }
    float[] window = java.util.Arrays.copyOfRange(states, start * dim, end * dim);
    return new CorefExample(
        name + " [" + start + ", " + end + ")", end - start, window, dim, inside,
        starts.stream().mapToInt(Integer::intValue).toArray(), offset + start, words == null ? null : words.subList(start, end));
  }
}
