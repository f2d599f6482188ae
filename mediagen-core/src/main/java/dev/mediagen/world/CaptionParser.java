package dev.mediagen.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link Captioner} caption back into attributes, so prompts can be compared with what the
 * {@link Checker} reads from pixels (an exact "analytic CLIP"). Tokens are matched greedily against
 * the phrase tables, longest phrase first. Size, colour and texture adjectives and a "label:"
 * position bind to the next shape noun; "with stripes", position phrases and motion phrases bind to
 * the previous noun; background colour names set the background; camera phrases set the camera.
 */
public final class CaptionParser {

  /**
   * Attributes one clause states; a field is null when the caption does not state it.
   *
   * @param colour object colour index
   * @param shape the shape noun
   * @param size size adjective
   * @param texture texture word (null: none given, which means SOLID)
   * @param region frame-0 position
   * @param motion motion (null in image captions)
   * @param bounceHorizontal for BOUNCE, whether the bounce axis is horizontal
   */
  public record ParsedObject(
      Integer colour,
      ShapeKind shape,
      SizeKind size,
      Texture texture,
      Region region,
      Motion motion,
      Boolean bounceHorizontal) {

    /** The texture, reading an unstated texture as SOLID. */
    public Texture textureOrSolid() {
      return texture == null ? Texture.SOLID : texture;
    }
  }

  /**
   * A parsed caption.
   *
   * @param background background colour index, or -1 when unstated
   * @param statedCount the count word ("two objects"), or -1 when unstated
   * @param objects one entry per shape noun, in caption order
   * @param text the quoted digits, or null when the caption has none
   * @param camera the stated camera motion, or null when the caption states none (which, in a world
   *     with a camera, means STATIC)
   */
  public record ParsedCaption(
      int background,
      int statedCount,
      List<ParsedObject> objects,
      String text,
      CameraMotion camera) {

    /** A caption without a camera phrase. */
    public ParsedCaption(int background, int statedCount, List<ParsedObject> objects, String text) {
      this(background, statedCount, objects, text, null);
    }

    /** The camera, reading an unstated camera as STATIC. */
    public CameraMotion cameraOrStatic() {
      return camera == null ? CameraMotion.STATIC : camera;
    }
  }

  private enum Kind {
    COLOUR,
    BACKGROUND,
    SHAPE,
    SIZE,
    TEXTURE,
    STRIPES,
    REGION,
    LABEL,
    MOTION,
    COUNT,
    CAMERA
  }

  private record Entry(Kind kind, Object value, Boolean horizontal) {}

  private static final Map<List<String>, Entry> PHRASES = new HashMap<>();
  private static final Map<List<String>, Entry> LABELS = new HashMap<>();
  private static final int LONGEST;

  static {
    for (int i = 0; i < Palette.objectColours(); i++) {
      put(Palette.objectName(i), new Entry(Kind.COLOUR, i, null));
    }
    for (int i = 0; i < Palette.backgrounds(); i++) {
      put(Palette.backgroundName(i), new Entry(Kind.BACKGROUND, i, null));
    }
    Phrases.SHAPE.forEach((k, l) -> l.forEach(p -> put(p, new Entry(Kind.SHAPE, k, null))));
    Phrases.SIZE.forEach((k, l) -> l.forEach(p -> put(p, new Entry(Kind.SIZE, k, null))));
    Phrases.TEXTURE_ADJ.forEach((k, l) -> l.forEach(p -> put(p, new Entry(Kind.TEXTURE, k, null))));
    put(Phrases.STRIPES_AFTER, new Entry(Kind.STRIPES, Texture.STRIPED, null));
    Phrases.REGION.forEach((k, l) -> l.forEach(p -> put(p, new Entry(Kind.REGION, k, null))));
    Phrases.MOTION.forEach((k, l) -> l.forEach(p -> put(p, new Entry(Kind.MOTION, k, null))));
    Phrases.BOUNCE_HORIZONTAL.forEach(p -> put(p, new Entry(Kind.MOTION, Motion.BOUNCE, true)));
    Phrases.BOUNCE_VERTICAL.forEach(p -> put(p, new Entry(Kind.MOTION, Motion.BOUNCE, false)));
    for (int i = 0; i < Phrases.COUNT.size(); i++) {
      put(Phrases.COUNT.get(i), new Entry(Kind.COUNT, i + 1, null));
    }
    Phrases.CAMERA.forEach((k, l) -> l.forEach(p -> put(p, new Entry(Kind.CAMERA, k, null))));
    Phrases.REGION_LABEL.forEach(
        (k, l) -> l.forEach(p -> LABELS.put(Captioner.tokens(p), new Entry(Kind.LABEL, k, null))));
    LONGEST = PHRASES.keySet().stream().mapToInt(List::size).max().orElse(1);
  }

  private CaptionParser() {}

  private static void put(String phrase, Entry e) {
    List<String> key = Captioner.tokens(phrase);
    Entry old = PHRASES.put(key, e);
    if (old != null && !old.equals(e)) {
      throw new IllegalStateException("phrase '" + phrase + "' is ambiguous: " + old + " / " + e);
    }
  }

  /** Parses {@code caption}; unknown words are ignored. */
  public static ParsedCaption parse(String caption) {
    List<String> t = Captioner.tokens(caption);
    int background = -1;
    int count = -1;
    List<ParsedObject> objects = new ArrayList<>();
    Builder pending = new Builder();
    Builder current = null;
    String text = null;
    CameraMotion camera = null;
    int i = 0;
    while (i < t.size()) {
      if (t.get(i).equals(Captioner.QUOTE)) {
        // quoted visual text: the digit tokens up to the closing quote
        StringBuilder digits = new StringBuilder();
        for (i++; i < t.size() && !t.get(i).equals(Captioner.QUOTE); i++) {
          digits.append(t.get(i));
        }
        text = digits.toString();
        i++;
        continue;
      }
      Entry e = null;
      int len = 0;
      for (int n = Math.min(LONGEST, t.size() - i); n >= 1 && e == null; n--) {
        List<String> key = t.subList(i, i + n);
        boolean colonNext = i + n < t.size() && t.get(i + n).equals(":");
        e = colonNext && LABELS.containsKey(key) ? LABELS.get(key) : PHRASES.get(key);
        len = n;
      }
      if (e == null) {
        i++;
        continue;
      }
      i += len;
      switch (e.kind()) {
        case BACKGROUND -> background = (Integer) e.value();
        case COUNT -> count = (Integer) e.value();
        case CAMERA -> camera = (CameraMotion) e.value();
        case COLOUR -> pending.colour = (Integer) e.value();
        case SIZE -> pending.size = (SizeKind) e.value();
        case TEXTURE -> pending.texture = (Texture) e.value();
        case LABEL -> pending.region = (Region) e.value();
        case SHAPE -> {
          if (current != null) {
            objects.add(current.build());
          }
          current = pending;
          current.shape = (ShapeKind) e.value();
          pending = new Builder();
        }
        case STRIPES -> {
          if (current != null) {
            current.texture = Texture.STRIPED;
          }
        }
        case REGION -> {
          if (current != null) {
            current.region = (Region) e.value();
          }
        }
        case MOTION -> {
          if (current != null) {
            current.motion = (Motion) e.value();
            current.horizontal = e.horizontal();
          }
        }
      }
    }
    if (current != null) {
      objects.add(current.build());
    }
    return new ParsedCaption(background, count, List.copyOf(objects), text, camera);
  }

  private static final class Builder {
    Integer colour;
    ShapeKind shape;
    SizeKind size;
    Texture texture;
    Region region;
    Motion motion;
    Boolean horizontal;

    ParsedObject build() {
      return new ParsedObject(colour, shape, size, texture, region, motion, horizontal);
    }
  }
}
