package dev.mediagen.edit;

import dev.mediagen.world.Checker;
import dev.mediagen.world.DetectedObject;
import dev.mediagen.world.Reading;
import dev.mediagen.world.Region;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.Video;
import java.util.HashSet;
import java.util.Set;

/**
 * Emu Edit benchmark metrics on ShapesWorld, pure Java (papers-media.md §3.3): per-task exact
 * success from the analytic {@link Checker} or from pixel IoU, preservation of what the instruction
 * did not touch, L1 and a DINO-style feature similarity ({@link ImageFeatures}). See {@link
 * EditScore} for the definition of each field.
 *
 * <p>Thresholds: MAP and BOX tasks succeed at IoU ≥ {@value #IOU_THRESHOLD} (the detection
 * convention of mAP@0.5; a map pixel is "on" when all three channels exceed 0.5). A PIXELS-task
 * pixel is right when every channel is within {@value #PIXEL_TOLERANCE} of the target; the task
 * succeeds when at least {@value #CHANGED_THRESHOLD} of the pixels the target changes (by more than
 * 1/255) are right, and preserves when at least {@value #KEPT_THRESHOLD} of the other pixels are.
 * SCENE-task objects are compared by region (each region holds at most one object): an object is
 * read back when a detection in its region has its colour, shape, size and texture.
 */
public final class EditMetrics {
  /** IoU at which a map or box output counts as correct. */
  public static final double IOU_THRESHOLD = 0.5;

  /** Largest per-channel error of a right pixel in PIXELS tasks. */
  public static final double PIXEL_TOLERANCE = 0.05;

  /** Fraction of target-changed pixels a PIXELS output must get right. */
  public static final double CHANGED_THRESHOLD = 0.9;

  /** Fraction of unchanged pixels a PIXELS output must keep to count as preserving. */
  public static final double KEPT_THRESHOLD = 0.95;

  private final Checker checker;

  public EditMetrics() {
    this(new Checker());
  }

  public EditMetrics(Checker checker) {
    this.checker = checker;
  }

  /** Scores {@code output} as an answer to {@code ex}. */
  public EditScore score(EditExample ex, Video output) {
    Video target = ex.targetImage();
    if (output.frames() != 1
        || output.width() != target.width()
        || output.height() != target.height()) {
      throw new IllegalArgumentException(
          "output %s must be one %dx%d frame".formatted(output, target.width(), target.height()));
    }
    boolean success;
    double preserved = Double.NaN;
    boolean exact;
    double overlap = Double.NaN;
    switch (ex.task().scoring()) {
      case SCENE -> {
        Reading r = checker.read(output);
        success = edited(ex, r);
        preserved = preserved(ex, r);
        exact = checker.score(ex.targetScene(), r).allCorrect();
      }
      case MAP -> {
        overlap = iou(ImageOps.binarize(output), ImageOps.binarize(target));
        success = overlap >= IOU_THRESHOLD;
        exact = success;
      }
      case BOX -> {
        int[] got = ImageOps.readBox(output);
        overlap = got == null ? 0 : boxIou(got, ImageOps.readBox(target));
        success = overlap >= IOU_THRESHOLD;
        preserved = checker.check(ex.source(), output).allCorrect() ? 1 : 0;
        exact = success && preserved == 1;
      }
      default -> {
        double[] pix = pixels(ex.sourceImage(), target, output);
        overlap = pix[0];
        success = !(overlap < CHANGED_THRESHOLD);
        preserved = Double.isNaN(pix[1]) ? Double.NaN : pix[1] >= KEPT_THRESHOLD ? 1 : 0;
        exact = success && preserved != 0;
      }
    }
    return new EditScore(
        ex.task(),
        success,
        preserved,
        exact,
        overlap,
        l1(output, target),
        l1(output, ex.sourceImage()),
        ImageFeatures.similarity(output, target),
        ImageFeatures.similarity(output, ex.sourceImage()));
  }

  /** Every edited target object, removed region, background and text read as the target has it. */
  private static boolean edited(EditExample ex, Reading r) {
    Scene t = ex.targetScene();
    Scene s = ex.source();
    EditFocus f = ex.focus();
    boolean ok = true;
    Set<Region> kept = new HashSet<>();
    for (SceneObject o : t.objects()) {
      kept.add(SceneEdits.region(t, o));
    }
    for (int j : f.targetObjects()) {
      ok &= present(r, t, t.objects().get(j));
    }
    for (int i : f.sourceObjects()) {
      Region gone = SceneEdits.region(s, s.objects().get(i));
      ok &= kept.contains(gone) || r.objects().stream().noneMatch(d -> d.region() == gone);
    }
    ok &= !f.background() || r.background() == t.background();
    ok &= !f.text() || r.text().equals(digits(t));
    return ok;
  }

  /** 1 when every untouched source object, and untouched background and text, read unchanged. */
  private static double preserved(EditExample ex, Reading r) {
    Scene s = ex.source();
    EditFocus f = ex.focus();
    int checks = 0;
    boolean ok = true;
    for (int i = 0; i < s.objects().size(); i++) {
      if (!f.sourceObjects().contains(i)) {
        checks++;
        ok &= present(r, s, s.objects().get(i));
      }
    }
    if (!f.background()) {
      checks++;
      ok &= r.background() == s.background();
    }
    if (!f.text()) {
      checks++;
      ok &= r.text().equals(digits(s));
    }
    return checks == 0 ? Double.NaN : ok ? 1 : 0;
  }

  /** A detection in {@code o}'s region with its colour, shape, size and texture. */
  private static boolean present(Reading r, Scene s, SceneObject o) {
    Region region = SceneEdits.region(s, o);
    for (DetectedObject d : r.objects()) {
      if (d.region() == region
          && d.colour() == o.colour()
          && d.shape() == o.shape()
          && d.size() == o.size()
          && d.texture() == o.texture()) {
        return true;
      }
    }
    return false;
  }

  private static String digits(Scene s) {
    return s.text() == null ? "" : s.text().digits();
  }

  /**
   * {fraction of target-changed pixels right, fraction of unchanged pixels kept}; NaN where a set
   * is empty.
   */
  static double[] pixels(Video source, Video target, Video output) {
    int plane = target.width() * target.height();
    float[] s = source.data();
    float[] t = target.data();
    float[] o = output.data();
    int changed = 0;
    int changedRight = 0;
    int same = 0;
    int sameKept = 0;
    for (int p = 0; p < plane; p++) {
      double dt = 0;
      double dout = 0;
      for (int c = 0; c < 3; c++) {
        dt = Math.max(dt, Math.abs(t[c * plane + p] - s[c * plane + p]));
        dout = Math.max(dout, Math.abs(o[c * plane + p] - t[c * plane + p]));
      }
      boolean right = dout <= PIXEL_TOLERANCE;
      if (dt > 1 / 255.0) {
        changed++;
        changedRight += right ? 1 : 0;
      } else {
        same++;
        sameKept += right ? 1 : 0;
      }
    }
    return new double[] {
      changed == 0 ? Double.NaN : changedRight / (double) changed,
      same == 0 ? Double.NaN : sameKept / (double) same
    };
  }

  /** Mean absolute difference of two equally shaped images (Emu Edit's L1, values in [0, 1]). */
  public static double l1(Video a, Video b) {
    if (a.data().length != b.data().length) {
      throw new IllegalArgumentException("shapes differ: %s vs %s".formatted(a, b));
    }
    double sum = 0;
    for (int i = 0; i < a.data().length; i++) {
      sum += Math.abs(a.data()[i] - b.data()[i]);
    }
    return sum / a.data().length;
  }

  /** Intersection over union of two masks (1 when both are empty). */
  public static double iou(boolean[] a, boolean[] b) {
    int inter = 0;
    int union = 0;
    for (int i = 0; i < a.length; i++) {
      inter += a[i] && b[i] ? 1 : 0;
      union += a[i] || b[i] ? 1 : 0;
    }
    return union == 0 ? 1 : inter / (double) union;
  }

  /** IoU of two inclusive pixel boxes {x0, y0, x1, y1}. */
  public static double boxIou(int[] a, int[] b) {
    int iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1;
    int ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1;
    long inter = iw <= 0 || ih <= 0 ? 0 : (long) iw * ih;
    long areaA = (long) (a[2] - a[0] + 1) * (a[3] - a[1] + 1);
    long areaB = (long) (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
    return inter / (double) (areaA + areaB - inter);
  }
}
