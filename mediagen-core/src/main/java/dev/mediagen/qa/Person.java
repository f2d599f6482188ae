package dev.mediagen.qa;

import java.util.EnumMap;
import java.util.Map;

/**
 * An invented person of the generated fact world ({@link FactGenerator}) with one value per {@link
 * Attribute}. Mentors and spouses are other invented people named only in the value.
 *
 * @param first first name
 * @param last surname
 * @param female chooses she/her or he/his
 * @param values the value of every attribute
 */
public record Person(String first, String last, boolean female, Map<Attribute, String> values) {

  public Person {
    values = Map.copyOf(new EnumMap<>(values));
    for (Attribute a : Attribute.values()) {
      if (!values.containsKey(a)) {
        throw new IllegalArgumentException("person " + first + " " + last + " lacks " + a);
      }
    }
  }

  /** "First Last". */
  public String name() {
    return first + " " + last;
  }

  public String value(Attribute attribute) {
    return values.get(attribute);
  }
}
