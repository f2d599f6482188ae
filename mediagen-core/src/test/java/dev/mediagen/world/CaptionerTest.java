package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.world.CaptionParser.ParsedCaption;
import dev.mediagen.world.CaptionParser.ParsedObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CaptionerTest {
  private static final SceneSampler SAMPLER = new SceneSampler(WorldConfig.defaults());
  private static final SceneSampler WITH_TEXT =
      new SceneSampler(WorldConfig.defaults().withTextProbability(0.5));

  /**
   * Size and hash of the v1 (camera-free) caption vocabulary, computed with the pre-v2 code:
   * tokenizers of existing checkpoints are rebuilt from it, so it must not change.
   */
  private static final int V1_VOCABULARY_SIZE = 96;

  private static final int V1_VOCABULARY_HASH = 1820420688;

  private static final SceneObject RED_STRIPED_CIRCLE =
      new SceneObject(ShapeKind.CIRCLE, 0, SizeKind.LARGE, Texture.STRIPED, 6, 6, Motion.RIGHT, 8f);
  private static final SceneObject BLUE_SQUARE =
      SceneObject.still(ShapeKind.SQUARE, 2, SizeKind.SMALL, Texture.SOLID, 16, 16);

  /** Asserts that the caption states exactly the scene's attributes, object by object. */
  private static void assertStatesScene(String caption, Scene s) {
    ParsedCaption p = CaptionParser.parse(caption);
    assertThat(p.background()).as(caption).isEqualTo(s.background());
    assertThat(p.objects()).as(caption).hasSize(s.objects().size());
    assertThat(p.text()).as(caption).isEqualTo(s.text() == null ? null : s.text().digits());
    if (s.camera() == null) {
      assertThat(p.camera()).as(caption).isNull();
    } else {
      assertThat(p.cameraOrStatic()).as(caption).isEqualTo(s.camera());
    }
    if (p.statedCount() >= 0) {
      assertThat(p.statedCount()).as(caption).isEqualTo(s.objects().size());
    }
    for (int i = 0; i < s.objects().size(); i++) {
      SceneObject o = s.objects().get(i);
      ParsedObject q = p.objects().get(i);
      assertThat(q.colour()).as(caption).isEqualTo(o.colour());
      assertThat(q.shape()).as(caption).isEqualTo(o.shape());
      assertThat(q.size()).as(caption).isEqualTo(o.size());
      assertThat(q.textureOrSolid()).as(caption).isEqualTo(o.texture());
      assertThat(q.region()).as(caption).isEqualTo(Region.of(o.x(), o.y(), s.width(), s.height()));
      if (s.isVideo()) {
        assertThat(q.motion()).as(caption).isEqualTo(o.motion());
        if (o.motion() == Motion.BOUNCE) {
          assertThat(q.bounceHorizontal()).as(caption).isEqualTo(o.bouncesHorizontally());
        }
      } else {
        assertThat(q.motion()).as(caption).isNull();
      }
    }
  }

  @Test
  void canonicalCaptionIsTheFixedTemplate() {
    Scene video = new Scene(32, 32, 8, 8, 0, List.of(RED_STRIPED_CIRCLE, BLUE_SQUARE));
    assertThat(Captioner.canonical(video))
        .isEqualTo(
            "two objects on a black background: a large red striped circle at the top left moving"
                + " right; a small blue solid square in the center still");
    Scene image = new Scene(32, 32, 1, 8, 2, List.of(BLUE_SQUARE.frozen()));
    assertThat(Captioner.canonical(image))
        .isEqualTo("one object on a navy background: a small blue solid square in the center");
  }

  @Test
  void parserReadsTheHandWrittenExamples() {
    ParsedCaption p =
        CaptionParser.parse(
            "gray background; top left: a big red circle with stripes, drifting to the right;"
                + " bottom: a little orange triangle, bouncing up and down");
    assertThat(p.background()).isEqualTo(1);
    assertThat(p.objects())
        .containsExactly(
            new ParsedObject(
                0,
                ShapeKind.CIRCLE,
                SizeKind.LARGE,
                Texture.STRIPED,
                Region.TOP_LEFT,
                Motion.RIGHT,
                null),
            new ParsedObject(
                6, ShapeKind.TRIANGLE, SizeKind.SMALL, null, Region.BOTTOM, Motion.BOUNCE, false));
  }

  @Property(tries = 400)
  void everyCaptionStatesEveryAttribute(
      @ForAll long seed, @ForAll boolean video, @ForAll Split split, @ForAll boolean text) {
    SplittableRandom rng = new SplittableRandom(seed);
    Scene s = (text ? WITH_TEXT : SAMPLER).sample(rng, split, video);
    assertThat(Captioner.wordCount(Captioner.tokens(Captioner.canonical(s))))
        .isLessThanOrEqualTo(s.text() == null ? 39 : 42);
    for (int k = 0; k < 10; k++) {
      String c = Captioner.caption(s, rng);
      assertStatesScene(c, s);
      // within budget, or the canonical fallback
      assertThat(
              Captioner.wordCount(Captioner.tokens(c)) <= Captioner.MAX_WORDS
                  || c.equals(Captioner.canonical(s)))
          .as(c)
          .isTrue();
      assertThat(Captioner.vocabulary()).as(c).containsAll(Captioner.tokens(c));
    }
    assertStatesScene(Captioner.canonical(s), s);
  }

  @Property(tries = 300)
  void v2CaptionsStateTheCameraAndEverythingElse(
      @ForAll long seed, @ForAll Split split, @ForAll boolean image) {
    SplittableRandom rng = new SplittableRandom(seed);
    SceneSampler v2 = new SceneSampler(WorldConfig.v2());
    Bucket b = v2.randomBucket(rng);
    Scene s = v2.sample(rng, split, image ? b.asImage() : b);
    String canonical = Captioner.canonical(s);
    assertStatesScene(canonical, s);
    assertThat(CaptionParser.parse(canonical).camera()).as(canonical).isEqualTo(s.camera());
    assertThat(Captioner.wordCount(Captioner.tokens(canonical))).isLessThanOrEqualTo(46);
    for (int k = 0; k < 10; k++) {
      String c = Captioner.caption(s, rng);
      assertStatesScene(c, s);
      if (s.camera().pans()) {
        assertThat(CaptionParser.parse(c).camera()).as("a pan is always stated: %s", c).isNotNull();
      }
      assertThat(Captioner.vocabulary(WorldConfig.v2())).as(c).containsAll(Captioner.tokens(c));
    }
  }

  @Test
  void cameraPhrasesVaryAndParseBack() {
    SceneObject still = BLUE_SQUARE;
    Scene pan = new Scene(32, 32, 8, 8, 0, List.of(still), null, CameraMotion.PAN_LEFT, 8f);
    assertThat(Captioner.canonical(pan))
        .isEqualTo(
            "one object on a black background: a small blue solid square in the center still,"
                + " the camera pans left");
    Scene fixed = pan.withCamera(CameraMotion.STATIC, 0f);
    assertThat(Captioner.canonical(fixed)).endsWith("still, static camera");
    Set<String> phrasings = new HashSet<>();
    int stated = 0;
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 400; i++) {
      String c = Captioner.caption(pan, rng);
      List<String> t = Captioner.tokens(c);
      boolean prefix =
          t.get(0).equals("the") || t.get(0).startsWith("pan") || t.get(0).equals("camera");
      phrasings.add(
          (prefix ? "prefix " : "suffix ")
              + (c.contains("to the left") ? "to the" : c.contains("panning") ? "panning" : "pan"));
      stated += CaptionParser.parse(Captioner.caption(fixed, rng)).camera() != null ? 1 : 0;
    }
    assertThat(phrasings).hasSizeGreaterThanOrEqualTo(5);
    // a static camera is mentioned in half the random captions
    assertThat(stated).isBetween(160, 240);
    assertThat(CaptionParser.parse("panning right: a red disc at the top moving left").camera())
        .isEqualTo(CameraMotion.PAN_RIGHT);
    ParsedCaption tilt = CaptionParser.parse("a red disc at the top static, the camera tilts down");
    assertThat(tilt.camera()).isEqualTo(CameraMotion.PAN_DOWN);
    assertThat(tilt.objects().get(0).motion()).isEqualTo(Motion.STILL);
    assertThat(CaptionParser.parse("a red disc at the top static; static camera").camera())
        .isEqualTo(CameraMotion.STATIC);
    assertThat(CaptionParser.parse("a red disc. the camera pans to the left").camera())
        .isEqualTo(CameraMotion.PAN_LEFT);
    assertThat(CaptionParser.parse("a red disc").camera()).isNull();
    assertThat(CaptionParser.parse("a red disc").cameraOrStatic()).isEqualTo(CameraMotion.STATIC);
  }

  @Test
  void v1VocabularyIsFrozenAndTheCameraWordsAreSeparate() {
    Set<String> v1 = Captioner.vocabulary();
    assertThat(v1).hasSize(V1_VOCABULARY_SIZE).doesNotContain("camera", "pans", "panning");
    assertThat(String.join(" ", v1).hashCode()).isEqualTo(V1_VOCABULARY_HASH);
    assertThat(Captioner.vocabulary(WorldConfig.defaults())).isEqualTo(v1);
    assertThat(Captioner.vocabulary(WorldConfig.tiny().withTextProbability(1))).isEqualTo(v1);
    Set<String> v2 = Captioner.vocabulary(WorldConfig.v2());
    assertThat(v2)
        .containsAll(v1)
        .contains("camera", "pans", "panning", "pan", "tilts", "tilt", "fixed", "steady");
    Set<String> added = new HashSet<>(v2);
    added.removeAll(v1);
    assertThat(added)
        .containsExactlyInAnyOrder(
            "camera", "pans", "panning", "pan", "tilts", "tilt", "fixed", "steady");
  }

  @Test
  void templatesAndSynonymsVary() {
    Scene s = new Scene(32, 32, 8, 8, 1, List.of(RED_STRIPED_CIRCLE, BLUE_SQUARE));
    SplittableRandom rng = new SplittableRandom(3);
    Set<String> captions = new HashSet<>();
    Set<String> openings = new HashSet<>();
    Set<String> words = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String c = Captioner.caption(s, rng);
      captions.add(c);
      List<String> t = Captioner.tokens(c);
      openings.add(t.get(0) + " " + t.get(1));
      words.addAll(t);
    }
    assertThat(captions).hasSizeGreaterThan(500);
    // distinct template openings: "a large", "a small", "a gray", "two objects", "on a", "there
    // are",
    // "a video", "a clip", "gray background", ...
    assertThat(openings).hasSizeGreaterThanOrEqualTo(8);
    assertThat(words)
        .contains(
            "disc",
            "ball",
            "box",
            "block",
            "big",
            "plain",
            "drifting",
            "static",
            "with",
            "stripes",
            "corner",
            "middle",
            ":");
  }

  @Test
  void vocabularyIsSmallAndCoversCanonicalWords() {
    Set<String> v = Captioner.vocabulary();
    assertThat(v)
        .contains(
            "red",
            "navy",
            "circle",
            "triangle",
            "bouncing",
            "horizontally",
            "top",
            "left",
            "still",
            "striped",
            "solid",
            "three",
            ",",
            ";",
            ":",
            ".");
    assertThat(v).hasSizeLessThan(120);
  }

  @Test
  void visualTextIsQuotedAndParsedBack() {
    Scene s = new Scene(32, 32, 1, 8, 0, List.of(BLUE_SQUARE.frozen()), new SceneText("37", 2, 2));
    String canonical = Captioner.canonical(s);
    assertThat(canonical)
        .isEqualTo(
            "one object on a black background: a small blue solid square in the center,"
                + " labelled \"37\"");
    assertThat(Captioner.tokens(canonical)).endsWith("labelled", "\"", "3", "7", "\"");
    assertThat(CaptionParser.parse(canonical).text()).isEqualTo("37");
    assertThat(CaptionParser.parse("a red disc with a sign reading \"5\"").text()).isEqualTo("5");
    assertThat(CaptionParser.parse("a red disc").text()).isNull();
  }

  @Test
  void tokensSplitPunctuationAndLowerCase() {
    assertThat(Captioner.tokens("Top left: a Red circle, still."))
        .containsExactly("top", "left", ":", "a", "red", "circle", ",", "still", ".");
  }
}
