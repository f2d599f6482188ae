package dev.mediagen.world;

/**
 * A 3×5 bitmap font for the digits 0–9 (DESIGN.md §5 "visual text"). Every glyph spans its full 3×5
 * cell, so the bounding box of rendered text fixes the glyph grid. Glyphs are scaled by {@link
 * #scale} (1 on 32 px) and separated by one scaled column; they are read back by nearest-template
 * (Hamming) matching.
 */
public final class DigitFont {
  /** Glyph width in font pixels. */
  public static final int WIDTH = 3;

  /** Glyph height in font pixels. */
  public static final int HEIGHT = 5;

  private static final String[] GLYPHS = {
    "####.##.##.####", // 0
    "##..#..#..#.###", // 1
    "###..#####..###", // 2
    "###..####..####", // 3
    "#.##.####..#..#", // 4
    "####..###..####", // 5
    "####..####.####", // 6
    "###..#..#..#..#", // 7
    "####.#####.####", // 8
    "####.####..####" // 9
  };

  private DigitFont() {}

  /** Canvas pixels per font pixel: {@code max(1, canvas / 32)}. */
  public static int scale(int canvas) {
    return Math.max(1, canvas / 32);
  }

  /** Width in canvas pixels of {@code n} digits. */
  public static int textWidth(int n, int canvas) {
    int s = scale(canvas);
    return n * WIDTH * s + (n - 1) * s;
  }

  /** Height in canvas pixels of a line of digits. */
  public static int textHeight(int canvas) {
    return HEIGHT * scale(canvas);
  }

  /** Whether font pixel {@code (i, j)} of digit {@code d} is set. */
  public static boolean pixel(int d, int i, int j) {
    return GLYPHS[d].charAt(j * WIDTH + i) == '#';
  }

  /**
   * Reads the digits in a {@code w}-wide mask of text pixels: the mask's bounding box gives the
   * glyph grid, each cell is downsampled by majority and matched to the nearest glyph. Returns ""
   * when fewer pixels are set than the sparsest glyph has (7 font pixels).
   */
  static String read(boolean[] text, int w, int h, int canvas) {
    int x0 = w;
    int y0 = h;
    int x1 = -1;
    int n = 0;
    for (int p = 0; p < text.length; p++) {
      if (text[p]) {
        x0 = Math.min(x0, p % w);
        y0 = Math.min(y0, p / w);
        x1 = Math.max(x1, p % w);
        n++;
      }
    }
    int s = scale(canvas);
    if (n < 7 * s * s) {
      return "";
    }
    int digits = Math.max(1, Math.min(2, (int) Math.round((x1 - x0 + 1 + s) / (4.0 * s))));
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < digits; k++) {
      int cx = x0 + k * (WIDTH + 1) * s;
      int best = 0;
      int bestErr = Integer.MAX_VALUE;
      for (int d = 0; d < 10; d++) {
        int err = 0;
        for (int j = 0; j < HEIGHT; j++) {
          for (int i = 0; i < WIDTH; i++) {
            err += cell(text, w, h, cx + i * s, y0 + j * s, s) != pixel(d, i, j) ? 1 : 0;
          }
        }
        if (err < bestErr) {
          bestErr = err;
          best = d;
        }
      }
      out.append(best);
    }
    return out.toString();
  }

  /**
   * Counts, per pixel, the frames where it has the text colour and no object pixel among its 8
   * neighbours (real text keeps a gap from objects, while blurred or noisy white and magenta rims
   * can look text-pink). {@code raw} gives the colours, {@code objects} the filtered object labels.
   */
  static void voteText(int[] raw, int[] objects, int w, int h, int[] votes) {
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean text = raw[y * w + x] == Segmentation.TEXT;
        for (int dy = -1; dy <= 1 && text; dy++) {
          for (int dx = -1; dx <= 1 && text; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            boolean inside = xx >= 0 && yy >= 0 && xx < w && yy < h;
            text = !inside || !Segmentation.isObject(objects[yy * w + xx]);
          }
        }
        votes[y * w + x] += text ? 1 : 0;
      }
    }
  }

  /**
   * Digits read from the pixels that are text in at least half the frames (text is static), after
   * dropping 8-connected specks smaller than 3 scaled font pixels.
   */
  static String readVotes(int[] votes, int frames, int w, int h) {
    int s = DigitFont.scale(Math.min(w, h));
    boolean[] mask = new boolean[votes.length];
    for (int p = 0; p < votes.length; p++) {
      mask[p] = 2 * votes[p] >= frames;
    }
    Segmentation.dropSmall8(mask, w, h, 3 * s * s);
    return DigitFont.read(mask, w, h, Math.min(w, h));
  }

  /** Majority of the {@code s×s} block at {@code (x, y)}; outside the canvas counts as unset. */
  private static boolean cell(boolean[] text, int w, int h, int x, int y, int s) {
    int on = 0;
    for (int j = y; j < y + s; j++) {
      for (int i = x; i < x + s; i++) {
        on += i < w && j < h && text[j * w + i] ? 1 : 0;
      }
    }
    return 2 * on > s * s;
  }
}
