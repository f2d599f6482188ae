package dev.mediagen.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample grids: tiles laid out row-major in {@code cols} columns, each enlarged by {@code scale}
 * (nearest neighbour) and centred in a cell as large as the largest tile, with {@code pad} pixels
 * of background around and between cells. Optional captions go in a band under each tile (one line,
 * a small sans-serif font, cut with "…" when too long; rendering is headless).
 */
public final class Grids {
  /** Caption font size in pixels. */
  public static final int CAPTION_PX = 10;

  private Grids() {}

  /** A grid of image tiles without captions. */
  public static BufferedImage grid(
      List<BufferedImage> tiles, int cols, int pad, int scale, Color bg) {
    return grid(tiles, null, cols, pad, scale, bg);
  }

  /**
   * A grid with an optional caption under each tile ({@code captions} null for none, else one per
   * tile; a null entry leaves that band empty).
   */
  public static BufferedImage grid(
      List<BufferedImage> tiles, List<String> captions, int cols, int pad, int scale, Color bg) {
    if (tiles == null || tiles.isEmpty()) {
      throw new IllegalArgumentException(
          "a grid needs at least 1 tile, got " + (tiles == null ? "null" : 0));
    }
    check(cols, pad, scale);
    if (captions != null && captions.size() != tiles.size()) {
      throw new IllegalArgumentException(
          captions.size() + " captions for " + tiles.size() + " tiles; give one per tile or null");
    }
    int cellW = 0;
    int cellH = 0;
    for (int i = 0; i < tiles.size(); i++) {
      if (tiles.get(i) == null) {
        throw new IllegalArgumentException("tile " + i + " is null");
      }
      cellW = Math.max(cellW, tiles.get(i).getWidth() * scale);
      cellH = Math.max(cellH, tiles.get(i).getHeight() * scale);
    }
    int band = captions == null ? 0 : CAPTION_PX + 4;
    int c = Math.min(cols, tiles.size());
    int rows = (tiles.size() + cols - 1) / cols;
    long w = (long) c * cellW + (long) (c + 1) * pad;
    long h = (long) rows * (cellH + band) + (long) (rows + 1) * pad;
    if (w * h > 1L << 28) {
      throw new IllegalArgumentException(
          "grid of " + w + "x" + h + " pixels is too large (over 2^28)");
    }
    BufferedImage out = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(bg);
    g.fillRect(0, 0, (int) w, (int) h);
    for (int i = 0; i < tiles.size(); i++) {
      BufferedImage t = scale == 1 ? tiles.get(i) : ImageFiles.upscale(tiles.get(i), scale);
      int x0 = pad + (i % cols) * (cellW + pad);
      int y0 = pad + (i / cols) * (cellH + band + pad);
      g.drawImage(t, x0 + (cellW - t.getWidth()) / 2, y0 + (cellH - t.getHeight()) / 2, null);
      if (captions != null && captions.get(i) != null) {
        caption(g, captions.get(i), x0, y0 + cellH, cellW, band, bg);
      }
    }
    g.dispose();
    return out;
  }

  /**
   * A video of grids: frame t shows frame t of every clip; a shorter clip holds its last frame. The
   * result has as many frames as the longest clip; background black.
   */
  public static List<BufferedImage> videoGrid(
      List<List<BufferedImage>> clips, int cols, int pad, int scale) {
    return videoGrid(clips, null, cols, pad, scale, Color.BLACK);
  }

  /** As {@link #videoGrid(List, int, int, int)} with captions and a background colour. */
  public static List<BufferedImage> videoGrid(
      List<List<BufferedImage>> clips,
      List<String> captions,
      int cols,
      int pad,
      int scale,
      Color bg) {
    if (clips == null || clips.isEmpty()) {
      throw new IllegalArgumentException("a video grid needs at least 1 clip");
    }
    int frames = 0;
    for (int i = 0; i < clips.size(); i++) {
      if (clips.get(i) == null || clips.get(i).isEmpty()) {
        throw new IllegalArgumentException("clip " + i + " has no frames");
      }
      frames = Math.max(frames, clips.get(i).size());
    }
    List<BufferedImage> out = new ArrayList<>(frames);
    for (int t = 0; t < frames; t++) {
      List<BufferedImage> tiles = new ArrayList<>(clips.size());
      for (List<BufferedImage> clip : clips) {
        tiles.add(clip.get(Math.min(t, clip.size() - 1)));
      }
      out.add(grid(tiles, captions, cols, pad, scale, bg));
    }
    return out;
  }

  private static void check(int cols, int pad, int scale) {
    if (cols < 1) {
      throw new IllegalArgumentException("cols " + cols + " must be >= 1");
    }
    if (pad < 0 || pad > 1000) {
      throw new IllegalArgumentException("pad " + pad + " must be in [0, 1000]");
    }
    if (scale < 1 || scale > 64) {
      throw new IllegalArgumentException("scale " + scale + " must be in [1, 64]");
    }
  }

  private static void caption(
      Graphics2D g, String text, int x, int y, int width, int band, Color bg) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, CAPTION_PX));
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    // black or white, whichever contrasts with the background (Rec. 601 luma)
    double luma = 0.299 * bg.getRed() + 0.587 * bg.getGreen() + 0.114 * bg.getBlue();
    g.setColor(luma > 128 ? Color.BLACK : Color.WHITE);
    FontMetrics fm = g.getFontMetrics();
    String s = text;
    if (fm.stringWidth(s) > width) {
      while (!s.isEmpty() && fm.stringWidth(s + "…") > width) {
        s = s.substring(0, s.length() - 1);
      }
      s = s + "…";
    }
    int tx = x + Math.max(0, (width - fm.stringWidth(s)) / 2);
    int ty = y + (band + fm.getAscent() - fm.getDescent()) / 2;
    java.awt.Shape clip = g.getClip();
    g.clipRect(x, y, width, band);
    g.drawString(s, tx, ty);
    g.setClip(clip);
  }
}
