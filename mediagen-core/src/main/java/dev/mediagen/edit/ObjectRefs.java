package dev.mediagen.edit;

import dev.mediagen.world.Palette;
import dev.mediagen.world.Region;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

/**
 * Referring expressions for objects ("the red circle", "the big box", "the shape on the left") and
 * the word tables instructions share. A description is drawn uniformly from the kinds that single
 * the object out in its scene; the region kind always does (one object per region), so every object
 * can be named.
 */
final class ObjectRefs {
  static final Map<ShapeKind, List<String>> SHAPE =
      Map.of(
          ShapeKind.CIRCLE, List.of("circle", "disc", "ball"),
          ShapeKind.SQUARE, List.of("square", "box", "block"),
          ShapeKind.TRIANGLE, List.of("triangle"));

  static final Map<SizeKind, List<String>> SIZE =
      Map.of(SizeKind.SMALL, List.of("small", "little"), SizeKind.LARGE, List.of("large", "big"));

  static final Map<Region, List<String>> REGION =
      Map.of(
          Region.TOP_LEFT, List.of("at the top left", "in the top left corner", "in the top left"),
          Region.TOP, List.of("at the top", "in the top middle"),
          Region.TOP_RIGHT,
              List.of("at the top right", "in the top right corner", "in the top right"),
          Region.LEFT, List.of("on the left", "at the left", "on the left side"),
          Region.CENTER, List.of("in the center", "in the middle", "at the center"),
          Region.RIGHT, List.of("on the right", "at the right", "on the right side"),
          Region.BOTTOM_LEFT,
              List.of("at the bottom left", "in the bottom left corner", "in the bottom left"),
          Region.BOTTOM, List.of("at the bottom", "in the bottom middle"),
          Region.BOTTOM_RIGHT,
              List.of("at the bottom right", "in the bottom right corner", "in the bottom right"));

  private static final List<String> NOUN = List.of("object", "shape", "one");
  private static final List<String> PLACED_NOUN = List.of("object", "shape", "thing");

  private ObjectRefs() {}

  /** A description of object {@code i} that no other object of {@code s} also fits. */
  static String describe(Scene s, int i, SplittableRandom rng) {
    SceneObject o = s.objects().get(i);
    List<String> options = new ArrayList<>();
    String shape = pick(SHAPE.get(o.shape()), rng);
    String colour = Palette.objectName(o.colour());
    if (unique(s, i, (a, b) -> a.colour() == b.colour() && a.shape() == b.shape())) {
      options.add("the " + colour + " " + shape);
    }
    if (unique(s, i, (a, b) -> a.shape() == b.shape())) {
      options.add("the " + shape);
    }
    if (unique(s, i, (a, b) -> a.colour() == b.colour())) {
      options.add("the " + colour + " " + pick(NOUN, rng));
    }
    if (unique(s, i, (a, b) -> a.size() == b.size() && a.shape() == b.shape())) {
      options.add("the " + pick(SIZE.get(o.size()), rng) + " " + shape);
    }
    if (unique(s, i, (a, b) -> a.texture() == b.texture() && a.shape() == b.shape())) {
      options.add("the " + texture(o.texture(), rng) + " " + shape);
    }
    String where = pick(REGION.get(SceneEdits.region(s, o)), rng);
    options.add("the " + pick(PLACED_NOUN, rng) + " " + where);
    options.add("the " + pick(SIZE.get(o.size()), rng) + " " + colour + " " + shape + " " + where);
    return pick(options, rng);
  }

  /**
   * A description of a new object for ADD: size, colour, optional texture and shape, e.g. "big
   * green striped box", "little blue circle with stripes", "small red plain triangle".
   */
  static String newObject(SceneObject o, SplittableRandom rng) {
    String size = pick(SIZE.get(o.size()), rng);
    String colour = Palette.objectName(o.colour());
    String shape = pick(SHAPE.get(o.shape()), rng);
    if (o.texture() == Texture.STRIPED) {
      return rng.nextBoolean()
          ? size + " " + colour + " striped " + shape
          : size + " " + colour + " " + shape + " with stripes";
    }
    int k = rng.nextInt(3);
    return k == 0
        ? size + " " + colour + " " + shape
        : size + " " + colour + " " + (k == 1 ? "solid " : "plain ") + shape;
  }

  /** A region phrase for {@code r}, e.g. "in the top left corner". */
  static String where(Region r, SplittableRandom rng) {
    return pick(REGION.get(r), rng);
  }

  static String texture(Texture t, SplittableRandom rng) {
    return t == Texture.STRIPED ? "striped" : rng.nextBoolean() ? "solid" : "plain";
  }

  static <T> T pick(List<T> options, SplittableRandom rng) {
    return options.get(rng.nextInt(options.size()));
  }

  private static boolean unique(Scene s, int i, BiPredicate<SceneObject, SceneObject> same) {
    SceneObject o = s.objects().get(i);
    for (int j = 0; j < s.objects().size(); j++) {
      if (j != i && same.test(o, s.objects().get(j))) {
        return false;
      }
    }
    return true;
  }
}
