package dev.mediagen.edit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Instruction templates per task variant, standing in for Emu Edit's LLM-written instructions
 * (papers-media.md §3.1). The sentence frames live in the resource {@code instructions.tsv} beside
 * this class, one per line: variant, phrasing ({@code training} | {@code held_out}), frame. Slots:
 * {@code {ref}} a referring expression ({@link ObjectRefs}), {@code {colour}} an object colour,
 * {@code {bg}} a background colour, {@code {obj}} a new object, {@code {where}} a region phrase,
 * {@code {old}}/{@code {new}} digits, {@code {caption}} a world caption.
 *
 * <p>Each variant has TRAINING and HELD_OUT frames (disjoint; the vocabulary is shared). A frame is
 * wrapped in a politeness frame of the same {@link Phrasing} ("please …", "can you …"); a frame
 * marked {@code !} is a statement, not an imperative, and only takes "…" or "… , thanks".
 * Everything is lower case, without final punctuation.
 */
final class Instructions {
  private static final Map<Phrasing, Map<String, List<String>>> FRAMES = load();

  private static final Map<Phrasing, List<String>> WRAPPERS =
      Map.of(
          Phrasing.TRAINING,
          List.of("{}", "{}", "{}", "please {}", "{} please", "can you {}", "i want you to {}"),
          Phrasing.HELD_OUT,
          List.of(
              "{}", "{}", "could you {}", "{} , thanks", "i would like you to {}", "kindly {}"));

  private static final List<String> STATEMENT_WRAPPERS = List.of("{}", "{}", "{} , thanks");

  private Instructions() {}

  private static Map<Phrasing, Map<String, List<String>>> load() {
    Map<Phrasing, Map<String, List<String>>> out = new EnumMap<>(Phrasing.class);
    for (Phrasing p : Phrasing.values()) {
      out.put(p, new LinkedHashMap<>());
    }
    try (InputStream in = Instructions.class.getResourceAsStream("instructions.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource dev/mediagen/edit/instructions.tsv is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 3) {
          throw new IllegalStateException(
              "instructions.tsv line %d has %d fields, expected 3: '%s'"
                  .formatted(lineNo, f.length, line));
        }
        Phrasing p = Phrasing.valueOf(f[1].toUpperCase());
        out.get(p).computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every template variant (task id, or task id + "." + sub-operation). */
  static Set<String> variants() {
    return FRAMES.get(Phrasing.TRAINING).keySet();
  }

  /** The frames of {@code variant} for {@code phrasing}. */
  static List<String> templates(String variant, Phrasing phrasing) {
    List<String> t = FRAMES.get(phrasing).get(variant);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown instruction variant '%s' for %s; allowed: %s"
              .formatted(variant, phrasing, FRAMES.get(phrasing).keySet()));
    }
    return t;
  }

  /** A random instruction of {@code variant} with {@code slots} filled in. */
  static String write(
      String variant, Map<String, String> slots, Phrasing phrasing, SplittableRandom rng) {
    String core = ObjectRefs.pick(templates(variant, phrasing), rng);
    boolean statement = core.startsWith("!");
    core = statement ? core.substring(1) : core;
    for (Map.Entry<String, String> e : slots.entrySet()) {
      core = core.replace("{" + e.getKey() + "}", e.getValue());
    }
    if (core.contains("{")) {
      throw new IllegalStateException("unfilled slot in '%s' (slots %s)".formatted(core, slots));
    }
    List<String> wrappers = statement ? STATEMENT_WRAPPERS : WRAPPERS.get(phrasing);
    return ObjectRefs.pick(wrappers, rng).replace("{}", core);
  }
}
