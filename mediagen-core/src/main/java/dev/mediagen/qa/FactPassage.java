package dev.mediagen.qa;

import java.util.List;

/**
 * One generated passage about a few invented people ({@link FactGenerator}): the text, the people
 * it describes, every fact it states with the exact character span of the value, and the facts
 * chosen as this passage's questions (shared by the MRQA dataset of {@link QaDatasets} and the four
 * task formats of the params-vs-examples study, papers-language.md §4.1).
 *
 * @param context the passage text
 * @param split the entity split every name in it belongs to
 * @param people the people described, in order of appearance
 * @param facts every stated fact
 * @param asked the questions of this passage
 */
public record FactPassage(
    String context, EntitySplit split, List<Person> people, List<Fact> facts, List<Asked> asked) {

  public FactPassage {
    people = List.copyOf(people);
    facts = List.copyOf(facts);
    asked = List.copyOf(asked);
  }

  /**
   * A stated fact: {@code person}'s {@code attribute} is {@code value}, written at {@code chars}
   * (inclusive) in the context.
   */
  public record Fact(Person person, Attribute attribute, String value, Span chars) {}

  /** A question about {@code fact}, worded as {@code question}. */
  public record Asked(Fact fact, String question) {}

  /** The values of {@code kind} stated in this passage, in order of first statement. */
  public List<String> valuesOf(Attribute.Kind kind) {
    return facts.stream()
        .filter(f -> f.attribute().kind() == kind)
        .map(Fact::value)
        .distinct()
        .toList();
  }
}
