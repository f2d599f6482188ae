package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.io.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pins the v1 world: {@code defaults()} and {@code tiny()} must keep producing exactly the scenes,
 * captions, pixels and checker readings they produced before ShapesWorld v2 (a text-to-video
 * checkpoint trained on them stores the config). The digests were computed with the code of commit
 * 3aa9741, before any v2 change; the literal examples make a failure readable.
 */
class CompatibilityTest {
  /** The {@code world} section of a checkpoint config.json written before v2 (no new fields). */
  static final String OLD_DEFAULTS_JSON =
      """
      {
        "countWeights": [0.5, 0.35, 0.15],
        "fps": [4, 8],
        "frames": 8,
        "heldOut": [
          {"colour": 0, "shape": "TRIANGLE"},
          {"colour": 2, "shape": "CIRCLE"},
          {"colour": 3, "shape": "SQUARE"},
          {"colour": 5, "shape": "TRIANGLE"}
        ],
        "maxSpeed": 0.45,
        "minSpeed": 0.15,
        "motionWeights": [0.2, 0.15, 0.15, 0.15, 0.15, 0.2],
        "size": 32,
        "stripedProbability": 0.35,
        "textProbability": 0.0
      }
      """;

  /** Field-by-field description of a scene that does not depend on {@code Scene.toString()}. */
  static String describe(Scene s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.width()).append('x').append(s.height()).append(' ').append(s.frames());
    sb.append('@').append(s.fps()).append(" bg").append(s.background());
    for (SceneObject o : s.objects()) {
      sb.append(" [")
          .append(o.shape())
          .append(',')
          .append(o.colour())
          .append(',')
          .append(o.size())
          .append(',')
          .append(o.texture())
          .append(',')
          .append(Float.floatToIntBits(o.x()))
          .append(',')
          .append(Float.floatToIntBits(o.y()))
          .append(',')
          .append(o.motion())
          .append(',')
          .append(Float.floatToIntBits(o.speed()))
          .append(',')
          .append(o.heading())
          .append(']');
    }
    if (s.text() != null) {
      sb.append(" text ").append(s.text().digits()).append('@').append(s.text().x());
      sb.append(',').append(s.text().y());
    }
    return sb.toString();
  }

  /** What the checker read, field by field (tracks included). */
  static String describe(Reading r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.frames()).append(" bg").append(r.background()).append(" '").append(r.text());
    sb.append('\'');
    for (DetectedObject d : r.objects()) {
      sb.append(" [")
          .append(d.colour())
          .append(d.shape())
          .append(d.size())
          .append(d.texture())
          .append(d.region())
          .append(d.x0())
          .append(',')
          .append(d.y0())
          .append(',')
          .append(d.x1())
          .append(',')
          .append(d.y1())
          .append(',')
          .append(d.area())
          .append(',')
          .append(d.motion())
          .append(d.heading())
          .append(Arrays.toString(d.trackX()))
          .append(Arrays.toString(d.trackY()))
          .append(']');
    }
    return sb.toString();
  }

  /**
   * SHA-256 over {@code n} seeded scenes of {@code cfg} (all splits, videos and images): scene
   * fields, a random caption, the canonical caption, the pixels and, every 5th scene, the checker's
   * reading of a noisy render.
   */
  static String digest(WorldConfig cfg, int n, long seed) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    SceneSampler sampler = new SceneSampler(cfg);
    Checker checker = new Checker();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      Scene s = sampler.sample(rng, Split.values()[i % 4], i % 3 != 0);
      Video v = Renderer.render(s);
      StringBuilder sb = new StringBuilder(describe(s));
      sb.append('|').append(Captioner.caption(s, rng));
      sb.append('|').append(Captioner.canonical(s));
      sb.append('|').append(Arrays.hashCode(v.data()));
      if (i % 5 == 0) {
        sb.append('|').append(describe(checker.read(v.withNoise(0.1, i))));
      }
      md.update(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
    for (Scene s : sampler.testSet(Split.TEST_UNSEEN, 20, seed, true)) {
      md.update(describe(s).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @Test
  void defaultAndTinyPresetsAreUnchanged() throws Exception {
    assertThat(digest(WorldConfig.defaults(), 300, 2024))
        .isEqualTo("5c7578368affafbbbc928a2f36a44aa4de638c81d44a02577dd54393273c2b04");
    assertThat(digest(WorldConfig.tiny(), 300, 7))
        .isEqualTo("60e492fc408ad2a5c8a25c397c27513e84939b6d1d06a772a5de5bc000f23211");
    assertThat(digest(WorldConfig.defaults().withTextProbability(0.5), 200, 3))
        .isEqualTo("82fb3300e5379952ee3f7fdcdc2a6f20e7eeedeb84ea5c264502e6c66ff6f90d");
  }

  @Test
  void anOldCheckpointConfigLoadsWithTheOldBehaviour() throws Exception {
    WorldConfig old = Json.fromJson(OLD_DEFAULTS_JSON, WorldConfig.class);
    assertThat(old).isEqualTo(WorldConfig.defaults());
    assertThat(digest(old, 100, 5))
        .isEqualTo("76ad0a5bf1f1bf38d32b7b05fcdcc3b4122300e7b96b1df6d27d10f8961dc348");
    // and the config still round-trips through the project's JSON
    assertThat(Json.fromJson(Json.toJson(old), WorldConfig.class)).isEqualTo(old);
  }

  @Test
  void literalExamplesAreUnchanged() {
    Scene s =
        new SceneSampler(WorldConfig.defaults()).sample(new SplittableRandom(1), Split.TRAIN, true);
    assertThat(describe(s))
        .isEqualTo(
            "32x32 8@8 bg0 [CIRCLE,7,LARGE,SOLID,1086324736,1103626240,STILL,0,STILL]"
                + " [TRIANGLE,1,SMALL,SOLID,1104674816,1090519040,LEFT,1096627697,LEFT]"
                + " [SQUARE,4,SMALL,SOLID,1103101952,1100480512,STILL,0,STILL]");
    assertThat(Captioner.caption(s, new SplittableRandom(1)))
        .isEqualTo(
            "a big white plain circle not moving in the bottom left, a small green solid triangle"
                + " moving left at the top right and a small magenta plain square on the right side"
                + " static, black background");
    assertThat(Captioner.canonical(s))
        .isEqualTo(
            "three objects on a black background: a large white solid circle at the bottom left"
                + " still; a small green solid triangle at the top right moving left; a small"
                + " magenta solid square on the right still");
    assertThat(Arrays.hashCode(Renderer.render(s).data())).isEqualTo(-217317375);
    Scene t =
        new SceneSampler(WorldConfig.tiny())
            .sample(new SplittableRandom(2), Split.TEST_UNSEEN, false);
    assertThat(describe(t))
        .isEqualTo(
            "16x16 1@2 bg1 [CIRCLE,0,LARGE,SOLID,1094713344,1094713344,STILL,0,STILL]"
                + " [SQUARE,3,LARGE,SOLID,1077936128,1088421888,STILL,0,STILL]");
    assertThat(Captioner.caption(t, new SplittableRandom(2)))
        .isEqualTo(
            "on a gray background, a big red solid circle in the bottom right corner and a large"
                + " yellow block on the left side");
    assertThat(Arrays.hashCode(Renderer.render(t).data())).isEqualTo(1598489793);
  }
}
