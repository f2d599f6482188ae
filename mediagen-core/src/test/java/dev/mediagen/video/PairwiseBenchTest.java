package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.world.Motion;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Score;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import dev.mediagen.world.WorldConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseBenchTest {
  @Test
  void tagsNameConceptsAndMotionLevel() {
    SceneObject fast = new SceneObject(ShapeKind.CIRCLE, 0, SizeKind.SMALL, Texture.STRIPED, 8, 8, Motion.RIGHT, 0.4f);
    SceneObject still = new SceneObject(ShapeKind.SQUARE, 1, SizeKind.LARGE, Texture.SOLID, 24, 24, Motion.STILL, 0.2f);
    Scene video = new Scene(32, 32, 8, 8, 0, List.of(fast, still));
    assertThat(PairwiseBench.tags(video, false))
        .contains("colour", "shape", "position", "unseen", "count", "texture", "motion", "motion:high")
        .doesNotContain("image", "text", "seen");
    Scene image = new Scene(32, 32, 1, 8, 0, List.of(still));
    assertThat(PairwiseBench.tags(image, true)).contains("image", "seen").doesNotContain("count", "motion", "texture");
  }

  @Test
  void qualityAveragesTheScoredAttributes() {
    Score img = new Score(1, 1, 1, 0, 1, 1, 1, Double.NaN, true, true, Double.NaN, false);
    assertThat(PairwiseBench.quality(img)).isEqualTo(0.75); // colour, shape ✗, position, count
    Score vid = new Score(1, 1, 1, 1, 1, 1, 1, 0, true, true, Double.NaN, false);
    assertThat(PairwiseBench.quality(vid)).isEqualTo(0.8); // motion ✗ of 5
  }

  @Test
  void promptSetMixesSectionsAndIsReproducible() {
    SceneSampler s = new SceneSampler(WorldConfig.defaults());
    List<PairwiseBench.Prompt> p = PairwiseBench.prompts(s, 16, 3);
    assertThat(p).hasSize(16);
    assertThat(p.stream().filter(x -> x.tags().contains("unseen")).count()).isEqualTo(8);
    assertThat(p.stream().filter(x -> x.scene().frames() > 1).count()).isEqualTo(8);
    assertThat(PairwiseBench.prompts(s, 16, 3)).isEqualTo(p);
  }
}
