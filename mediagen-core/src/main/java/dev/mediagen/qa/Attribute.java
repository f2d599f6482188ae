package dev.mediagen.qa;

import java.util.List;

/**
 * A fact slot of a generated person ({@link FactGenerator}) with the question and claim templates
 * that ask about it, and a restatement and a question-and-answer line in other words for
 * pretraining documents. Slots of the same {@link Kind} are each other's distractors: a passage states
 * a birthplace and a residence, a birth year and a marriage year, a mentor and a spouse, so a
 * reader must use the question's wording, not just the answer's type (papers-language.md §2.3 and
 * §4.1's formats all read these). Templates fill {@code {name}} (full name), {@code {pos}}
 * (her/his), {@code {a}} (a/an for the value) and {@code {v}} (the value).
 */
public enum Attribute {
  BIRTHPLACE(
      Kind.PLACE,
      "where",
      List.of("Where was {name} born?", "In which town was {name} born?"),
      "{name} was born in {v}.",
      "{name} came from {v}.",
      "Which town was the birthplace of {name}? {v}."),
  BIRTH_YEAR(
      Kind.YEAR,
      "when",
      List.of("When was {name} born?", "In what year was {name} born?"),
      "{name} was born in {v}.",
      "{name} arrived into the world during {v}.",
      "In which year did {name} arrive into the world? {v}."),
  OCCUPATION(
      Kind.OCCUPATION,
      "occupation",
      List.of("What did {name} work as?", "What was the trade of {name}?"),
      "{name} worked as {a} {v}.",
      "{name} practised the trade of {v}.",
      "Which trade did {name} practise? {v}."),
  MENTOR(
      Kind.PERSON,
      "who",
      List.of("Who taught {name}?", "Under whom did {name} study?"),
      "{name} was taught by {v}.",
      "{name} learned the craft from {v}.",
      "From whom did {name} learn the craft? {v}."),
  SPOUSE(
      Kind.PERSON,
      "who",
      List.of("Whom did {name} marry?", "Who was the spouse of {name}?"),
      "{name} married {v}.",
      "{name} wed {v}.",
      "Whom did {name} wed? {v}."),
  MARRIAGE_YEAR(
      Kind.YEAR,
      "when",
      List.of("When did {name} marry?", "In what year did {name} marry?"),
      "{name} married in {v}.",
      "{name} took a spouse during {v}.",
      "During which year did {name} take a spouse? {v}."),
  RESIDENCE(
      Kind.PLACE,
      "where",
      List.of("Where did {name} spend {pos} last years?", "Where did {name} move later in life?"),
      "{name} spent {pos} last years in {v}.",
      "{name} settled finally at {v}.",
      "Where did {name} finally settle? {v}."),
  POSSESSION(
      Kind.OBJECT,
      "what",
      List.of("What did {name} own?", "What was the most prized possession of {name}?"),
      "{name} owned {a} {v}.",
      "{name} treasured the {v} most.",
      "What did {name} treasure most? The {v}.");

  /** The type of a value; values of one kind are interchangeable as distractors. */
  public enum Kind {
    PLACE,
    YEAR,
    OCCUPATION,
    PERSON,
    OBJECT
  }

  private final Kind kind;
  private final String questionType;
  private final List<String> questions;
  private final String claim;
  private final String restatement;
  private final String inquiry;

  Attribute(
      Kind kind,
      String questionType,
      List<String> questions,
      String claim,
      String restatement,
      String inquiry) {
    this.kind = kind;
    this.questionType = questionType;
    this.questions = questions;
    this.claim = claim;
    this.restatement = restatement;
    this.inquiry = inquiry;
  }

  public Kind kind() {
    return kind;
  }

  /** who / where / when / occupation / what. */
  public String questionType() {
    return questionType;
  }

  /** Question templates (one is drawn per question). */
  public List<String> questionTemplates() {
    return questions;
  }

  /** The claim template ({@code {name}}, {@code {pos}}, {@code {a}}, {@code {v}}). */
  public String claimTemplate() {
    return claim;
  }

  /** The question about {@code person}, variant {@code variant} of {@link #questionTemplates}. */
  public String question(Person person, int variant) {
    return fill(questions.get(variant), person, "");
  }

  /** The restatement template ({@link #restatement}). */
  public String restatementTemplate() {
    return restatement;
  }

  /**
   * The fact in other words than the passage's, for RSS pretraining documents ({@link
   * PretrainingDocuments}): the name opens the sentence and the value follows a word that no
   * passage sentence puts before it, so the spans it shares with the passage are the name and the
   * value alone — the recurring entities of natural text — and not template phrases.
   */
  public String restatement(Person person, String value) {
    return fill(restatement, person, value);
  }

  /** The question-and-answer template ({@link #inquiry}). */
  public String inquiryTemplate() {
    return inquiry;
  }

  /**
   * The fact as a question followed by its answer ("Whom did Mira Tolland wed? Ilse Varn."), in
   * other words than both the passage and the QA {@link #questionTemplates}: the FAQ-style text a
   * pretraining corpus may hold ({@link PretrainingDocuments}).
   */
  public String inquiry(Person person, String value) {
    return fill(inquiry, person, value);
  }

  /** The statement "{person} has value {@code value}" (true or false), for classification. */
  public String claim(Person person, String value) {
    return fill(claim, person, value);
  }

  private static String fill(String template, Person person, String value) {
    return template
        .replace("{name}", person.name())
        .replace("{pos}", person.female() ? "her" : "his")
        .replace("{a}", article(value))
        .replace("{v}", value);
  }

  /** "an" before a vowel letter, else "a". */
  public static String article(String word) {
    return !word.isEmpty() && "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }
}
