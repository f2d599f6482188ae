package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageFeaturesTest {
  private static Video uniform(int w, float r, float g, float b) {
    float[] d = new float[3 * w * w];
    Arrays.fill(d, 0, w * w, r);
    Arrays.fill(d, w * w, 2 * w * w, g);
    Arrays.fill(d, 2 * w * w, 3 * w * w, b);
    return new Video(1, w, w, d);
  }

  @Test
  void descriptorByHandOnUniformImages() {
    // navy (0,0,64): palette bin 2 only; layout: every cell (0, 0, 0.251) → normalised 1/4 each
    float[] f = ImageFeatures.of(uniform(8, 0, 0, 64 / 255f));
    assertThat(f).hasSize(ImageFeatures.DIM).hasSize(101);
    assertThat(f[2]).isEqualTo(1f);
    assertThat(f[21 + 2]).isCloseTo(0.25f, offset(1e-6f));
    assertThat(f[21]).isZero();
    for (int i = 21 + 48; i < 101; i++) {
      assertThat(f[i]).isZero();
    }
    // black vs navy: disjoint histograms and black's layout block is all zero → cosine 0
    assertThat(ImageFeatures.similarity(uniform(8, 0, 0, 0), uniform(8, 0, 0, 64 / 255f))).isZero();
  }

  @Test
  void identicalIsOneAndSimilarityIsSymmetricAndBounded() {
    SceneSampler s = new SceneSampler(WorldConfig.defaults());
    List<Scene> scenes = s.testSet(Split.TRAIN, 20, 4);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i + 1 < scenes.size(); i++) {
      Video a = Renderer.render(scenes.get(i));
      Video b = Renderer.render(scenes.get(i + 1)).withNoise(0.05, rng.nextLong());
      assertThat(ImageFeatures.similarity(a, a)).isCloseTo(1.0, offset(1e-6));
      double ab = ImageFeatures.similarity(a, b);
      assertThat(ab).isCloseTo(ImageFeatures.similarity(b, a), offset(1e-9)).isBetween(0.0, 1.0);
    }
  }

  @Test
  void smallEditsKeepMoreSimilarityThanBackgroundSwaps() {
    EditTasks tasks = EditTasks.defaults();
    double texture = 0;
    double background = 0;
    for (int i = 0; i < 20; i++) {
      EditExample t = tasks.sample(EditTask.TEXTURE, new SplittableRandom(i), Split.TRAIN);
      EditExample b = tasks.sample(EditTask.BACKGROUND, new SplittableRandom(i), Split.TRAIN);
      texture += ImageFeatures.similarity(t.sourceImage(), t.targetImage()) / 20;
      background += ImageFeatures.similarity(b.sourceImage(), b.targetImage()) / 20;
    }
    assertThat(texture).isGreaterThan(0.9);
    assertThat(background).isLessThan(texture - 0.2);
  }
}
