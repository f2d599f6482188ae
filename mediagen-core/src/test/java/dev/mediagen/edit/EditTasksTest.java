package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.world.ColourShape;
import dev.mediagen.world.Region;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Validity of sampled examples: every task edits, constraints hold, draws are reproducible. */
class EditTasksTest {
  private static final EditTasks TASKS = EditTasks.defaults();

  @Test
  void everyTaskProducesAnEditedOneFrameTarget() {
    for (EditTask task : EditTask.values()) {
      SplittableRandom rng = new SplittableRandom(11 + task.ordinal());
      for (int i = 0; i < 25; i++) {
        EditExample ex = TASKS.sample(task, rng, Split.values()[i % 4]);
        assertThat(ex.targetImage())
            .as("%s: %s", task, ex.instruction())
            .isNotEqualTo(ex.sourceImage());
        assertThat(ex.targetImage().frames()).isEqualTo(1);
        assertThat(ex.targetImage().width()).isEqualTo(32);
        assertThat(ex.instruction()).doesNotContain("{").isNotBlank();
        assertThat(ex.targetScene() != null).isEqualTo(task.scoring() == Scoring.SCENE);
        if (ex.targetScene() != null) {
          assertThat(ex.targetImage()).isEqualTo(Renderer.render(ex.targetScene()));
        }
        if (task != EditTask.EDGES_TO_IMAGE && task != EditTask.SUPER_RESOLUTION) {
          assertThat(ex.sourceImage()).isEqualTo(Renderer.render(ex.source()));
        }
      }
    }
  }

  @Test
  void sameSeedSameExampleAndTestSetsArePrefixes() {
    for (EditTask task : EditTask.values()) {
      EditExample a = TASKS.sample(task, new SplittableRandom(99), Split.TRAIN);
      EditExample b = TASKS.sample(task, new SplittableRandom(99), Split.TRAIN);
      EditExample c = TASKS.sample(task, new SplittableRandom(100), Split.TRAIN);
      assertThat(a).isEqualTo(b);
      assertThat(c.sourceImage().equals(a.sourceImage()) && c.instruction().equals(a.instruction()))
          .isFalse();
    }
    List<EditExample> longer = TASKS.testSet(EditTask.LOCAL, Split.TEST_SEEN, 6, 3);
    assertThat(TASKS.testSet(EditTask.LOCAL, Split.TEST_SEEN, 4, 3))
        .isEqualTo(longer.subList(0, 4));
  }

  @Test
  void editsOutsideTestUnseenNeverCreateHeldOutCombinations() {
    WorldConfig world = TASKS.world();
    for (EditTask task : List.of(EditTask.LOCAL, EditTask.GLOBAL, EditTask.ADD)) {
      SplittableRandom rng = new SplittableRandom(5);
      for (int i = 0; i < 60; i++) {
        EditExample ex = TASKS.sample(task, rng, i % 2 == 0 ? Split.TRAIN : Split.TEST_SEEN);
        for (SceneObject o : ex.targetScene().objects()) {
          assertThat(world.isHeldOut(ColourShape.of(o))).as("%s %s", task, o).isFalse();
        }
      }
    }
  }

  @Test
  void addPutsANamedObjectIntoAFreeRegionAndRemoveDeletesOne() {
    SplittableRandom rng = new SplittableRandom(8);
    for (int i = 0; i < 40; i++) {
      EditExample add = TASKS.sample(EditTask.ADD, rng, Split.TRAIN);
      Scene s = add.source();
      Scene t = add.targetScene();
      assertThat(t.objects()).hasSize(s.objects().size() + 1).hasSizeLessThanOrEqualTo(3);
      assertThat(t.objects().subList(0, s.objects().size())).isEqualTo(s.objects());
      SceneObject added = t.objects().get(s.objects().size());
      Region r = SceneEdits.region(t, added);
      assertThat(SceneEdits.occupied(s)[r.ordinal()]).isFalse();
      assertThat(SceneEdits.fits(s, added)).isTrue();
      assertThat(add.focus().targetObjects()).containsExactly(s.objects().size());
      EditExample remove = TASKS.sample(EditTask.REMOVE, rng, Split.TRAIN);
      int gone = remove.focus().sourceObjects().iterator().next();
      List<SceneObject> rest = new java.util.ArrayList<>(remove.source().objects());
      rest.remove(gone);
      assertThat(remove.targetScene().objects()).isEqualTo(rest);
    }
  }

  @Test
  void attributeEditsChangeExactlyTheFocusedObject() {
    SplittableRandom rng = new SplittableRandom(21);
    for (EditTask task : List.of(EditTask.LOCAL, EditTask.TEXTURE)) {
      for (int i = 0; i < 30; i++) {
        EditExample ex = TASKS.sample(task, rng, Split.TRAIN);
        int k = ex.focus().sourceObjects().iterator().next();
        for (int j = 0; j < ex.source().objects().size(); j++) {
          SceneObject a = ex.source().objects().get(j);
          SceneObject b = ex.targetScene().objects().get(j);
          assertThat(a.equals(b)).as("%s object %d", task, j).isEqualTo(j != k);
          assertThat(a.shape()).isEqualTo(b.shape());
          assertThat(a.x()).isEqualTo(b.x());
        }
      }
    }
  }

  @Test
  void textEditKeepsLengthAndChangesDigits() {
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 30; i++) {
      EditExample ex = TASKS.sample(EditTask.TEXT, rng, Split.TRAIN);
      String before = ex.source().text().digits();
      String after = ex.targetScene().text().digits();
      assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
      assertThat(ex.instruction()).contains(after);
    }
  }

  @Test
  void mirrorOfATextFreeSceneIsThePixelMirror() {
    SplittableRandom rng = new SplittableRandom(6);
    for (int i = 0; i < 30; i++) {
      EditExample ex = TASKS.sample(EditTask.MIRROR, rng, Split.TRAIN);
      Video s = ex.sourceImage();
      Video t = ex.targetImage();
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < s.height(); y++) {
          for (int x = 0; x < s.width(); x++) {
            assertThat(t.data()[t.index(0, c, y, x)])
                .isEqualTo(s.data()[s.index(0, c, y, s.width() - 1 - x)]);
          }
        }
      }
    }
  }

  @Test
  void instructionsVaryAndPhrasingsAreDisjoint() {
    for (EditTask task : EditTask.values()) {
      Set<String> seen = new HashSet<>();
      SplittableRandom rng = new SplittableRandom(task.ordinal());
      for (int i = 0; i < 30; i++) {
        seen.add(TASKS.sample(task, rng, Split.TRAIN).instruction());
      }
      assertThat(seen).as("%s", task).hasSizeGreaterThanOrEqualTo(8);
    }
    assertThat(Instructions.variants()).hasSize(21);
    for (String v : Instructions.variants()) {
      assertThat(Instructions.templates(v, Phrasing.HELD_OUT))
          .as(v)
          .isNotEmpty()
          .doesNotContainAnyElementsOf(Instructions.templates(v, Phrasing.TRAINING));
    }
  }

  /**
   * How often the no-op filter redraws a draft (the unedited source would already pass): it must
   * stay a small correction, not reshape a task's distribution. Also counts ADD drafts refused for
   * full (3-object) sources.
   */
  @Test
  void noOpRedrawsAreRare() {
    WorldConfig world = TASKS.world();
    Drafts drafts = new Drafts(world);
    EditMetrics metrics = new EditMetrics();
    SceneSampler plain = new SceneSampler(world);
    SceneSampler text = new SceneSampler(world.withTextProbability(1));
    StringBuilder report = new StringBuilder("redraw rate per task (200 drafts):");
    for (EditTask task : EditTask.values()) {
      SplittableRandom rng = new SplittableRandom(5);
      int redrawn = 0;
      for (int i = 0; i < 200; i++) {
        Scene s = (task == EditTask.TEXT ? text : plain).sampleImage(rng, Split.TRAIN);
        Drafts.Draft d = drafts.make(task, s, rng, Split.TRAIN);
        boolean noOp =
            d == null
                || d.targetImage().equals(d.sourceImage())
                || metrics
                    .score(
                        new EditExample(
                            task,
                            s,
                            d.sourceImage(),
                            d.targetImage(),
                            "x",
                            d.targetScene(),
                            d.focus(),
                            d.variant()),
                        d.sourceImage())
                    .success();
        redrawn += noOp ? 1 : 0;
      }
      report.append(" %s %.3f".formatted(task.id(), redrawn / 200.0));
      assertThat(redrawn / 200.0).as("%s", task).isLessThan(0.3);
    }
    System.out.println(report);
  }

  @Test
  void worksOnTheTinyWorld() {
    EditTasks tiny = new EditTasks(WorldConfig.tiny());
    SplittableRandom rng = new SplittableRandom(2);
    for (EditTask task : EditTask.values()) {
      EditExample ex = tiny.sample(task, rng, Split.TRAIN);
      assertThat(ex.targetImage().width()).isEqualTo(16);
      assertThat(ex.targetImage()).isNotEqualTo(ex.sourceImage());
    }
  }
}
