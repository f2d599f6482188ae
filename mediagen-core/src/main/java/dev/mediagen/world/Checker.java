package dev.mediagen.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The analytic checker (DESIGN.md §5): reads a video's objects back from pixels and scores them
 * against the scene that was asked for. It is exact on clean renders and meant for generated
 * samples.
 *
 * <p>Method. (0) A video whose pixels are on average more than {@value #NOISY_ABOVE} from the
 * palette is first 3×3-median filtered (canvases of 32 px and more). (1) Each pixel gets its
 * nearest palette colour, or "unknown" beyond {@code maxDistance}. (2) The background is the most
 * frequent background colour. (3) A plus-shaped majority filter removes single-pixel flips (it
 * leaves clean renders unchanged); objects are the 4-connected components of object-or-shade pixels
 * with at least {@code minAreaFraction} of the smallest sprite's area, whatever their colour. (4)
 * Colour by vote (shade pixels vote for their base colour); shape and size together as the sprite
 * template with the best intersection-over-union at centroid alignment; texture STRIPED when more
 * than {@value #STRIPED_ABOVE} of interior pixels are shade (interior, so blurred rims do not
 * count); region from the frame-0 box centre. (5) In videos each object is tracked to the nearest
 * same-colour component of every frame; template IoUs are summed and shade fractions take the
 * median over the clip (objects are rigid), and the centroid track gives the motion ({@link
 * MotionReader}). (6) Visual text: pixels of the text colour, read per frame with {@link DigitFont}
 * templates (from the unfiltered input, as 1-px strokes do not survive a median); the most common
 * reading wins. (7) Camera: the {@link Landmarks} lattice phase per frame gives the content shift
 * of every frame ({@link CameraReader}); tracking and motion use centroid tracks with that shift
 * taken off, so object motion is the object's own, and the net shift gives the camera. Videos
 * without landmarks (camera-free scenes) have zero shift and a null camera.
 */
public final class Checker {
  /** Interior shade fraction above which an object reads as STRIPED. */
  public static final double STRIPED_ABOVE = 0.2;

  /** Mean off-palette distance above which the video is median-filtered before reading. */
  public static final double NOISY_ABOVE = 0.05;

  private final double maxDistance;
  private final double minAreaFraction;

  /**
   * Defaults: max colour distance 0.4 (RGB in [0,1]), min component area 30% of the smallest
   * sprite.
   */
  public Checker() {
    this(0.4, 0.3);
  }

  public Checker(double maxDistance, double minAreaFraction) {
    if (!(maxDistance > 0 && maxDistance <= Math.sqrt(3))) {
      throw new IllegalArgumentException(
          "maxDistance %s out of range (0, sqrt(3)]".formatted(maxDistance));
    }
    if (!(minAreaFraction > 0 && minAreaFraction <= 1)) {
      throw new IllegalArgumentException(
          "minAreaFraction %s out of range (0, 1]".formatted(minAreaFraction));
    }
    this.maxDistance = maxDistance;
    this.minAreaFraction = minAreaFraction;
  }

  /**
   * Mean RGB distance (channels in [0, 1]) from each pixel to its nearest palette colour: 0 for a
   * clean render. Above {@link #NOISY_ABOVE} the checker denoises before reading.
   */
  public static double offPalette(Video v) {
    return Segmentation.offPalette(v);
  }

  /** Reads and scores in one call. */
  public Score check(Scene truth, Video video) {
    return score(truth, read(video));
  }

  /** Reads background and objects (with tracks and motion) from {@code video}. */
  public Reading read(Video input) {
    int canvas = Math.min(input.width(), input.height());
    // pixel noise (not a clean palette render): a 3×3 median first, so noise does not fragment
    // objects;
    // sprites under 8 px are too small to survive a median, so tiny canvases skip it
    boolean denoise =
        SizeKind.SMALL.pixels(canvas) >= 8 && Segmentation.offPalette(input) > NOISY_ABOVE;
    Video video = denoise ? Segmentation.median(input) : input;
    int w = video.width();
    int h = video.height();
    int[] textVotes = new int[input.width() * input.height()];
    int[][] labels = new int[video.frames()][];
    int[][] unfiltered = new int[video.frames()][];
    int[] bgVotes = new int[Palette.backgrounds()];
    for (int t = 0; t < video.frames(); t++) {
      int[] raw = Segmentation.label(video, t, maxDistance);
      for (int l : raw) {
        if (l >= 0 && l < Segmentation.BASE) {
          bgVotes[l]++;
        }
      }
      labels[t] = Segmentation.denoise(raw, w, h);
      // text strokes and landmark dots are 1–2 px wide and would not survive the median: take
      // them from the input
      unfiltered[t] = denoise ? Segmentation.label(input, t, maxDistance) : raw;
      DigitFont.voteText(unfiltered[t], labels[t], w, h, textVotes);
    }
    int background = 0;
    for (int b = 1; b < bgVotes.length; b++) {
      background = bgVotes[b] > bgVotes[background] ? b : background;
    }
    Prototypes protos = Prototypes.of(canvas);
    int minArea = Math.max(2, (int) Math.round(minAreaFraction * protos.smallestArea()));
    List<List<Blob>> blobs = new ArrayList<>();
    for (int t = 0; t < video.frames(); t++) {
      List<Blob> frame = new ArrayList<>();
      for (int[] members : Segmentation.components(labels[t], w, h, minArea)) {
        frame.add(Blob.of(members, labels[t], w, protos));
      }
      blobs.add(frame);
    }
    int[][] camera =
        video.frames() > 1 ? CameraReader.shifts(input, labels, unfiltered, background) : null;
    int[][] shift = camera != null ? camera : new int[video.frames()][2];
    List<Blob> first = blobs.get(0);
    int[][] found = track(blobs, canvas, shift);
    List<DetectedObject> objects = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      // the object is rigid, so its shape, size and texture features are medians over the clip
      List<Blob> seen = new ArrayList<>();
      float[] tx = new float[video.frames()];
      float[] ty = new float[video.frames()];
      float[] wx = new float[video.frames()];
      float[] wy = new float[video.frames()];
      for (int t = 0; t < video.frames(); t++) {
        Blob b = found[i][t] < 0 ? null : blobs.get(t).get(found[i][t]);
        tx[t] = b == null ? Float.NaN : (float) b.cx();
        ty[t] = b == null ? Float.NaN : (float) b.cy();
        wx[t] = tx[t] - shift[t][0];
        wy[t] = ty[t] - shift[t][1];
        if (b != null) {
          seen.add(b);
        }
      }
      double fill = median(seen, Blob::fill);
      double shade = median(seen, Blob::shadeFraction);
      int template = bestTemplate(seen);
      SizeKind size = Prototypes.size(template);
      ShapeKind shape = Prototypes.shape(template);
      Motion[] motion = MotionReader.read(wx, wy, canvas);
      Blob b = first.get(i);
      objects.add(
          new DetectedObject(
              b.colour(),
              shape,
              size,
              shade > STRIPED_ABOVE ? Texture.STRIPED : Texture.SOLID,
              Region.of(b.boxX(), b.boxY(), w, h),
              b.x0(),
              b.y0(),
              b.x1(),
              b.y1(),
              b.area(),
              fill,
              shade,
              tx,
              ty,
              motion[0],
              motion[1],
              MotionReader.pixelsPerFrame(wx, wy)));
    }
    return new Reading(
        video.frames(),
        background,
        objects,
        DigitFont.readVotes(textVotes, video.frames(), w, h),
        CameraReader.direction(camera, canvas));
  }

  /** The template with the highest IoU summed over the frames where the object was seen. */
  private static int bestTemplate(List<Blob> seen) {
    double[] sum = new double[Prototypes.COUNT];
    for (Blob b : seen) {
      for (int k = 0; k < sum.length; k++) {
        sum[k] += b.iou()[k];
      }
    }
    int best = 0;
    for (int k = 1; k < sum.length; k++) {
      best = sum[k] > sum[best] ? k : best;
    }
    return best;
  }

  private static double median(List<Blob> blobs, ToDoubleFunction<Blob> f) {
    double[] v = blobs.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /**
   * Follows every frame-0 blob through later frames: per frame, same-colour (object, blob) pairs
   * are taken greedily by distance from the object's last known centroid, each blob used once.
   * Distances are measured with the camera shift of each frame taken off. Returns the blob index of
   * object {@code i} in frame {@code t}, or -1.
   */
  private static int[][] track(List<List<Blob>> blobs, int canvas, int[][] shift) {
    List<Blob> first = blobs.get(0);
    int n = first.size();
    int[][] found = new int[n][blobs.size()];
    double[] lastX = new double[n];
    double[] lastY = new double[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(found[i], -1);
      found[i][0] = i;
      lastX[i] = first.get(i).cx();
      lastY[i] = first.get(i).cy();
    }
    double maxJump = canvas / 3.0;
    for (int t = 1; t < blobs.size(); t++) {
      List<Blob> frame = blobs.get(t);
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < frame.size(); j++) {
          Blob b = frame.get(j);
          double dist =
              Math.hypot(b.cx() - shift[t][0] - lastX[i], b.cy() - shift[t][1] - lastY[i]);
          if (b.colour() == first.get(i).colour() && dist <= maxJump) {
            pairs.add(new double[] {dist, i, j});
          }
        }
      }
      pairs.sort((a, b) -> Double.compare(a[0], b[0]));
      boolean[] blobUsed = new boolean[frame.size()];
      for (double[] p : pairs) {
        int i = (int) p[1];
        int j = (int) p[2];
        if (found[i][t] < 0 && !blobUsed[j]) {
          found[i][t] = j;
          blobUsed[j] = true;
          lastX[i] = frame.get(j).cx() - shift[t][0];
          lastY[i] = frame.get(j).cy() - shift[t][1];
        }
      }
    }
    return found;
  }

  /** Scores {@code reading} against the ground truth {@code truth}. */
  public Score score(Scene truth, Reading reading) {
    List<SceneObject> want = truth.objects();
    List<DetectedObject> got = reading.objects();
    int[] match = Matching.best(truth, got);
    int n = want.size();
    double colour = 0;
    double shape = 0;
    double size = 0;
    double texture = 0;
    double position = 0;
    double motion = 0;
    for (int i = 0; i < n; i++) {
      if (match[i] < 0) {
        continue;
      }
      SceneObject o = want.get(i);
      DetectedObject d = got.get(match[i]);
      colour += o.colour() == d.colour() ? 1 : 0;
      shape += o.shape() == d.shape() ? 1 : 0;
      size += o.size() == d.size() ? 1 : 0;
      texture += o.texture() == d.texture() ? 1 : 0;
      position += Region.of(o.x(), o.y(), truth.width(), truth.height()) == d.region() ? 1 : 0;
      boolean motionOk =
          o.motion() == d.motion()
              && (o.motion() != Motion.BOUNCE
                  || o.bouncesHorizontally() == d.bouncesHorizontally());
      motion += motionOk ? 1 : 0;
    }
    if (n == 0) {
      // nothing asked for: attributes are vacuously right, count decides
      colour = shape = size = texture = position = motion = 1;
      n = 1;
    }
    double denom = n;
    boolean countOk = got.size() == want.size();
    boolean bgOk = reading.background() == truth.background();
    boolean video = truth.isVideo() && reading.frames() > 1;
    String wantText = truth.text() == null ? "" : truth.text().digits();
    boolean textScored = !wantText.isEmpty() || !reading.text().isEmpty();
    boolean textOk = wantText.equals(reading.text());
    boolean cameraScored = video && truth.camera() != null;
    boolean cameraOk = truth.camera() == reading.camera();
    boolean all =
        countOk
            && bgOk
            && textOk
            && (!cameraScored || cameraOk)
            && colour == n
            && shape == n
            && size == n
            && texture == n
            && position == n
            && (!video || motion == n);
    return new Score(
        truth.objects().size(),
        got.size(),
        colour / denom,
        shape / denom,
        size / denom,
        texture / denom,
        position / denom,
        video ? motion / denom : Double.NaN,
        countOk,
        bgOk,
        textScored ? (textOk ? 1 : 0) : Double.NaN,
        all,
        cameraScored ? (cameraOk ? 1 : 0) : Double.NaN);
  }
}
