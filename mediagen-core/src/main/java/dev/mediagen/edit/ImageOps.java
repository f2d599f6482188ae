package dev.mediagen.edit;

import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.Trajectory;
import dev.mediagen.world.Video;
import java.util.List;

/**
 * Pixel targets of the vision tasks, computed from the same geometry the renderer uses. Maps are
 * one frame, white (1, 1, 1) on black (0, 0, 0). Masks are row-major {@code boolean[h·w]}.
 */
public final class ImageOps {
  /**
   * Colour of DETECT box outlines, mint 128,255,128: at least 0.47 (RGB in [0, 1]; nearest is the
   * white stripe shade) from every palette colour, beyond the checker's 0.4 limit, so the checker
   * reads it as "unknown" (background) and the box never merges into an object.
   */
  public static final int BOX_RGB = 0x80FF80;

  private ImageOps() {}

  /**
   * Pixels of object {@code i}: the scene rendered with only that object on black, every non-black
   * pixel (every object colour and shade has a non-zero channel).
   */
  public static boolean[] objectMask(Scene s, int i) {
    return nonBlack(Renderer.render(only(s, List.of(s.objects().get(i)))));
  }

  /** Pixels of every object (text excluded). */
  public static boolean[] objectsMask(Scene s) {
    return nonBlack(Renderer.render(only(s, s.objects())));
  }

  /** Inclusive sprite box {x0, y0, x1, y1} of object {@code i} (the tight box of its pixels). */
  public static int[] objectBox(Scene s, int i) {
    SceneObject o = s.objects().get(i);
    int d = o.size().pixels(s.canvas());
    int[] tl = Trajectory.topLeft(s, o, 0);
    return new int[] {tl[0], tl[1], tl[0] + d - 1, tl[1] + d - 1};
  }

  /** A white-on-black map image of {@code mask}. */
  public static Video map(boolean[] mask, int w, int h) {
    float[] data = new float[3 * w * h];
    for (int p = 0; p < w * h; p++) {
      if (mask[p]) {
        data[p] = data[w * h + p] = data[2 * w * h + p] = 1f;
      }
    }
    return new Video(1, h, w, data);
  }

  /**
   * The DETECT target: {@code v} with a 1-px {@link #BOX_RGB} rectangle drawn one pixel outside the
   * inclusive box {@code box}, clipped to the canvas (the world's object gap keeps that ring on
   * background pixels).
   */
  public static Video drawBox(Video v, int[] box) {
    float[] out = v.data().clone();
    int w = v.width();
    int h = v.height();
    int x0 = box[0] - 1;
    int y0 = box[1] - 1;
    int x1 = box[2] + 1;
    int y1 = box[3] + 1;
    float[] rgb = channels(BOX_RGB);
    for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
      for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
        if (x == x0 || x == x1 || y == y0 || y == y1) {
          for (int c = 0; c < 3; c++) {
            out[v.index(0, c, y, x)] = rgb[c];
          }
        }
      }
    }
    return new Video(1, h, w, out);
  }

  /**
   * The inclusive box {x0, y0, x1, y1} of the pixels within 0.25 (RGB distance) of {@link
   * #BOX_RGB}, or null when there are none. On a DETECT target this is the drawn rectangle.
   */
  public static int[] readBox(Video v) {
    int w = v.width();
    int h = v.height();
    float[] rgb = channels(BOX_RGB);
    int[] box = {w, h, -1, -1};
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d2 = 0;
        for (int c = 0; c < 3; c++) {
          double e = v.data()[v.index(0, c, y, x)] - rgb[c];
          d2 += e * e;
        }
        if (d2 <= 0.25 * 0.25) {
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
        }
      }
    }
    return box[2] < 0 ? null : box;
  }

  /**
   * The edge map of an image: a pixel is an edge when its colour differs (by more than 1/255 in
   * some channel) from one of its 4 neighbours inside the canvas. Colour boundaries are 2 px thick
   * (one pixel on each side), and stripe bands and digits have edges too.
   */
  public static boolean[] edges(Video v) {
    int w = v.width();
    int h = v.height();
    boolean[] out = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] =
            (x > 0 && differ(v, x, y, x - 1, y))
                || (x < w - 1 && differ(v, x, y, x + 1, y))
                || (y > 0 && differ(v, x, y, x, y - 1))
                || (y < h - 1 && differ(v, x, y, x, y + 1));
      }
    }
    return out;
  }

  /**
   * Object contours (the held-out CONTOUR task): object pixels with a 4-neighbour that is not an
   * object pixel or lies outside the canvas — 1-px inner outlines, stripes and text ignored.
   */
  public static boolean[] contours(Scene s) {
    boolean[] in = objectsMask(s);
    int w = s.width();
    int h = s.height();
    boolean[] out = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        out[p] =
            in[p]
                && (x == 0
                    || y == 0
                    || x == w - 1
                    || y == h - 1
                    || !in[p - 1]
                    || !in[p + 1]
                    || !in[p - w]
                    || !in[p + w]);
      }
    }
    return out;
  }

  /**
   * The SUPER_RESOLUTION input: each 2×2 block replaced by its mean (a trailing odd row or column
   * averages only what it has), i.e. a ×2 average-pool downsample shown at full size by
   * nearest-neighbour upsampling.
   */
  public static Video pixelate(Video v) {
    int w = v.width();
    int h = v.height();
    float[] out = new float[v.data().length];
    for (int c = 0; c < 3; c++) {
      for (int by = 0; by < h; by += 2) {
        for (int bx = 0; bx < w; bx += 2) {
          int y1 = Math.min(h, by + 2);
          int x1 = Math.min(w, bx + 2);
          float sum = 0;
          for (int y = by; y < y1; y++) {
            for (int x = bx; x < x1; x++) {
              sum += v.data()[v.index(0, c, y, x)];
            }
          }
          float mean = sum / ((y1 - by) * (x1 - bx));
          for (int y = by; y < y1; y++) {
            for (int x = bx; x < x1; x++) {
              out[v.index(0, c, y, x)] = mean;
            }
          }
        }
      }
    }
    return new Video(1, h, w, out);
  }

  /** Map pixels of an output: "on" when all three channels exceed 0.5 (colours never count). */
  public static boolean[] binarize(Video v) {
    int plane = v.width() * v.height();
    boolean[] out = new boolean[plane];
    float[] d = v.data();
    for (int p = 0; p < plane; p++) {
      out[p] = d[p] > 0.5f && d[plane + p] > 0.5f && d[2 * plane + p] > 0.5f;
    }
    return out;
  }

  /** {@code 0xRRGGBB} as three floats in [0, 1]. */
  static float[] channels(int rgb) {
    return new float[] {
      ((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f
    };
  }

  private static boolean differ(Video v, int x, int y, int x2, int y2) {
    for (int c = 0; c < 3; c++) {
      if (Math.abs(v.data()[v.index(0, c, y, x)] - v.data()[v.index(0, c, y2, x2)]) > 1 / 255f) {
        return true;
      }
    }
    return false;
  }

  private static boolean[] nonBlack(Video v) {
    int plane = v.width() * v.height();
    boolean[] out = new boolean[plane];
    float[] d = v.data();
    for (int p = 0; p < plane; p++) {
      out[p] = d[p] > 0 || d[plane + p] > 0 || d[2 * plane + p] > 0;
    }
    return out;
  }

  private static Scene only(Scene s, List<SceneObject> objects) {
    return new Scene(s.width(), s.height(), 1, s.fps(), 0, objects);
  }
}
