package dev.mediagen.edit;

import dev.mediagen.world.Palette;
import dev.mediagen.world.Video;

/**
 * A fixed, hand-designed image descriptor standing in for the DINO embedding of Emu Edit's DINO
 * metric (papers-media.md §3.3: cosine of DINO features of input and output). No pretrained network
 * is available offline, so the descriptor is three L2-normalised blocks of equal weight, computed
 * on frame 0:
 *
 * <ol>
 *   <li><b>palette histogram</b> (21): the fraction of pixels whose nearest ShapesWorld colour (3
 *       backgrounds, 8 object colours, 8 stripe shades, text pink) is within 0.2 RGB distance, per
 *       colour, plus one bin for everything else — what is in the image;
 *   <li><b>layout</b> (48): mean R, G, B of each cell of a 4×4 grid — where things are;
 *   <li><b>edges</b> (32): mean absolute horizontal and vertical neighbour difference (summed over
 *       channels) per grid cell — shape and texture structure.
 * </ol>
 *
 * <p>The similarity is the cosine of two descriptors, in [0, 1] (all entries are non-negative), 1
 * for identical images. A learned encoder (a small network trained on ShapesWorld) can replace it
 * behind {@link #similarity} later.
 */
public final class ImageFeatures {
  /** Grid cells per side of the layout and edge blocks. */
  public static final int GRID = 4;

  /** Length of the descriptor. */
  public static final int DIM = 21 + 3 * GRID * GRID + 2 * GRID * GRID;

  private static final float[][] COLOURS = palette();
  private static final double NEAR = 0.2;

  private ImageFeatures() {}

  private static float[][] palette() {
    int n = Palette.objectColours();
    float[][] p = new float[Palette.backgrounds() + 2 * n + 1][];
    int k = 0;
    for (int b = 0; b < Palette.backgrounds(); b++) {
      p[k++] = ImageOps.channels(Palette.backgroundRgb(b));
    }
    for (int c = 0; c < n; c++) {
      p[k++] = ImageOps.channels(Palette.objectRgb(c));
      p[k++] = ImageOps.channels(Palette.shadeRgb(c));
    }
    p[k] = ImageOps.channels(Palette.textRgb());
    return p;
  }

  /** The descriptor of frame 0 of {@code v}. */
  public static float[] of(Video v) {
    int w = v.width();
    int h = v.height();
    float[] d = v.data();
    int plane = w * h;
    double[] hist = new double[COLOURS.length + 1];
    double[] layout = new double[3 * GRID * GRID];
    double[] edges = new double[2 * GRID * GRID];
    int[] cellCount = new int[GRID * GRID];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        int cell = (y * GRID / h) * GRID + x * GRID / w;
        cellCount[cell]++;
        hist[nearest(d[p], d[plane + p], d[2 * plane + p])]++;
        for (int c = 0; c < 3; c++) {
          layout[3 * cell + c] += d[c * plane + p];
          if (x + 1 < w) {
            edges[2 * cell] += Math.abs(d[c * plane + p + 1] - d[c * plane + p]);
          }
          if (y + 1 < h) {
            edges[2 * cell + 1] += Math.abs(d[c * plane + p + w] - d[c * plane + p]);
          }
        }
      }
    }
    for (int cell = 0; cell < GRID * GRID; cell++) {
      int n = Math.max(1, cellCount[cell]);
      for (int c = 0; c < 3; c++) {
        layout[3 * cell + c] /= n;
      }
      edges[2 * cell] /= n;
      edges[2 * cell + 1] /= n;
    }
    float[] out = new float[DIM];
    int k = put(out, 0, hist);
    k = put(out, k, layout);
    put(out, k, edges);
    return out;
  }

  /** Cosine similarity of the descriptors of {@code a} and {@code b}. */
  public static double similarity(Video a, Video b) {
    return cosine(of(a), of(b));
  }

  /** Cosine of two vectors (0 when either is all zero). */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * (double) b[i];
      na += a[i] * (double) a[i];
      nb += b[i] * (double) b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static int nearest(float r, float g, float b) {
    int best = COLOURS.length;
    double bestD = NEAR * NEAR;
    for (int k = 0; k < COLOURS.length; k++) {
      double dr = r - COLOURS[k][0];
      double dg = g - COLOURS[k][1];
      double db = b - COLOURS[k][2];
      double dist = dr * dr + dg * dg + db * db;
      if (dist <= bestD) {
        bestD = dist;
        best = k;
      }
    }
    return best;
  }

  /**
   * Copies {@code block}, L2-normalised (left zero when all zero), into {@code out} at {@code k}.
   */
  private static int put(float[] out, int k, double[] block) {
    double norm = 0;
    for (double v : block) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < block.length; i++) {
      out[k + i] = norm == 0 ? 0f : (float) (block[i] / norm);
    }
    return k + block.length;
  }
}
