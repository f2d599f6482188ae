package dev.mediagen.arena.gen;

import dev.mediagen.world.CaptionParser;
import dev.mediagen.world.CaptionParser.ParsedCaption;
import dev.mediagen.world.CaptionParser.ParsedObject;
import dev.mediagen.world.DigitFont;
import dev.mediagen.world.Palette;
import dev.mediagen.world.Region;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.SceneText;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ShapesWorld image a caption asks for: every attribute the caption states is honoured, every
 * unstated one (position, size, background, and an object when the caption names none) is drawn from
 * the generator. Used by the reference ("shapes") backends, by control images (the caption rendered
 * deliberately wrong) and by the synthetic voters' oracle.
 */
public final class CaptionScenes {
  /** Most objects a scene gets (ShapesWorld's limit). */
  public static final int MAX_OBJECTS = 3;

  private CaptionScenes() {}

  /** An image scene ({@code canvas}×{@code canvas}) satisfying {@code caption}. */
  public static Scene sceneFor(String caption, int canvas, SplittableRandom rng) {
    return sceneFor(CaptionParser.parse(caption), canvas, rng);
  }

  /** An image scene satisfying the parsed caption. */
  public static Scene sceneFor(ParsedCaption p, int canvas, SplittableRandom rng) {
    List<ParsedObject> wanted = p.objects().isEmpty()
        ? List.of(new ParsedObject(null, null, null, null, null, null, null))
        : p.objects().subList(0, Math.min(MAX_OBJECTS, p.objects().size()));
    int background = p.background() >= 0 ? p.background() : rng.nextInt(Palette.backgrounds());
    List<Spec> specs = new ArrayList<>();
    for (ParsedObject o : wanted) {
      specs.add(new Spec(
          o.shape() != null ? o.shape() : ShapeKind.values()[rng.nextInt(ShapeKind.values().length)],
          o.colour() != null ? o.colour() : rng.nextInt(Palette.objectColours()),
          o.size() != null ? o.size() : SizeKind.values()[rng.nextInt(2)],
          o.textureOrSolid(),
          o.region()));
    }
    return place(canvas, background, specs, p.text(), rng);
  }

  /**
   * The caption rendered wrong on purpose (a control image): every object gets another colour and
   * another shape than stated (or drawn), and the background changes when the caption states it.
   */
  public static Scene contradict(String caption, int canvas, SplittableRandom rng) {
    ParsedCaption p = CaptionParser.parse(caption);
    Scene right = sceneFor(p, canvas, rng);
    List<Spec> specs = new ArrayList<>();
    for (SceneObject o : right.objects()) {
      int colour = (o.colour() + 1 + rng.nextInt(Palette.objectColours() - 1)) % Palette.objectColours();
      ShapeKind shape = ShapeKind.values()[(o.shape().ordinal() + 1 + rng.nextInt(2)) % 3];
      specs.add(new Spec(shape, colour, o.size(), o.texture(), null));
    }
    int background = p.background() >= 0 ? (p.background() + 1) % Palette.backgrounds() : right.background();
    return place(canvas, background, specs, null, rng);
  }

  /**
   * {@code scene} with attribute errors: each object independently, with probability {@code rate},
   * gets one of colour, shape, size or position wrong (a generator that follows the prompt less well).
   */
  public static Scene corrupt(Scene scene, double rate, SplittableRandom rng) {
    if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException("error rate %s must be in [0, 1]".formatted(rate));
    List<Spec> specs = new ArrayList<>();
    boolean changed = false;
    for (SceneObject o : scene.objects()) {
      Region region = Region.of(o.x(), o.y(), scene.width(), scene.height());
      Spec s = new Spec(o.shape(), o.colour(), o.size(), o.texture(), region);
      if (rng.nextDouble() < rate) {
        changed = true;
        s = switch (rng.nextInt(4)) {
          case 0 -> new Spec(s.shape, (s.colour + 1 + rng.nextInt(Palette.objectColours() - 1)) % Palette.objectColours(), s.size, s.texture, s.region);
          case 1 -> new Spec(ShapeKind.values()[(s.shape.ordinal() + 1 + rng.nextInt(2)) % 3], s.colour, s.size, s.texture, s.region);
          case 2 -> new Spec(s.shape, s.colour, s.size == SizeKind.SMALL ? SizeKind.LARGE : SizeKind.SMALL, s.texture, s.region);
          default -> new Spec(s.shape, s.colour, s.size, s.texture, Region.values()[(region.ordinal() + 1 + rng.nextInt(8)) % 9]);
        };
      }
      specs.add(s);
    }
    if (!changed) return scene;
    return place(scene.width(), scene.background(), specs, scene.text() == null ? null : scene.text().digits(), rng);
  }

  /** Object attributes before placement; a null region means "anywhere free". */
  private record Spec(ShapeKind shape, int colour, SizeKind size, Texture texture, Region region) {}

  private static Scene place(int canvas, int background, List<Spec> specs, String digits, SplittableRandom rng) {
    SceneText text = null;
    if (digits != null && !digits.isEmpty() && digits.length() <= 2) {
      int tw = DigitFont.textWidth(digits.length(), canvas);
      int th = DigitFont.textHeight(canvas);
      text = new SceneText(digits, rng.nextInt(canvas - tw + 1), rng.nextInt(canvas - th + 1));
    }
    for (int restart = 0; restart < 50; restart++) {
      List<SceneObject> objects = new ArrayList<>();
      boolean[] used = new boolean[9];
      specs.stream().filter(s -> s.region != null).forEach(s -> used[s.region.ordinal()] = true);
      for (Spec s : specs) {
        SceneObject o = placeOne(canvas, s, used, objects, text, rng, restart < 40);
        if (o == null) break;
        objects.add(o);
        used[Region.of(o.x(), o.y(), canvas, canvas).ordinal()] = true;
      }
      if (objects.size() == specs.size()) return new Scene(canvas, canvas, 1, 1, background, objects, text);
      if (restart == 30) text = null; // the digits leave too little room: drop them before giving up
    }
    throw new IllegalStateException("cannot place %d objects on a %dx%d canvas".formatted(specs.size(), canvas, canvas));
  }

  private static SceneObject placeOne(
      int canvas, Spec s, boolean[] used, List<SceneObject> placed, SceneText text, SplittableRandom rng, boolean strict) {
    int d = s.size.pixels(canvas);
    double margin = canvas / 18.0;
    int gap = Math.max(1, canvas / 16);
    for (int attempt = 0; attempt < 40; attempt++) {
      Region region = s.region;
      if (region == null) {
        region = Region.values()[rng.nextInt(9)];
        if (used[region.ordinal()]) continue;
      }
      int x0 = corner(rng, region.col(), canvas, d, margin);
      int y0 = corner(rng, region.row(), canvas, d, margin);
      if (x0 < 0 || y0 < 0) continue;
      if (strict && !apart(x0, y0, d, gap, placed, canvas, text)) continue;
      return SceneObject.still(s.shape, s.colour, s.size, s.texture, (float) (x0 + d / 2.0), (float) (y0 + d / 2.0));
    }
    return null;
  }

  /** An integer sprite corner whose centre lies in grid cell {@code cell} at least {@code margin} from its borders. */
  private static int corner(SplittableRandom rng, int cell, int extent, int d, double margin) {
    double lo = cell * extent / 3.0 + margin - d / 2.0;
    double hi = (cell + 1) * extent / 3.0 - margin - d / 2.0;
    int min = Math.max(0, (int) Math.ceil(lo));
    int max = Math.min(extent - d, (int) Math.floor(hi));
    return min > max ? -1 : min + rng.nextInt(max - min + 1);
  }

  private static boolean apart(int x0, int y0, int d, int gap, List<SceneObject> placed, int canvas, SceneText text) {
    for (SceneObject p : placed) {
      int e = p.size().pixels(canvas);
      int px = Math.round(p.x() - e / 2f);
      int py = Math.round(p.y() - e / 2f);
      boolean apartX = x0 + d + gap <= px || px + e + gap <= x0;
      boolean apartY = y0 + d + gap <= py || py + e + gap <= y0;
      if (!apartX && !apartY) return false;
    }
    if (text != null) {
      int tw = DigitFont.textWidth(text.digits().length(), canvas);
      int th = DigitFont.textHeight(canvas);
      boolean apartX = x0 + d + gap <= text.x() || text.x() + tw + gap <= x0;
      boolean apartY = y0 + d + gap <= text.y() || text.y() + th + gap <= y0;
      if (!apartX && !apartY) return false;
    }
    return true;
  }
}
