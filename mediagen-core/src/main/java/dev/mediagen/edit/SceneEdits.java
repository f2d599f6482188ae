package dev.mediagen.edit;

import dev.mediagen.world.DigitFont;
import dev.mediagen.world.Region;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.SceneText;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import dev.mediagen.world.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scene-graph transforms of the region-based and free-form edit tasks. Each returns a new image
 * scene (the input is unchanged); the target image is the world's render of the result, so it is
 * exact by construction. Layout rules for added objects mirror the world sampler's: a new object's
 * frame-0 centre lies at least {@code canvas/18} px inside its 3×3 region, and its box keeps {@code
 * max(1, canvas/16)} px of background from every other object and from the text.
 */
public final class SceneEdits {
  private SceneEdits() {}

  /** Object {@code i} recoloured to palette colour {@code colour}. */
  public static Scene recolour(Scene s, int i, int colour) {
    SceneObject o = s.objects().get(i);
    return replace(s, i, still(o.shape(), colour, o.size(), o.texture(), o.x(), o.y()));
  }

  /** Object {@code i} with texture {@code texture}. */
  public static Scene retexture(Scene s, int i, Texture texture) {
    SceneObject o = s.objects().get(i);
    return replace(s, i, still(o.shape(), o.colour(), o.size(), texture, o.x(), o.y()));
  }

  /** Every object recoloured to {@code colour} (the GLOBAL task). */
  public static Scene recolourAll(Scene s, int colour) {
    Scene out = s;
    for (int i = 0; i < s.objects().size(); i++) {
      out = recolour(out, i, colour);
    }
    return out;
  }

  /** Every object drawn with {@code texture} (the STYLE task). */
  public static Scene retextureAll(Scene s, Texture texture) {
    Scene out = s;
    for (int i = 0; i < s.objects().size(); i++) {
      out = retexture(out, i, texture);
    }
    return out;
  }

  /** The scene without object {@code i}; removing the only object leaves the bare background. */
  public static Scene remove(Scene s, int i) {
    List<SceneObject> objects = new ArrayList<>(s.objects());
    objects.remove(i);
    return with(s, s.background(), objects, s.text());
  }

  /** The scene with {@code o} appended (it becomes the last object). */
  public static Scene add(Scene s, SceneObject o) {
    List<SceneObject> objects = new ArrayList<>(s.objects());
    objects.add(o);
    return with(s, s.background(), objects, s.text());
  }

  /** The scene on background colour {@code background}. */
  public static Scene background(Scene s, int background) {
    return with(s, background, s.objects(), s.text());
  }

  /** The scene with its visual text replaced by {@code digits} at the same position. */
  public static Scene relabel(Scene s, String digits) {
    if (s.text() == null) {
      throw new IllegalArgumentException("scene has no visual text to relabel");
    }
    return with(s, s.background(), s.objects(), new SceneText(digits, s.text().x(), s.text().y()));
  }

  /**
   * The scene mirrored left↔right: each centre x becomes {@code width − x}. Sprites are symmetric
   * about their vertical axis and stripes are horizontal, so objects render as the pixel mirror of
   * the source; visual text moves to the mirrored place but its digits stay readable.
   */
  public static Scene mirror(Scene s) {
    List<SceneObject> objects = new ArrayList<>();
    for (SceneObject o : s.objects()) {
      objects.add(still(o.shape(), o.colour(), o.size(), o.texture(), s.width() - o.x(), o.y()));
    }
    SceneText t = s.text();
    SceneText text =
        t == null
            ? null
            : new SceneText(
                t.digits(),
                s.width() - t.x() - DigitFont.textWidth(t.digits().length(), s.canvas()),
                t.y());
    return with(s, s.background(), objects, text);
  }

  /** Regions holding an object's frame-0 centre. */
  public static boolean[] occupied(Scene s) {
    boolean[] used = new boolean[Region.values().length];
    for (SceneObject o : s.objects()) {
      used[region(s, o).ordinal()] = true;
    }
    return used;
  }

  /** The region of {@code o} in {@code s}. */
  public static Region region(Scene s, SceneObject o) {
    return Region.of(o.x(), o.y(), s.width(), s.height());
  }

  /**
   * A still object of the given kind whose centre lies in {@code region} (with the world's region
   * margin) and that keeps the world's gap to every object and the text of {@code s}; null when 20
   * random placements all fail.
   */
  public static SceneObject place(
      Scene s,
      SplittableRandom rng,
      ShapeKind shape,
      int colour,
      SizeKind size,
      Texture texture,
      Region region) {
    int d = size.pixels(s.canvas());
    for (int attempt = 0; attempt < 20; attempt++) {
      int x0 = corner(rng, region.col(), s.width(), d, s.canvas());
      int y0 = corner(rng, region.row(), s.height(), d, s.canvas());
      if (x0 < 0 || y0 < 0) {
        return null;
      }
      SceneObject o = still(shape, colour, size, texture, x0 + d / 2f, y0 + d / 2f);
      if (fits(s, o)) {
        return o;
      }
    }
    return null;
  }

  /**
   * True when {@code o}'s box keeps the world's gap from every object and the text of {@code s}.
   */
  static boolean fits(Scene s, SceneObject o) {
    int canvas = s.canvas();
    int gap = Math.max(1, canvas / 16);
    int d = o.size().pixels(canvas);
    int[] a = Trajectory.topLeft(s, o, 0);
    List<int[]> boxes = new ArrayList<>();
    for (SceneObject p : s.objects()) {
      int[] b = Trajectory.topLeft(s, p, 0);
      int e = p.size().pixels(canvas);
      boxes.add(new int[] {b[0], b[1], e, e});
    }
    if (s.text() != null) {
      SceneText t = s.text();
      boxes.add(
          new int[] {
            t.x(),
            t.y(),
            DigitFont.textWidth(t.digits().length(), canvas),
            DigitFont.textHeight(canvas)
          });
    }
    for (int[] b : boxes) {
      boolean apartX = a[0] + d + gap <= b[0] || b[0] + b[2] + gap <= a[0];
      boolean apartY = a[1] + d + gap <= b[1] || b[1] + b[3] + gap <= a[1];
      if (!apartX && !apartY) {
        return false;
      }
    }
    return true;
  }

  /** An integer sprite corner whose centre is inside grid cell {@code cell} with margin, or -1. */
  private static int corner(SplittableRandom rng, int cell, int extent, int d, int canvas) {
    double margin = canvas / 18.0;
    double lo = cell * extent / 3.0 + margin - d / 2.0;
    double hi = (cell + 1) * extent / 3.0 - margin - d / 2.0;
    int min = Math.max(0, (int) Math.ceil(lo));
    int max = Math.min(extent - d, (int) Math.floor(hi));
    return min > max ? -1 : min + rng.nextInt(max - min + 1);
  }

  private static SceneObject still(
      ShapeKind shape, int colour, SizeKind size, Texture texture, float x, float y) {
    return SceneObject.still(shape, colour, size, texture, x, y);
  }

  private static Scene replace(Scene s, int i, SceneObject o) {
    List<SceneObject> objects = new ArrayList<>(s.objects());
    objects.set(i, o);
    return with(s, s.background(), objects, s.text());
  }

  private static Scene with(Scene s, int background, List<SceneObject> objects, SceneText text) {
    return new Scene(s.width(), s.height(), s.frames(), s.fps(), background, objects, text);
  }
}
