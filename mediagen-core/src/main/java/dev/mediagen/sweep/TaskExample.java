package dev.mediagen.sweep;

import dev.mediagen.qa.Span;
import java.util.List;

/**
 * One example of one {@link TaskFormat}, all built from the same generated facts ({@link Formats};
 * papers-language.md §4.1). Each gives the text-to-text view a seq2seq model trains on ({@link
 * #input()} → {@link #target()}, prompts in the style of the paper's lm-eval templates) and keeps
 * its structured fields for encoders and scorers.
 */
public sealed interface TaskExample {

  /** Stable id: the MRQA qid of the underlying question. */
  String id();

  TaskFormat format();

  /** The model input as one string. */
  String input();

  /** The gold output string. */
  String target();

  /** "Is {@code statement} true of {@code passage}?" — {@code label} true for yes. */
  record Classification(String id, String passage, String statement, boolean label)
      implements TaskExample {
    public TaskFormat format() {
      return TaskFormat.CLASSIFICATION;
    }

    public String input() {
      return "Passage: " + passage + "\n\nStatement: " + statement + "\n\nTrue or false?";
    }

    public String target() {
      return label ? "true" : "false";
    }
  }

  /** Passage + question → {@code answer}, found at inclusive character span {@code chars}. */
  record Extractive(String id, String passage, String question, String answer, Span chars)
      implements TaskExample {
    public TaskFormat format() {
      return TaskFormat.EXTRACTIVE;
    }

    public String input() {
      return "Passage: " + passage + "\n\nQuestion: " + question + "\n\nAnswer:";
    }

    public String target() {
      return answer;
    }
  }

  /** Passage + question + shuffled {@code choices}; {@code label} indexes the right one. */
  record MultipleChoice(String id, String passage, String question, List<String> choices, int label)
      implements TaskExample {
    public MultipleChoice {
      choices = List.copyOf(choices);
      if (label < 0 || label >= choices.size()) {
        throw new IllegalArgumentException(
            "label %d must be in [0, %d)".formatted(label, choices.size()));
      }
    }

    public TaskFormat format() {
      return TaskFormat.MULTIPLE_CHOICE;
    }

    /** The paper's {@code nq_v3_mc} prompt, with the passage in front. */
    public String input() {
      StringBuilder s =
          new StringBuilder("Passage: " + passage + "\n\nQuestion: " + question + "\n\n");
      for (int i = 0; i < choices.size(); i++) {
        s.append((char) ('A' + i)).append(": ").append(choices.get(i)).append('\n');
      }
      return s.append("\nAnswer:").toString();
    }

    public String target() {
      return choices.get(label);
    }
  }

  /** Question only (closed book) → {@code answer}. */
  record Open(String id, String question, String answer) implements TaskExample {
    public TaskFormat format() {
      return TaskFormat.OPEN;
    }

    public String input() {
      return "Question: " + question + "\n\nAnswer:";
    }

    public String target() {
      return answer;
    }
  }
}
