package dev.mediagen.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pixel-level half of the {@link Checker}: nearest-palette labels and 4-connected foreground
 * components.
 *
 * <p>Label codes: {@link #UNKNOWN} for a pixel farther than the distance limit from every palette
 * colour, {@code 0..2} background colour, {@code BASE + c} object colour {@code c}, {@code SHADE +
 * c} its stripe shade, {@link #TEXT} the visual-text colour. Every background colour and every
 * unknown pixel counts as background when segmenting, so objects are the components of
 * object-or-shade pixels, whatever their colour; colour is voted per component later.
 */
final class Segmentation {
  static final int UNKNOWN = -1;
  static final int BASE = 3;
  static final int SHADE = BASE + 8;
  static final int TEXT = SHADE + 8;
  private static final float[][] COLOURS = palette();

  private Segmentation() {}

  private static float[][] palette() {
    int n = Palette.objectColours();
    float[][] p = new float[TEXT + 1][];
    p[TEXT] = Renderer.channels(Palette.textRgb());
    for (int i = 0; i < Palette.backgrounds(); i++) {
      p[i] = Renderer.channels(Palette.backgroundRgb(i));
    }
    for (int c = 0; c < n; c++) {
      p[BASE + c] = Renderer.channels(Palette.objectRgb(c));
      p[SHADE + c] = Renderer.channels(Palette.shadeRgb(c));
    }
    return p;
  }

  /** True for object and shade labels. */
  static boolean isObject(int label) {
    return label >= BASE && label < TEXT;
  }

  /** Object colour of an object or shade label. */
  static int family(int label) {
    return label >= SHADE ? label - SHADE : label - BASE;
  }

  /**
   * Mean distance (RGB in [0,1]) from each pixel to its nearest palette colour: 0 for a clean
   * render.
   */
  static double offPalette(Video v) {
    float[] d = v.data();
    int plane = v.height() * v.width();
    double sum = 0;
    for (int t = 0; t < v.frames(); t++) {
      int r0 = t * 3 * plane;
      for (int p = 0; p < plane; p++) {
        float best = Float.MAX_VALUE;
        for (float[] c : COLOURS) {
          float dr = d[r0 + p] - c[0];
          float dg = d[r0 + plane + p] - c[1];
          float db = d[r0 + 2 * plane + p] - c[2];
          best = Math.min(best, dr * dr + dg * dg + db * db);
        }
        sum += Math.sqrt(best);
      }
    }
    return sum / (v.frames() * (double) plane);
  }

  /** Per-channel 3×3 median of every frame (edges clamped): removes pixel noise, keeps edges. */
  static Video median(Video v) {
    int w = v.width();
    int h = v.height();
    float[] in = v.data();
    float[] out = new float[in.length];
    float[] win = new float[9];
    for (int tc = 0; tc < v.frames() * 3; tc++) {
      int base = tc * h * w;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int n = 0;
          for (int dy = -1; dy <= 1; dy++) {
            int yy = Math.min(h - 1, Math.max(0, y + dy));
            for (int dx = -1; dx <= 1; dx++) {
              win[n++] = in[base + yy * w + Math.min(w - 1, Math.max(0, x + dx))];
            }
          }
          Arrays.sort(win);
          out[base + y * w + x] = win[4];
        }
      }
    }
    return new Video(v.frames(), h, w, out);
  }

  /** Nearest-palette label of every pixel of frame {@code t}, row-major. */
  static int[] label(Video v, int t, double maxDistance) {
    int w = v.width();
    int plane = v.height() * w;
    float[] d = v.data();
    int r0 = t * 3 * plane;
    float limit = (float) (maxDistance * maxDistance);
    int[] labels = new int[plane];
    for (int p = 0; p < plane; p++) {
      float r = d[r0 + p];
      float g = d[r0 + plane + p];
      float b = d[r0 + 2 * plane + p];
      int best = UNKNOWN;
      float bestD = limit;
      for (int k = 0; k < COLOURS.length; k++) {
        float[] c = COLOURS[k];
        float dr = r - c[0];
        float dg = g - c[1];
        float db = b - c[2];
        float dist = dr * dr + dg * dg + db * db;
        if (dist <= bestD) {
          bestD = dist;
          best = k;
        }
      }
      labels[p] = best;
    }
    return labels;
  }

  /**
   * Plus-shaped majority filter on the foreground: a pixel is foreground when at least 3 of itself
   * and its 4 neighbours are (outside the canvas counts as background). It removes isolated noise
   * flips in both directions, yet leaves every clean render unchanged: a convex sprite pixel always
   * has at least two sprite neighbours, an outside pixel at most two, and objects keep a gap. A
   * pixel that becomes foreground takes the most common object label among its neighbours.
   */
  static int[] denoise(int[] labels, int w, int h) {
    int[] out = new int[labels.length];
    int[] nb = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        nb[0] = x > 0 ? labels[p - 1] : UNKNOWN;
        nb[1] = x < w - 1 ? labels[p + 1] : UNKNOWN;
        nb[2] = y > 0 ? labels[p - w] : UNKNOWN;
        nb[3] = y < h - 1 ? labels[p + w] : UNKNOWN;
        int votes = isObject(labels[p]) ? 1 : 0;
        for (int l : nb) {
          votes += isObject(l) ? 1 : 0;
        }
        if (votes < 3) {
          out[p] = isObject(labels[p]) ? UNKNOWN : labels[p];
        } else if (isObject(labels[p])) {
          out[p] = labels[p];
        } else {
          out[p] = mostCommonObject(nb);
        }
      }
    }
    return out;
  }

  private static int mostCommonObject(int[] nb) {
    int best = UNKNOWN;
    int bestCount = 0;
    for (int a : nb) {
      int c = 0;
      for (int b : nb) {
        c += isObject(a) && a == b ? 1 : 0;
      }
      if (c > bestCount) {
        best = a;
        bestCount = c;
      }
    }
    return best;
  }

  /**
   * 4-connected components of object pixels with at least {@code minArea} pixels, in raster order
   * of their first pixel. Each component lists its pixel indices.
   */
  static List<int[]> components(int[] labels, int w, int h, int minArea) {
    int[] seen = new int[labels.length];
    int[] stack = new int[labels.length];
    List<int[]> out = new ArrayList<>();
    for (int start = 0; start < labels.length; start++) {
      if (seen[start] != 0 || !isObject(labels[start])) {
        continue;
      }
      int n = 0;
      int top = 0;
      stack[top++] = start;
      seen[start] = 1;
      int[] members = new int[16];
      while (top > 0) {
        int p = stack[--top];
        if (n == members.length) {
          members = Arrays.copyOf(members, 2 * n);
        }
        members[n++] = p;
        int x = p % w;
        int y = p / w;
        top = x > 0 ? push(labels, seen, stack, top, p - 1) : top;
        top = x < w - 1 ? push(labels, seen, stack, top, p + 1) : top;
        top = y > 0 ? push(labels, seen, stack, top, p - w) : top;
        top = y < h - 1 ? push(labels, seen, stack, top, p + w) : top;
      }
      if (n >= minArea) {
        out.add(Arrays.copyOf(members, n));
      }
    }
    return out;
  }

  /** Clears every 8-connected component of {@code mask} with fewer than {@code minSize} pixels. */
  static void dropSmall8(boolean[] mask, int w, int h, int minSize) {
    boolean[] seen = new boolean[mask.length];
    int[] stack = new int[mask.length];
    int[] members = new int[mask.length];
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || seen[start]) {
        continue;
      }
      int n = 0;
      int top = 0;
      stack[top++] = start;
      seen[start] = true;
      while (top > 0) {
        int p = stack[--top];
        members[n++] = p;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int x = p % w + dx;
            int y = p / w + dy;
            if (x >= 0 && y >= 0 && x < w && y < h && mask[y * w + x] && !seen[y * w + x]) {
              seen[y * w + x] = true;
              stack[top++] = y * w + x;
            }
          }
        }
      }
      if (n < minSize) {
        for (int i = 0; i < n; i++) {
          mask[members[i]] = false;
        }
      }
    }
  }

  private static int push(int[] labels, int[] seen, int[] stack, int top, int q) {
    if (seen[q] == 0 && isObject(labels[q])) {
      seen[q] = 1;
      stack[top++] = q;
    }
    return top;
  }
}
