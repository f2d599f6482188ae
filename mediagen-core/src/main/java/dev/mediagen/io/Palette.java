package dev.mediagen.io;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A palette of at most 256 colours shared by all frames of a GIF. Exact when the frames use at most
 * 256 distinct colours (ShapesWorld renders do); otherwise a deterministic median cut over the
 * colour histogram of all frames, with each colour mapped to its nearest palette entry (no
 * dithering, so flat regions stay flat). Alpha is ignored: GIF frames here are opaque.
 */
final class Palette {
  static final int MAX_COLORS = 256;

  private final int[] colors; // 0xRRGGBB, sorted for exact palettes
  private final Map<Integer, Integer> indexOf = new HashMap<>();
  private final boolean exact;

  private Palette(int[] colors, boolean exact) {
    this.colors = colors;
    this.exact = exact;
    for (int i = 0; i < colors.length; i++) {
      indexOf.putIfAbsent(colors[i], i);
    }
  }

  /** Builds the palette of {@code frames}. */
  static Palette of(List<BufferedImage> frames) {
    Map<Integer, Long> histogram = new HashMap<>();
    for (BufferedImage f : frames) {
      for (int rgb : f.getRGB(0, 0, f.getWidth(), f.getHeight(), null, 0, f.getWidth())) {
        histogram.merge(rgb & 0xffffff, 1L, Long::sum);
      }
    }
    int[] distinct = histogram.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    if (distinct.length <= MAX_COLORS) {
      return new Palette(distinct, true);
    }
    return new Palette(medianCut(distinct, histogram), false);
  }

  /** True when no colour had to be approximated. */
  boolean exact() {
    return exact;
  }

  int size() {
    return colors.length;
  }

  /** An 8-bit colour model whose map size is a power of two (as GIF colour tables must be). */
  IndexColorModel colorModel() {
    int size = 2;
    while (size < colors.length) {
      size *= 2;
    }
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    for (int i = 0; i < colors.length; i++) {
      r[i] = (byte) (colors[i] >> 16);
      g[i] = (byte) (colors[i] >> 8);
      b[i] = (byte) colors[i];
    }
    return new IndexColorModel(8, size, r, g, b);
  }

  /** {@code frame} as an indexed image using this palette. */
  BufferedImage index(BufferedImage frame) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    int[] rgb = frame.getRGB(0, 0, w, h, null, 0, w);
    byte[] idx = new byte[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      idx[i] = (byte) (int) indexOf.computeIfAbsent(rgb[i] & 0xffffff, this::nearest);
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, colorModel());
    out.getRaster().setDataElements(0, 0, w, h, idx);
    return out;
  }

  private int nearest(int rgb) {
    int best = 0;
    long bestD = Long.MAX_VALUE;
    for (int i = 0; i < colors.length; i++) {
      long d = dist2(rgb, colors[i]);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  private static long dist2(int a, int b) {
    long dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
    long dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
    long db = (a & 0xff) - (b & 0xff);
    return dr * dr + dg * dg + db * db;
  }

  private static int channel(int rgb, int c) {
    return (rgb >> (16 - 8 * c)) & 0xff;
  }

  private static int[] widest(int[] box) {
    int[] best = {0, -1};
    for (int c = 0; c < 3; c++) {
      int lo = 255;
      int hi = 0;
      for (int rgb : box) {
        lo = Math.min(lo, channel(rgb, c));
        hi = Math.max(hi, channel(rgb, c));
      }
      if (hi - lo > best[1]) {
        best = new int[] {c, hi - lo};
      }
    }
    return best;
  }

  /** Splits the widest box at its count-weighted median until there are 256 boxes. */
  private static int[] medianCut(int[] distinct, Map<Integer, Long> histogram) {
    List<int[]> boxes = new ArrayList<>();
    List<int[]> widest = new ArrayList<>(); // per box: {channel, range} of its widest channel
    boxes.add(distinct.clone());
    widest.add(widest(distinct));
    while (boxes.size() < MAX_COLORS) {
      int pick = -1;
      for (int i = 0; i < boxes.size(); i++) {
        if (boxes.get(i).length > 1 && (pick < 0 || widest.get(i)[1] > widest.get(pick)[1])) {
          pick = i;
        }
      }
      if (pick < 0) {
        break; // every box is a single colour
      }
      int pickChannel = widest.get(pick)[0];
      int c = pickChannel;
      Integer[] box = Arrays.stream(boxes.get(pick)).boxed().toArray(Integer[]::new);
      Arrays.sort(
          box,
          Comparator.comparingInt((Integer rgb) -> channel(rgb, c)).thenComparingInt(rgb -> rgb));
      long total = 0;
      for (int rgb : box) {
        total += histogram.get(rgb);
      }
      long acc = 0;
      int cut = 1;
      for (int i = 0; i < box.length - 1; i++) {
        acc += histogram.get(box[i]);
        cut = i + 1;
        if (2 * acc >= total) {
          break;
        }
      }
      int[] sorted = Arrays.stream(box).mapToInt(Integer::intValue).toArray();
      boxes.set(pick, Arrays.copyOfRange(sorted, 0, cut));
      widest.set(pick, widest(boxes.get(pick)));
      boxes.add(Arrays.copyOfRange(sorted, cut, sorted.length));
      widest.add(widest(boxes.get(boxes.size() - 1)));
    }
    int[] out = new int[boxes.size()];
    for (int i = 0; i < out.length; i++) {
      long n = 0;
      long[] sum = new long[3];
      for (int rgb : boxes.get(i)) {
        long k = histogram.get(rgb);
        n += k;
        for (int c = 0; c < 3; c++) {
          sum[c] += k * channel(rgb, c);
        }
      }
      out[i] =
          (int) ((sum[0] + n / 2) / n << 16 | (sum[1] + n / 2) / n << 8 | (sum[2] + n / 2) / n);
    }
    return out;
  }
}
