package dev.mediagen.edit;

import dev.mediagen.world.Palette;
import dev.mediagen.world.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A baseline task predictor from instruction words, standing in for Emu Edit's fine-tuned Flan-T5
 * instruction → task classifier (papers-media.md §3.1) until a model-based predictor exists:
 * multinomial naive Bayes over delexicalised word unigrams and bigrams.
 *
 * <p>Features. The instruction is lower-cased and split on non-alphanumerics. Slot values are
 * replaced by their class, as intent classifiers do with entities, so that the task words carry the
 * decision rather than which colour or object happens to be named: object colours → {@code
 * <colour>}, background colours → {@code <bg>}, object nouns (circle, disc, ball, square, box,
 * block, triangle, object, shape, thing, one, and their plurals) → {@code <obj>}, size words →
 * {@code <size>}, position words (top, bottom, left, right, middle, center, corner, side) → {@code
 * <pos>}, numbers → {@code <num>}, universal quantifiers (all, every, each, everything, whole) →
 * {@code <all>}. Politeness and function words ("please", "could", "you", "the", "a", "of", …) are
 * dropped; other words are lightly stemmed ({@link #stem}). Features are the unigrams plus adjacent
 * bigrams, with start/end markers.
 *
 * <p>Model. {@code argmax_t log P(t) + Σ_f log P(f | t)} with add-{@value #SMOOTHING} smoothing
 * over the training vocabulary; features never seen in training are ignored. Training is one
 * counting pass, deterministic.
 */
public final class InstructionTaskClassifier {
  /** Additive (Lidstone) smoothing of feature counts. */
  public static final double SMOOTHING = 0.1;

  private static final Set<String> STOPWORDS =
      Set.of(
          "the", "a", "an", "of", "to", "it", "this", "these", "that", "me", "you", "i", "please",
          "can", "could", "kindly", "would", "like", "want", "thanks", "is", "be", "should",
          "there", "its", "for");
  private static final Set<String> QUANTIFIERS =
      Set.of("all", "every", "each", "everything", "whole");
  private static final Set<String> NOUNS =
      Set.of(
          "circle",
          "disc",
          "ball",
          "square",
          "box",
          "block",
          "triangle",
          "object",
          "shape",
          "thing",
          "one");
  private static final Set<String> SIZES = Set.of("small", "little", "large", "big");
  private static final Set<String> POSITIONS =
      Set.of("top", "bottom", "left", "right", "middle", "center", "corner", "side");
  private static final Set<String> COLOURS = new HashSet<>(Palette.objectNames());
  private static final Set<String> BACKGROUNDS = new HashSet<>(Palette.backgroundNames());

  private final Map<EditTask, Double> logPrior;
  private final Map<EditTask, Map<String, Double>> logLikelihood;
  private final Map<EditTask, Double> logUnseen;
  private final Set<String> vocabulary;

  private InstructionTaskClassifier(
      Map<EditTask, Double> logPrior,
      Map<EditTask, Map<String, Double>> logLikelihood,
      Map<EditTask, Double> logUnseen,
      Set<String> vocabulary) {
    this.logPrior = logPrior;
    this.logLikelihood = logLikelihood;
    this.logUnseen = logUnseen;
    this.vocabulary = vocabulary;
  }

  /** Fits the classifier to labelled instructions. */
  public static InstructionTaskClassifier train(List<String> instructions, List<EditTask> tasks) {
    if (instructions.size() != tasks.size() || instructions.isEmpty()) {
      throw new IllegalArgumentException(
          "need equally many (>0) instructions and tasks, got %d and %d"
              .formatted(instructions.size(), tasks.size()));
    }
    Map<EditTask, Map<String, Integer>> counts = new EnumMap<>(EditTask.class);
    Map<EditTask, Integer> docs = new EnumMap<>(EditTask.class);
    Set<String> vocab = new HashSet<>();
    for (int i = 0; i < instructions.size(); i++) {
      EditTask t = tasks.get(i);
      docs.merge(t, 1, Integer::sum);
      Map<String, Integer> c = counts.computeIfAbsent(t, k -> new HashMap<>());
      for (String f : features(instructions.get(i))) {
        c.merge(f, 1, Integer::sum);
        vocab.add(f);
      }
    }
    Map<EditTask, Double> prior = new EnumMap<>(EditTask.class);
    Map<EditTask, Map<String, Double>> like = new EnumMap<>(EditTask.class);
    Map<EditTask, Double> unseen = new EnumMap<>(EditTask.class);
    for (Map.Entry<EditTask, Map<String, Integer>> e : counts.entrySet()) {
      EditTask t = e.getKey();
      prior.put(t, Math.log(docs.get(t) / (double) instructions.size()));
      double total = 0;
      for (int v : e.getValue().values()) {
        total += v;
      }
      double denom = total + SMOOTHING * vocab.size();
      Map<String, Double> l = new HashMap<>();
      e.getValue().forEach((f, v) -> l.put(f, Math.log((v + SMOOTHING) / denom)));
      like.put(t, l);
      unseen.put(t, Math.log(SMOOTHING / denom));
    }
    return new InstructionTaskClassifier(prior, like, unseen, vocab);
  }

  /**
   * Trains on {@code perTask} generated instructions of each of {@code tasks} (TRAIN split,
   * TRAINING phrasings), drawn from {@code seed}.
   */
  public static InstructionTaskClassifier fit(
      EditTasks source, List<EditTask> tasks, int perTask, long seed) {
    List<String> text = new ArrayList<>();
    List<EditTask> labels = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (EditTask t : tasks) {
      for (int i = 0; i < perTask; i++) {
        text.add(source.sample(t, rng, Split.TRAIN, Phrasing.TRAINING).instruction());
        labels.add(t);
      }
    }
    return train(text, labels);
  }

  /** The most probable task for {@code instruction} (ties go to the earlier task). */
  public EditTask predict(String instruction) {
    List<String> feats = features(instruction);
    EditTask best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<EditTask, Double> e : logPrior.entrySet()) {
      EditTask t = e.getKey();
      double score = e.getValue();
      Map<String, Double> l = logLikelihood.get(t);
      for (String f : feats) {
        if (vocabulary.contains(f)) {
          score += l.getOrDefault(f, logUnseen.get(t));
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }

  /** Fraction of {@code instructions} predicted as their {@code tasks}. */
  public double accuracy(List<String> instructions, List<EditTask> tasks) {
    int right = 0;
    for (int i = 0; i < instructions.size(); i++) {
      right += predict(instructions.get(i)) == tasks.get(i) ? 1 : 0;
    }
    return instructions.isEmpty() ? Double.NaN : right / (double) instructions.size();
  }

  /** Unigram and bigram features of an instruction (see the class comment). */
  static List<String> features(String instruction) {
    List<String> words = new ArrayList<>();
    words.add("<s>");
    for (String w : instruction.toLowerCase().split("[^a-z0-9]+")) {
      if (!w.isEmpty() && !STOPWORDS.contains(w)) {
        words.add(token(w));
      }
    }
    words.add("</s>");
    List<String> out = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      if (i < words.size() - 1) {
        out.add(words.get(i));
      }
      out.add(words.get(i - 1) + " " + words.get(i));
    }
    return out;
  }

  private static String token(String w) {
    if (w.chars().allMatch(Character::isDigit)) {
      return "<num>";
    }
    if (QUANTIFIERS.contains(w)) {
      return "<all>";
    }
    if (COLOURS.contains(w)) {
      return "<colour>";
    }
    if (BACKGROUNDS.contains(w)) {
      return "<bg>";
    }
    if (NOUNS.contains(w)
        || (w.endsWith("s") && NOUNS.contains(w.substring(0, w.length() - 1)))
        || (w.endsWith("es") && NOUNS.contains(w.substring(0, w.length() - 2)))) {
      return "<obj>";
    }
    if (SIZES.contains(w)) {
      return "<size>";
    }
    return POSITIONS.contains(w) ? "<pos>" : stem(w);
  }

  /**
   * A light suffix stripper (a small part of Porter's step 1): "-ies" → "-y", then drops one of
   * "-ing", "-ed", "-es", "-s" (not "-ss") and a final "-e", keeping at least 3 letters, so that
   * outline/outlines, remove/removed and edge/edges meet.
   */
  static String stem(String w) {
    String s = w;
    if (s.endsWith("ies") && s.length() > 4) {
      s = s.substring(0, s.length() - 3) + "y";
    } else if (s.endsWith("ing") && s.length() > 5) {
      s = s.substring(0, s.length() - 3);
    } else if (s.endsWith("ed") && s.length() > 4) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("es") && s.length() > 4) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("e") && s.length() > 3) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
