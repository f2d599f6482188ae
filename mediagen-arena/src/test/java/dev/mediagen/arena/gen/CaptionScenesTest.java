package dev.mediagen.arena.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.arena.sim.Faithfulness;
import dev.mediagen.arena.sim.Prompts4Tests;
import dev.mediagen.world.CaptionParser;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Caption → scene honours every stated fact (as the checker reads it); control scenes contradict them. */
class CaptionScenesTest {
  private final Checker checker = new Checker();
  private final List<String> captions = Prompts4Tests.captions(60, 7);

  @Test
  void theSceneOfACaptionSatisfiesEveryStatedFact() {
    SplittableRandom rng = new SplittableRandom(1);
    for (String c : captions) {
      Scene s = CaptionScenes.sceneFor(c, 32, rng);
      double f = Faithfulness.score(CaptionParser.parse(c), checker.read(Renderer.render(s)));
      assertThat(f).as(c).isEqualTo(1.0);
    }
  }

  @Test
  void controlScenesContradictTheCaption() {
    SplittableRandom rng = new SplittableRandom(2);
    for (String c : captions) {
      Scene bad = CaptionScenes.contradict(c, 32, rng);
      double f = Faithfulness.score(CaptionParser.parse(c), checker.read(Renderer.render(bad)));
      assertThat(f).as(c).isLessThanOrEqualTo(0.75);
    }
  }

  @Test
  void freeTextWithoutShapeWordsStillGivesOneObject() {
    Scene s = CaptionScenes.sceneFor("<script>alert(1)</script>", 32, new SplittableRandom(3));
    assertThat(s.objects()).hasSize(1);
    Scene three = CaptionScenes.sceneFor("a red circle, a blue square, a green triangle and a white circle", 32, new SplittableRandom(4));
    assertThat(three.objects()).hasSize(CaptionScenes.MAX_OBJECTS);
  }

  @Test
  void corruptionAtRateOneChangesAFactOfEveryObject() {
    SplittableRandom rng = new SplittableRandom(5);
    int worse = 0;
    for (String c : captions) {
      Scene s = CaptionScenes.sceneFor(c, 32, rng);
      Scene bad = CaptionScenes.corrupt(s, 1.0, rng);
      double f = Faithfulness.score(CaptionParser.parse(c), checker.read(Renderer.render(bad)));
      worse += f < 1.0 ? 1 : 0;
    }
    // size/position errors of objects whose caption does not state them go unnoticed: most, not all, are worse
    assertThat(worse).isGreaterThan(captions.size() / 2);
    assertThat(CaptionScenes.corrupt(CaptionScenes.sceneFor(captions.get(0), 32, new SplittableRandom(6)), 0, rng))
        .isEqualTo(CaptionScenes.sceneFor(captions.get(0), 32, new SplittableRandom(6)));
  }
}
