package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates fact passages about invented people, e.g. "Mira Tolland was born in Quessa in 1873. She
 * worked as a glassblower. …", the shippable QA world of this project (papers-language.md §5 option
 * (a): no SQuAD/MRQA offline). Each passage describes a few people; within a passage every value is
 * distinct (no two people share a birthplace, year, trade, …), so every answer string names exactly
 * one fact, while values of the same {@link Attribute.Kind} act as distractors. Only the first
 * sentence of a person names them; the rest use she/he, so answers need the question's name linked
 * to the right block. Deterministic for a given generator state.
 */
public final class FactGenerator {

  public static final List<String> OCCUPATIONS =
      List.of(
          "glassblower",
          "clockmaker",
          "cartographer",
          "weaver",
          "blacksmith",
          "botanist",
          "surveyor",
          "potter",
          "bookbinder",
          "astronomer",
          "ferryman",
          "baker",
          "tailor",
          "engraver",
          "apothecary",
          "stonemason",
          "shipwright",
          "violinist",
          "painter",
          "teacher",
          "chemist",
          "miller",
          "carpenter",
          "locksmith",
          "beekeeper",
          "printer",
          "lighthouse keeper",
          "innkeeper",
          "organ builder",
          "midwife",
          "saddler",
          "cooper");
  public static final List<String> MATERIALS =
      List.of(
          "red", "blue", "green", "silver", "golden", "wooden", "brass", "copper", "ivory", "black",
          "white", "amber");
  public static final List<String> OBJECTS =
      List.of(
          "lantern",
          "compass",
          "flute",
          "telescope",
          "music box",
          "pocket watch",
          "violin",
          "chess set",
          "sextant",
          "tea kettle",
          "walking stick",
          "globe",
          "harp",
          "kite",
          "clock");

  private static final Map<Attribute, List<String>> SENTENCES = new EnumMap<>(Attribute.class);

  static {
    SENTENCES.put(
        Attribute.OCCUPATION,
        List.of(
            "{Pron} worked as {a} {OCCUPATION}.",
            "By trade, {pron} was {a} {OCCUPATION}.",
            "{Pron} earned {pos} living as {a} {OCCUPATION}."));
    SENTENCES.put(
        Attribute.MENTOR,
        List.of(
            "{Pron} studied under {MENTOR}.", "As a young {noun}, {pron} was taught by {MENTOR}."));
    SENTENCES.put(
        Attribute.SPOUSE,
        List.of(
            "{Pron} married {SPOUSE} in {MARRIAGE_YEAR}.",
            "In {MARRIAGE_YEAR}, {pron} married {SPOUSE}."));
    SENTENCES.put(
        Attribute.RESIDENCE,
        List.of(
            "Later in life {pron} moved to {RESIDENCE}.",
            "{Pron} spent {pos} last years in {RESIDENCE}."));
    SENTENCES.put(
        Attribute.POSSESSION,
        List.of(
            "{Pron} owned {a} {POSSESSION}.",
            "{Pos} most prized possession was {a} {POSSESSION}."));
  }

  private static final List<String> BIRTH_SENTENCES =
      List.of(
          "{name} was born in {BIRTHPLACE} in {BIRTH_YEAR}.",
          "{name} was born in {BIRTH_YEAR} in the town of {BIRTHPLACE}.");
  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)\\}");
  private static final Set<String> RESERVED = reservedWords();

  private FactGenerator() {}

  /**
   * A passage about {@code people} people of {@code split}, with {@code questions} distinct facts
   * chosen as its questions.
   */
  public static FactPassage passage(
      EntitySplit split, int people, int questions, SplittableRandom rng) {
    if (people < 1 || people > 6) {
      throw new IllegalArgumentException("people per passage must be in [1, 6], got " + people);
    }
    int maxQuestions = people * Attribute.values().length;
    if (questions < 0 || questions > maxQuestions) {
      throw new IllegalArgumentException(
          "questions per passage must be in [0, %d], got %d".formatted(maxQuestions, questions));
    }
    Set<String> used = new HashSet<>(); // lowercased names and values already in this passage
    List<Person> persons = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      persons.add(person(split, used, rng));
    }
    StringBuilder text = new StringBuilder();
    List<FactPassage.Fact> facts = new ArrayList<>();
    for (Person p : persons) {
      List<String> sentences = new ArrayList<>();
      sentences.add(pick(BIRTH_SENTENCES, rng));
      List<Attribute> rest = new ArrayList<>(SENTENCES.keySet());
      shuffle(rest, rng);
      rest.forEach(a -> sentences.add(pick(SENTENCES.get(a), rng)));
      for (String template : sentences) {
        if (text.length() > 0) {
          text.append(' ');
        }
        fill(template, p, text, facts);
      }
    }
    List<FactPassage.Fact> order = new ArrayList<>(facts);
    shuffle(order, rng);
    List<FactPassage.Asked> asked = new ArrayList<>();
    for (FactPassage.Fact f : order.subList(0, questions)) {
      int variant = rng.nextInt(f.attribute().questionTemplates().size());
      asked.add(new FactPassage.Asked(f, f.attribute().question(f.person(), variant)));
    }
    return new FactPassage(text.toString(), split, persons, facts, asked);
  }

  /** A fresh value of {@code kind} from {@code split}'s pools (for distractors and negatives). */
  public static String value(Attribute.Kind kind, EntitySplit split, SplittableRandom rng) {
    return switch (kind) {
      case PLACE -> Names.place(split, rng);
      case YEAR -> Integer.toString(1780 + rng.nextInt(120));
      case OCCUPATION -> pick(OCCUPATIONS, rng);
      case PERSON -> Names.first(rng.nextBoolean(), split, rng) + " " + Names.last(split, rng);
      case OBJECT -> pick(MATERIALS, rng) + " " + pick(OBJECTS, rng);
    };
  }

  /**
   * True when {@code word} (any case) is a word this generator writes outside names: template
   * words, pronouns, pools, question and claim wording, stopwords.
   */
  public static boolean isReserved(String word) {
    return RESERVED.contains(word.toLowerCase(Locale.ROOT));
  }

  private static Set<String> reservedWords() {
    List<String> texts = new ArrayList<>(List.of("she he her his woman man a an"));
    texts.addAll(OCCUPATIONS);
    texts.addAll(MATERIALS);
    texts.addAll(OBJECTS);
    texts.addAll(BIRTH_SENTENCES);
    SENTENCES.values().forEach(texts::addAll);
    for (Attribute a : Attribute.values()) {
      texts.addAll(a.questionTemplates());
      texts.add(a.claimTemplate());
      texts.add(a.restatementTemplate());
      texts.add(a.inquiryTemplate());
    }
    Set<String> words = new HashSet<>(Stopwords.all());
    texts.forEach(t -> words.addAll(QaTokenizer.forms(t)));
    return Set.copyOf(words);
  }

  private static Person person(EntitySplit split, Set<String> used, SplittableRandom rng) {
    boolean female = rng.nextBoolean();
    String first;
    String last;
    do {
      first = Names.first(female, split, rng);
      last = Names.last(split, rng);
    } while (used.contains(first.toLowerCase(Locale.ROOT))
        || used.contains(last.toLowerCase(Locale.ROOT)));
    used.add(first.toLowerCase(Locale.ROOT));
    used.add(last.toLowerCase(Locale.ROOT));
    Map<Attribute, String> values = new EnumMap<>(Attribute.class);
    int born = 0;
    for (Attribute a : Attribute.values()) {
      String v;
      do {
        v =
            a == Attribute.MARRIAGE_YEAR
                ? Integer.toString(born + 18 + rng.nextInt(28))
                : value(a.kind(), split, rng);
      } while (!fresh(v, used));
      values.put(a, v);
      if (a == Attribute.BIRTH_YEAR) {
        born = Integer.parseInt(v);
      }
    }
    return new Person(first, last, female, values);
  }

  /** Claims {@code v} (and each word of a name) for this passage unless one is taken. */
  private static boolean fresh(String v, Set<String> used) {
    List<String> keys = new ArrayList<>(List.of(v.toLowerCase(Locale.ROOT)));
    if (Character.isUpperCase(v.charAt(0))) {
      keys.addAll(List.of(v.toLowerCase(Locale.ROOT).split(" "))); // names: no shared first/last
    }
    if (keys.stream().anyMatch(used::contains)) {
      return false;
    }
    used.addAll(keys);
    return true;
  }

  /** Appends a filled template to {@code text}, recording the span of each attribute slot. */
  private static void fill(
      String template, Person p, StringBuilder text, List<FactPassage.Fact> facts) {
    Matcher m = SLOT.matcher(template);
    int last = 0;
    while (m.find()) {
      text.append(template, last, m.start());
      String slot = m.group(1);
      String value =
          switch (slot) {
            case "name" -> p.name();
            case "Pron" -> p.female() ? "She" : "He";
            case "pron" -> p.female() ? "she" : "he";
            case "Pos" -> p.female() ? "Her" : "His";
            case "pos" -> p.female() ? "her" : "his";
            case "noun" -> p.female() ? "woman" : "man";
            case "a" -> Attribute.article(nextSlotValue(template, m.end(), p));
            default -> p.value(Attribute.valueOf(slot));
          };
      if (slot.equals(slot.toUpperCase(Locale.ROOT))) { // an attribute slot such as BIRTHPLACE
        int start = text.length();
        facts.add(
            new FactPassage.Fact(
                p, Attribute.valueOf(slot), value, new Span(start, start + value.length() - 1)));
      }
      text.append(value);
      last = m.end();
    }
    text.append(template.substring(last));
  }

  private static String nextSlotValue(String template, int from, Person p) {
    Matcher m = SLOT.matcher(template);
    if (!m.find(from)) {
      throw new IllegalStateException("template has {a} before no slot: " + template);
    }
    return p.value(Attribute.valueOf(m.group(1)));
  }

  private static <T> void shuffle(List<T> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static <T> T pick(List<T> options, SplittableRandom rng) {
    return options.get(rng.nextInt(options.size()));
  }
}
