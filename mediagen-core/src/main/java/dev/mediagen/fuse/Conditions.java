package dev.mediagen.fuse;

import dev.mediagen.edit.ImageOps;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Palette;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The conditioning images of Crop&amp;Fuse and Scene&amp;Fuse, and the subject prompts of Crop&amp;Fuse. Images
 * are one frame at the scene's canvas size, on black (0, 0, 0) — the "blank canvas".
 *
 * <ul>
 *   <li><b>crop</b>: object i's rendered pixels (its sprite mask, stripes included) moved so that its
 *       bounding box is centred on the canvas: appearance without position;
 *   <li><b>scene map</b>: every object's silhouette (sprite mask at its frame-0 place) filled with the flat
 *       code colour of its shape class ({@link #CODES}): layout and shape without colour or texture, the
 *       analogue of a COCO class-coloured segmentation map;
 *   <li><b>subject caption</b>: the scene's canonical caption with object i's noun phrase replaced by
 *       {@value #SUBJECT}, so that its colour, size, texture and shape must come from the crop.
 * </ul>
 */
public final class Conditions {
  /** Words that stand for the cropped subject in a prompt. */
  public static final String SUBJECT = "the subject";

  /** Flat code colours (0xRRGGBB) of circle, square, triangle silhouettes: off the object palette. */
  public static final int[] CODES = {0x8080FF, 0xFFFF80, 0x80FFFF};

  private Conditions() {}

  /** Object {@code i} of {@code s}, its bounding box centred on a black canvas of the scene's size. */
  public static Video crop(Scene s, int i) {
    checkIndex(s, i);
    Video full = Renderer.render(s.frames() == 1 ? s : firstFrame(s));
    boolean[] mask = ImageOps.objectMask(s.frames() == 1 ? s : firstFrame(s), i);
    int[] box = ImageOps.objectBox(s, i);
    int w = s.width(), h = s.height();
    int dx = (w - (box[2] - box[0] + 1)) / 2 - box[0], dy = (h - (box[3] - box[1] + 1)) / 2 - box[1];
    float[] out = new float[3 * w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int tx = x + dx, ty = y + dy;
        if (!mask[y * w + x] || tx < 0 || ty < 0 || tx >= w || ty >= h) continue;
        for (int c = 0; c < 3; c++) out[(c * h + ty) * w + tx] = full.data()[full.index(0, c, y, x)];
      }
    }
    return new Video(1, h, w, out);
  }

  /** Every object's silhouette in its shape's code colour on black. */
  public static Video sceneMap(Scene s) {
    Scene still = s.frames() == 1 ? s : firstFrame(s);
    int w = s.width(), h = s.height();
    float[] out = new float[3 * w * h];
    for (int i = 0; i < s.objects().size(); i++) {
      boolean[] mask = ImageOps.objectMask(still, i);
      float[] rgb = rgb(CODES[s.objects().get(i).shape().ordinal()]);
      for (int p = 0; p < w * h; p++) {
        if (mask[p]) for (int c = 0; c < 3; c++) out[c * w * h + p] = rgb[c];
      }
    }
    return new Video(1, h, w, out);
  }

  /** The code colour of a shape class. */
  public static int code(ShapeKind k) {
    return CODES[k.ordinal()];
  }

  /**
   * {@link Captioner#canonical} of {@code s} with object {@code i}'s canonical noun phrase ("a large red
   * striped circle") replaced by {@value #SUBJECT}; position, background and other objects stay.
   */
  public static String subjectCaption(Scene s, int i) {
    checkIndex(s, i);
    String caption = Captioner.canonical(s);
    String phrase = nounPhrase(s.objects().get(i));
    int nth = 0; // objects before i with the same phrase: replace the matching occurrence
    for (int k = 0; k < i; k++) nth += nounPhrase(s.objects().get(k)).equals(phrase) ? 1 : 0;
    int at = -1;
    for (int k = 0; k <= nth; k++) {
      at = caption.indexOf(phrase, at + 1);
      if (at < 0) throw new IllegalStateException("canonical caption '%s' lacks '%s'".formatted(caption, phrase));
    }
    return caption.substring(0, at) + SUBJECT + caption.substring(at + phrase.length());
  }

  /** The canonical noun phrase of an object: article, size, colour, texture, shape. */
  static String nounPhrase(SceneObject o) {
    String words = String.join(" ", lower(o.size().name()), Palette.objectName(o.colour()), lower(o.texture().name()), lower(o.shape().name()));
    return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
  }

  /**
   * A crop image pasted centred on a black {@code size}×{@code size} canvas (an image already of that size is
   * returned as is).
   */
  public static Video centred(Video patch, int size) {
    requireSingleFrame(patch);
    if (patch.width() > size || patch.height() > size) {
      throw new IllegalArgumentException("crop is %dx%d, larger than the %dx%d canvas".formatted(patch.width(), patch.height(), size, size));
    }
    if (patch.width() == size && patch.height() == size) return patch;
    int ox = (size - patch.width()) / 2, oy = (size - patch.height()) / 2;
    float[] out = new float[3 * size * size];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < patch.height(); y++) {
        for (int x = 0; x < patch.width(); x++) out[(c * size + oy + y) * size + ox + x] = patch.data()[patch.index(0, c, y, x)];
      }
    }
    return new Video(1, size, size, out);
  }

  /** Fails naming the shape unless {@code v} is one {@code size}×{@code size} frame. */
  public static Video requireImage(Video v, int size, String what) {
    if (v.frames() != 1 || v.width() != size || v.height() != size) {
      throw new IllegalArgumentException("%s must be one %dx%d frame, got %d frame(s) of %dx%d"
          .formatted(what, size, size, v.frames(), v.width(), v.height()));
    }
    return v;
  }

  /**
   * Reads a conditioning image file for {@code mode}: RGB or RGBA (alpha ignored); the canvas size, or an
   * integer enlargement of it (as {@code generate --scale} writes), or — for a crop — anything up to the
   * canvas, pasted centred.
   */
  public static Video read(Path file, int size, FuseMode mode) throws IOException {
    if (!Files.isRegularFile(file)) throw new NoSuchFileException("conditioning image " + file + " does not exist");
    BufferedImage img = ImageFiles.readImage(file);
    int channels = img.getColorModel().getNumColorComponents();
    if (channels != 3) {
      throw new IllegalArgumentException("conditioning image %s has %d colour channel(s); expected 3 (RGB or RGBA)".formatted(file, channels));
    }
    int w = img.getWidth(), h = img.getHeight();
    if (w == size && h == size) return Video.of(List.of(img));
    if (w == h && w % size == 0) return Video.of(List.of(reduce(img, w / size, size)));
    if (mode == FuseMode.CROP && w <= size && h <= size) return centred(Video.of(List.of(img)), size);
    throw new IllegalArgumentException("conditioning image %s is %dx%d; expected %dx%d or an integer enlargement of it%s"
        .formatted(file, w, h, size, size, mode == FuseMode.CROP ? ", or a crop of at most %dx%d".formatted(size, size) : ""));
  }

  private static BufferedImage reduce(BufferedImage img, int k, int size) {
    BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) out.setRGB(x, y, img.getRGB(x * k + k / 2, y * k + k / 2));
    }
    return out;
  }

  private static void requireSingleFrame(Video v) {
    if (v.frames() != 1) throw new IllegalArgumentException("a conditioning image has 1 frame, got %d".formatted(v.frames()));
  }

  private static Scene firstFrame(Scene s) {
    return new Scene(s.width(), s.height(), 1, s.fps(), s.background(), s.objects().stream().map(SceneObject::frozen).toList(), s.text());
  }

  private static void checkIndex(Scene s, int i) {
    if (i < 0 || i >= s.objects().size()) {
      throw new IllegalArgumentException("object index %d out of range [0, %d]".formatted(i, s.objects().size() - 1));
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static float[] rgb(int rgb) {
    return new float[] {((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f};
  }
}
