package dev.mediagen.world;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The fixed ShapesWorld colour palette: 8 object colours, a darker "shade" of each (the second
 * colour of the STRIPED texture) and 3 dark background colours.
 *
 * <p>Colours are far apart in RGB so that nearest-palette classification of pixels stays right
 * under noise: the closest two object colours (yellow/orange) are 95 apart (0–255 units), every
 * object colour or shade is at least 76 from every background, and each colour is at least 90 from
 * its own shade. A shade is the base colour times {@value #SHADE_FACTOR}, rounded.
 *
 * <table>
 *   <caption>Object colours (index: name, base RGB, shade RGB)</caption>
 *   <tr><th>index</th><th>name</th><th>base</th><th>shade</th></tr>
 *   <tr><td>0</td><td>red</td><td>230,30,30</td><td>127,17,17</td></tr>
 *   <tr><td>1</td><td>green</td><td>30,200,30</td><td>17,110,17</td></tr>
 *   <tr><td>2</td><td>blue</td><td>40,100,255</td><td>22,55,140</td></tr>
 *   <tr><td>3</td><td>yellow</td><td>245,230,30</td><td>135,127,17</td></tr>
 *   <tr><td>4</td><td>magenta</td><td>230,40,230</td><td>127,22,127</td></tr>
 *   <tr><td>5</td><td>cyan</td><td>30,220,230</td><td>17,121,127</td></tr>
 *   <tr><td>6</td><td>orange</td><td>255,140,0</td><td>140,77,0</td></tr>
 *   <tr><td>7</td><td>white</td><td>245,245,245</td><td>135,135,135</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Background colours (index: name, RGB)</caption>
 *   <tr><th>index</th><th>name</th><th>RGB</th></tr>
 *   <tr><td>0</td><td>black</td><td>0,0,0</td></tr>
 *   <tr><td>1</td><td>gray</td><td>50,50,50</td></tr>
 *   <tr><td>2</td><td>navy</td><td>0,0,64</td></tr>
 * </table>
 *
 * <p>Visual text (optional digits) is drawn in light pink 255,170,200, at least 88 from every other
 * palette colour, so the checker can tell it from objects.
 *
 * <p>Colour indices in {@link SceneObject#colour()} index the object table; {@link
 * Scene#background()} indexes the background table. RGB values are packed as {@code 0xRRGGBB}.
 */
public final class Palette {
  /** Brightness factor of the stripe shade relative to its base colour. */
  public static final double SHADE_FACTOR = 0.55;

  private static final List<String> OBJECT_NAMES =
      List.of("red", "green", "blue", "yellow", "magenta", "cyan", "orange", "white");
  private static final int[] OBJECT_RGB = {
    0xE61E1E, 0x1EC81E, 0x2864FF, 0xF5E61E, 0xE628E6, 0x1EDCE6, 0xFF8C00, 0xF5F5F5
  };
  private static final List<String> BACKGROUND_NAMES = List.of("black", "gray", "navy");
  private static final int[] BACKGROUND_RGB = {0x000000, 0x323232, 0x000040};
  private static final int[] SHADE_RGB = new int[OBJECT_RGB.length];
  private static final int TEXT_RGB = 0xFFAAC8;

  static {
    for (int i = 0; i < OBJECT_RGB.length; i++) {
      int rgb = OBJECT_RGB[i];
      SHADE_RGB[i] = (scale(rgb >> 16) << 16) | (scale((rgb >> 8) & 0xFF) << 8) | scale(rgb & 0xFF);
    }
  }

  private Palette() {}

  private static int scale(int channel) {
    return (int) Math.round((channel & 0xFF) * SHADE_FACTOR);
  }

  /** Number of object colours (8). */
  public static int objectColours() {
    return OBJECT_RGB.length;
  }

  /** Number of background colours (3). */
  public static int backgrounds() {
    return BACKGROUND_RGB.length;
  }

  /** Caption name of object colour {@code index}. */
  public static String objectName(int index) {
    return OBJECT_NAMES.get(checkObject(index));
  }

  /** Base RGB ({@code 0xRRGGBB}) of object colour {@code index}. */
  public static int objectRgb(int index) {
    return OBJECT_RGB[checkObject(index)];
  }

  /** Darker stripe shade RGB of object colour {@code index}. */
  public static int shadeRgb(int index) {
    return SHADE_RGB[checkObject(index)];
  }

  /** Caption name of background colour {@code index}. */
  public static String backgroundName(int index) {
    return BACKGROUND_NAMES.get(checkBackground(index));
  }

  /** RGB ({@code 0xRRGGBB}) of background colour {@code index}. */
  public static int backgroundRgb(int index) {
    return BACKGROUND_RGB[checkBackground(index)];
  }

  /** RGB of visual text (digits). */
  public static int textRgb() {
    return TEXT_RGB;
  }

  /** Object colour names in index order. */
  public static List<String> objectNames() {
    return OBJECT_NAMES;
  }

  /** Background colour names in index order. */
  public static List<String> backgroundNames() {
    return BACKGROUND_NAMES;
  }

  static int checkObject(int index) {
    if (index < 0 || index >= OBJECT_RGB.length) {
      throw new IllegalArgumentException(
          "object colour index %d out of range [0, %d]".formatted(index, OBJECT_RGB.length - 1));
    }
    return index;
  }

  static int checkBackground(int index) {
    if (index < 0 || index >= BACKGROUND_RGB.length) {
      throw new IllegalArgumentException(
          "background index %d out of range [0, %d]".formatted(index, BACKGROUND_RGB.length - 1));
    }
    return index;
  }

  /**
   * A documentation swatch: one 16×16 cell per object colour in the top row, its shade below and
   * the backgrounds in the third row.
   */
  public static BufferedImage swatch() {
    int cell = 16;
    int n = OBJECT_RGB.length;
    BufferedImage img = new BufferedImage(n * cell, 3 * cell, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 3 * cell; y++) {
      for (int x = 0; x < n * cell; x++) {
        int i = x / cell;
        int row = y / cell;
        int rgb =
            row == 0
                ? OBJECT_RGB[i]
                : row == 1
                    ? SHADE_RGB[i]
                    : (i < BACKGROUND_RGB.length ? BACKGROUND_RGB[i] : 0xFFFFFF);
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }
}
