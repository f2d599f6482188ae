package dev.mediagen.world;

/**
 * Running means of {@link Score}s over a set of scenes: per-attribute accuracy (scene-averaged),
 * count, background and all-correct rates. Motion is averaged over video scenes only, text and
 * camera over the scenes where they were scored.
 */
public final class AccuracyTally {
  private int n;
  private int videos;
  private double colour;
  private double shape;
  private double size;
  private double texture;
  private double position;
  private double motion;
  private int texts;
  private double text;
  private int cameras;
  private double camera;
  private int count;
  private int background;
  private int allCorrect;

  /** Adds one scene's score. */
  public void add(Score s) {
    n++;
    colour += s.colour();
    shape += s.shape();
    size += s.size();
    texture += s.texture();
    position += s.position();
    if (s.hasMotion()) {
      videos++;
      motion += s.motion();
    }
    if (s.hasText()) {
      texts++;
      text += s.text();
    }
    if (s.hasCamera()) {
      cameras++;
      camera += s.camera();
    }
    count += s.count() ? 1 : 0;
    background += s.background() ? 1 : 0;
    allCorrect += s.allCorrect() ? 1 : 0;
  }

  public int scenes() {
    return n;
  }

  public double colour() {
    return colour / n;
  }

  public double shape() {
    return shape / n;
  }

  public double size() {
    return size / n;
  }

  public double texture() {
    return texture / n;
  }

  public double position() {
    return position / n;
  }

  /** Motion accuracy over the video scenes added (NaN if none). */
  public double motion() {
    return videos == 0 ? Double.NaN : motion / videos;
  }

  /** Visual-text accuracy over the scenes where text was scored (NaN if none). */
  public double text() {
    return texts == 0 ? Double.NaN : text / texts;
  }

  /** Camera accuracy over the scenes where the camera was scored (NaN if none). */
  public double camera() {
    return cameras == 0 ? Double.NaN : camera / cameras;
  }

  public double count() {
    return count / (double) n;
  }

  public double background() {
    return background / (double) n;
  }

  public double allCorrect() {
    return allCorrect / (double) n;
  }

  @Override
  public String toString() {
    return ("n=%d colour=%.4f shape=%.4f size=%.4f texture=%.4f position=%.4f motion=%.4f"
            + " count=%.4f background=%.4f text=%.4f camera=%.4f all=%.4f")
        .formatted(
            n,
            colour(),
            shape(),
            size(),
            texture(),
            position(),
            motion(),
            count(),
            background(),
            text(),
            camera(),
            allCorrect());
  }
}
