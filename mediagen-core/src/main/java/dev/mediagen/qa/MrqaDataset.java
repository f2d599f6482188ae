package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of one MRQA jsonl file (papers-language.md §2.3): the header's dataset name and
 * split, then the contexts.
 */
public record MrqaDataset(String dataset, String split, List<MrqaContext> contexts) {

  public MrqaDataset {
    contexts = List.copyOf(contexts);
  }

  /** A (context, question) pair: one training or evaluation example. */
  public record Example(MrqaContext context, MrqaQuestion question) {}

  /** Every question with its context, in file order. */
  public List<Example> examples() {
    List<Example> out = new ArrayList<>();
    for (MrqaContext c : contexts) {
      c.qas().forEach(q -> out.add(new Example(c, q)));
    }
    return out;
  }

  public int questionCount() {
    return contexts.stream().mapToInt(c -> c.qas().size()).sum();
  }
}
