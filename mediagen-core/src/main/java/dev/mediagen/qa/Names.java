package dev.mediagen.qa;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Invented but pronounceable names for the generated fact world ({@link FactGenerator}): first
 * names, surnames and place names built from syllables. Every name belongs to one {@link
 * EntitySplit} by a fixed hash of its spelling; {@link #first}, {@link #last} and {@link #place}
 * draw until they hit the requested split, so the splits' name sets are disjoint by construction.
 * Names shorter than 4 letters and names that spell a word the generator itself writes ("Woman",
 * "Tea") are redrawn, so a name never collides with the text around it.
 */
public final class Names {

  private static final List<String> ONSETS =
      List.of(
          "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr",
          "tr", "st", "th", "qu", "h", "j", "w");
  private static final List<String> VOWELS = List.of("a", "e", "i", "o", "u", "ai", "ei", "ou");
  private static final List<String> CODAS =
      List.of("", "", "n", "r", "l", "s", "m", "nd", "sk", "th");
  private static final List<String> FEMALE_ENDS = List.of("a", "ia", "ine", "elle", "ette", "ora");
  private static final List<String> MALE_ENDS = List.of("o", "an", "el", "ik", "or", "us");
  private static final List<String> SURNAME_ENDS =
      List.of(
          "land", "vask", "ford", "ley", "ton", "mar", "ridge", "wick", "holt", "sen", "berg",
          "more");
  private static final List<String> PLACE_ENDS =
      List.of(
          "sa", "ova", "heim", "port", "dale", "mere", "grad", "mouth", "ria", "ville", "stead",
          "ken");

  private Names() {}

  /** The split a name belongs to (a fixed function of its spelling, case-insensitive). */
  public static EntitySplit splitOf(String name) {
    int h =
        name.toLowerCase(java.util.Locale.ROOT).hashCode()
            * 0x9E3779B1; // String.hashCode is specified
    return EntitySplit.values()[Math.floorMod(h >>> 7, EntitySplit.values().length)];
  }

  /** A first name of {@code split}; female names end in a vowel-like suffix. */
  public static String first(boolean female, EntitySplit split, SplittableRandom rng) {
    return draw(split, rng, () -> syllable(rng) + pick(female ? FEMALE_ENDS : MALE_ENDS, rng));
  }

  /** A surname of {@code split}. */
  public static String last(EntitySplit split, SplittableRandom rng) {
    return draw(split, rng, () -> syllable(rng) + pick(SURNAME_ENDS, rng));
  }

  /** A place name of {@code split}. */
  public static String place(EntitySplit split, SplittableRandom rng) {
    return draw(split, rng, () -> syllable(rng) + simpleSyllable(rng) + pick(PLACE_ENDS, rng));
  }

  private static String draw(
      EntitySplit split, SplittableRandom rng, java.util.function.Supplier<String> gen) {
    for (int attempt = 0; attempt < 10_000; attempt++) {
      String name = capitalize(gen.get());
      if (name.length() >= 4 && splitOf(name) == split && !FactGenerator.isReserved(name)) {
        return name;
      }
    }
    throw new IllegalStateException("no name of split " + split + " in 10000 draws");
  }

  private static String syllable(SplittableRandom rng) {
    return pick(ONSETS, rng) + pick(VOWELS, rng) + pick(CODAS, rng);
  }

  private static String simpleSyllable(SplittableRandom rng) {
    return pick(ONSETS, rng).substring(0, 1) + pick(VOWELS, rng).substring(0, 1);
  }

  private static String pick(List<String> options, SplittableRandom rng) {
    return options.get(rng.nextInt(options.size()));
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
