package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's two reference editors: the oracle (returns the exact target) must score ~100%
 * success — i.e. the checker reads every clean target exactly — and the identity editor (returns
 * the source) 0% success but 100% preserved. Prints the per-task tables.
 */
class EditBenchmarkTest {
  private static final EditBenchmark BENCH = new EditBenchmark();

  private static void checkReferenceEditors(EditTasks tasks, Split split, int perTask, long seed) {
    List<EditExample> suite =
        EditBenchmark.suite(tasks, List.of(EditTask.values()), split, perTask, seed);
    List<TaskSummary> oracle = BENCH.run(suite, Editor.oracle());
    List<TaskSummary> identity = BENCH.run(suite, Editor.identity());
    System.out.printf(
        "%d px %s oracle%n%s", tasks.world().size(), split, EditBenchmark.csv(oracle));
    System.out.printf("identity%n%s", EditBenchmark.csv(identity));
    assertThat(oracle).hasSize(EditTask.values().length);
    for (TaskSummary r : oracle) {
      assertThat(r.success()).as("oracle success %s", r.task()).isGreaterThanOrEqualTo(0.99);
      assertThat(r.exact()).as("oracle exact %s", r.task()).isGreaterThanOrEqualTo(0.99);
      if (!Double.isNaN(r.preserved())) {
        assertThat(r.preserved()).as("oracle preserved %s", r.task()).isGreaterThanOrEqualTo(0.99);
      }
      assertThat(r.l1Target()).isZero();
      assertThat(r.featureTarget()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.l1Source()).isPositive();
    }
    for (TaskSummary r : identity) {
      assertThat(r.success()).as("identity success %s", r.task()).isZero();
      assertThat(r.exact()).isZero();
      boolean untouched = r.task().scoring() != Scoring.MAP && r.task() != EditTask.EDGES_TO_IMAGE;
      if (untouched) {
        assertThat(r.preserved()).as("identity preserved %s", r.task()).isEqualTo(1.0);
      } else {
        assertThat(r.preserved()).as("nothing untouched in %s", r.task()).isNaN();
      }
      assertThat(r.l1Source()).isZero();
      assertThat(r.featureSource()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void referenceEditorsOnTheDefaultWorld() {
    checkReferenceEditors(EditTasks.defaults(), Split.TEST_SEEN, 30, 1);
  }

  @Test
  void referenceEditorsOnHeldOutCombinationsAndTextScenes() {
    checkReferenceEditors(
        new EditTasks(WorldConfig.defaults().withTextProbability(0.4)), Split.TEST_UNSEEN, 12, 2);
  }

  @Test
  void referenceEditorsOnTheTinyWorld() {
    checkReferenceEditors(new EditTasks(WorldConfig.tiny()), Split.TRAIN, 12, 3);
  }

  @Test
  void anEditThatAlsoDamagesAnUntouchedObjectSucceedsButDoesNotPreserve() {
    EditTasks tasks = EditTasks.defaults();
    SplittableRandom rng = new SplittableRandom(9);
    EditMetrics metrics = new EditMetrics();
    int checked = 0;
    while (checked < 15) {
      EditExample ex = tasks.sample(EditTask.LOCAL, rng, Split.TRAIN);
      int edited = ex.focus().sourceObjects().iterator().next();
      if (ex.source().objects().size() < 2) {
        continue;
      }
      int other = edited == 0 ? 1 : 0;
      Scene damaged = SceneEdits.remove(ex.targetScene(), other);
      EditScore s = metrics.score(ex, Renderer.render(damaged));
      assertThat(s.success()).isTrue();
      assertThat(s.preserved()).isZero();
      assertThat(s.exact()).isFalse();
      checked++;
    }
  }

  @Test
  void csvHasAHeaderAndOneRowPerTask() {
    List<EditExample> suite =
        EditBenchmark.suite(
            EditTasks.defaults(), List.of(EditTask.ADD, EditTask.SEGMENT), Split.TRAIN, 2, 5);
    String csv = EditBenchmark.csv(BENCH.run(suite, Editor.oracle()));
    String[] lines = csv.split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(TaskSummary.CSV_HEADER);
    assertThat(lines[1]).startsWith("add,2,1.0000,1.0000,1.0000,,0.0000,");
    assertThat(lines[2]).startsWith("segment,2,1.0000,,1.0000,1.0000,0.0000,");
  }
}
