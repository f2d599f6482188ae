package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.world.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The naive-Bayes task predictor: near-perfect on new examples phrased with training templates, and
 * measured (printed per task) on the held-out sentence frames.
 */
class InstructionTaskClassifierTest {
  private static double measure(
      InstructionTaskClassifier c, EditTasks tasks, Phrasing phrasing, int perTask, long seed) {
    List<String> text = new ArrayList<>();
    List<EditTask> labels = new ArrayList<>();
    Map<EditTask, int[]> per = new EnumMap<>(EditTask.class);
    SplittableRandom rng = new SplittableRandom(seed);
    for (EditTask t : EditTask.values()) {
      for (int i = 0; i < perTask; i++) {
        String s = tasks.sample(t, rng, Split.TEST_SEEN, phrasing).instruction();
        text.add(s);
        labels.add(t);
        int[] a = per.computeIfAbsent(t, k -> new int[2]);
        a[0] += c.predict(s) == t ? 1 : 0;
        a[1]++;
      }
    }
    double acc = c.accuracy(text, labels);
    StringBuilder b = new StringBuilder(phrasing + " accuracy %.3f:".formatted(acc));
    per.forEach((t, a) -> b.append(" %s %.2f".formatted(t.id(), a[0] / (double) a[1])));
    System.out.println(b);
    return acc;
  }

  @Test
  void accuracyOnNewExamplesAndOnHeldOutPhrasings() {
    EditTasks tasks = EditTasks.defaults();
    InstructionTaskClassifier c =
        InstructionTaskClassifier.fit(tasks, List.of(EditTask.values()), 80, 1);
    assertThat(measure(c, tasks, Phrasing.TRAINING, 25, 2)).isGreaterThanOrEqualTo(0.98);
    // held-out sentence frames: measured 0.88 (see the package documentation)
    assertThat(measure(c, tasks, Phrasing.HELD_OUT, 50, 3)).isGreaterThanOrEqualTo(0.83);
  }

  @Test
  void handCountedTwoTaskModel() {
    // features of "blur it" after stop words: blur, "<s> blur", "blur </s>"
    InstructionTaskClassifier c =
        InstructionTaskClassifier.train(
            List.of("blur it", "remove the ball", "delete the box"),
            List.of(EditTask.COLOR, EditTask.REMOVE, EditTask.REMOVE));
    assertThat(c.predict("blur the picture")).isEqualTo(EditTask.COLOR);
    assertThat(c.predict("remove the triangle")).isEqualTo(EditTask.REMOVE);
    // only unknown features: the prior (2 of 3 examples) decides
    assertThat(c.predict("xyzzy")).isEqualTo(EditTask.REMOVE);
  }

  @Test
  void featuresDelexicaliseStemAndDropFunctionWords() {
    assertThat(InstructionTaskClassifier.features("Please make the red circles 37 blue"))
        .containsExactly(
            "mak",
            "<s> mak",
            "<colour>",
            "mak <colour>",
            "<obj>",
            "<colour> <obj>",
            "<num>",
            "<obj> <num>",
            "<colour>",
            "<num> <colour>",
            "<colour> </s>");
    assertThat(InstructionTaskClassifier.features("every object on a navy background"))
        .startsWith("<all>", "<s> <all>", "<obj>", "<all> <obj>", "on", "<obj> on", "<bg>");
    assertThat(InstructionTaskClassifier.stem("outlines")).isEqualTo("outlin");
    assertThat(InstructionTaskClassifier.stem("outline")).isEqualTo("outlin");
    assertThat(InstructionTaskClassifier.stem("removed")).isEqualTo("remov");
    assertThat(InstructionTaskClassifier.stem("stripes")).isEqualTo("strip");
    assertThat(InstructionTaskClassifier.stem("glass")).isEqualTo("glass");
  }

  @Test
  void rejectsMismatchedTrainingData() {
    assertThatThrownBy(() -> InstructionTaskClassifier.train(List.of("a"), List.of()))
        .hasMessageContaining("1 and 0");
  }
}
