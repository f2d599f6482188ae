package dev.mediagen.world;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The caption phrase tables shared by {@link Captioner} (which draws from them; the first entry is
 * the canonical one) and {@link CaptionParser} (which reads them back). Keeping both directions on
 * one table is what makes every caption parseable.
 */
final class Phrases {
  private Phrases() {}

  static final Map<ShapeKind, List<String>> SHAPE =
      new EnumMap<>(
          Map.of(
              ShapeKind.CIRCLE, List.of("circle", "disc", "ball"),
              ShapeKind.SQUARE, List.of("square", "box", "block"),
              ShapeKind.TRIANGLE, List.of("triangle")));

  static final Map<SizeKind, List<String>> SIZE =
      new EnumMap<>(
          Map.of(
              SizeKind.SMALL, List.of("small", "little"),
              SizeKind.LARGE, List.of("large", "big")));

  /** Adjectives before the noun; a SOLID object may also have no texture word at all. */
  static final Map<Texture, List<String>> TEXTURE_ADJ =
      new EnumMap<>(
          Map.of(
              Texture.SOLID, List.of("solid", "plain"),
              Texture.STRIPED, List.of("striped")));

  /** Texture phrase after the noun (STRIPED only). */
  static final String STRIPES_AFTER = "with stripes";

  /** Position phrases after the noun. */
  static final Map<Region, List<String>> REGION =
      new EnumMap<>(
          Map.of(
              Region.TOP_LEFT,
              List.of("at the top left", "in the top left corner", "in the top left"),
              Region.TOP,
              List.of("at the top", "in the top middle"),
              Region.TOP_RIGHT,
              List.of("at the top right", "in the top right corner", "in the top right"),
              Region.LEFT,
              List.of("on the left", "at the left", "on the left side"),
              Region.CENTER,
              List.of("in the center", "in the middle", "at the center"),
              Region.RIGHT,
              List.of("on the right", "at the right", "on the right side"),
              Region.BOTTOM_LEFT,
              List.of("at the bottom left", "in the bottom left corner", "in the bottom left"),
              Region.BOTTOM,
              List.of("at the bottom", "in the bottom middle"),
              Region.BOTTOM_RIGHT,
              List.of("at the bottom right", "in the bottom right corner", "in the bottom right")));

  /** Position labels that open a clause and are followed by a colon ("top left: a red circle"). */
  static final Map<Region, List<String>> REGION_LABEL =
      new EnumMap<>(
          Map.of(
              Region.TOP_LEFT, List.of("top left"),
              Region.TOP, List.of("top"),
              Region.TOP_RIGHT, List.of("top right"),
              Region.LEFT, List.of("left"),
              Region.CENTER, List.of("center", "middle"),
              Region.RIGHT, List.of("right"),
              Region.BOTTOM_LEFT, List.of("bottom left"),
              Region.BOTTOM, List.of("bottom"),
              Region.BOTTOM_RIGHT, List.of("bottom right")));

  /** Motion phrases; BOUNCE is split by axis below. */
  static final Map<Motion, List<String>> MOTION =
      new EnumMap<>(
          Map.of(
              Motion.STILL, List.of("still", "not moving", "static", "standing still"),
              Motion.LEFT,
                  List.of("moving left", "drifting to the left", "going left", "sliding left"),
              Motion.RIGHT,
                  List.of("moving right", "drifting to the right", "going right", "sliding right"),
              Motion.UP, List.of("moving up", "drifting upward", "going up", "rising"),
              Motion.DOWN, List.of("moving down", "drifting downward", "going down", "sinking")));

  static final List<String> BOUNCE_HORIZONTAL =
      List.of("bouncing horizontally", "bouncing left and right", "bouncing side to side");
  static final List<String> BOUNCE_VERTICAL =
      List.of("bouncing vertically", "bouncing up and down");

  /**
   * Camera-motion phrases (Movie Gen's camera-motion control words); the first is canonical. A
   * STATIC camera may also go unmentioned in a random caption.
   */
  static final Map<CameraMotion, List<String>> CAMERA =
      new EnumMap<>(
          Map.of(
              CameraMotion.STATIC,
                  List.of("static camera", "the camera is still", "fixed camera", "steady camera"),
              CameraMotion.PAN_LEFT,
                  List.of(
                      "the camera pans left",
                      "the camera pans to the left",
                      "camera panning left",
                      "panning left",
                      "pan left"),
              CameraMotion.PAN_RIGHT,
                  List.of(
                      "the camera pans right",
                      "the camera pans to the right",
                      "camera panning right",
                      "panning right",
                      "pan right"),
              CameraMotion.PAN_UP,
                  List.of(
                      "the camera pans up",
                      "the camera tilts up",
                      "camera panning up",
                      "panning up",
                      "tilt up"),
              CameraMotion.PAN_DOWN,
                  List.of(
                      "the camera pans down",
                      "the camera tilts down",
                      "camera panning down",
                      "panning down",
                      "tilt down")));

  /** Phrases that introduce quoted visual text ({@code labelled "37"}); the first is canonical. */
  static final List<String> TEXT =
      List.of("labelled", "with the text", "and the number", "with a sign reading");

  /** The quote token and the digits that may stand between quotes (one token per digit). */
  static final List<String> QUOTED =
      List.of("\"", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  static final List<String> COUNT = List.of("one", "two", "three");
  static final List<String> PLURAL = List.of("objects", "shapes");
  static final List<String> SINGULAR = List.of("object", "shape");

  /** Words that only glue templates together. */
  static final List<String> FILLER =
      List.of(
          "a",
          "an",
          "and",
          "on",
          "with",
          "the",
          "background",
          "is",
          "are",
          "there",
          "of",
          "video",
          "clip",
          "image",
          "picture",
          ",",
          ":",
          ";",
          ".");

  /** Motion phrases of {@code o} (axis-specific for BOUNCE). */
  static List<String> motion(SceneObject o) {
    if (o.motion() == Motion.BOUNCE) {
      return o.bouncesHorizontally() ? BOUNCE_HORIZONTAL : BOUNCE_VERTICAL;
    }
    return MOTION.get(o.motion());
  }
}
