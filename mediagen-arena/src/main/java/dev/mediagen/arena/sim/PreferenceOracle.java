package dev.mediagen.arena.sim;

import dev.mediagen.world.CaptionParser;
import dev.mediagen.world.CaptionParser.ParsedCaption;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Reading;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ShapesWorld's hidden preference oracle (DESIGN.md §5): the utility of an image for a caption is
 * {@code faithWeight · faithfulness + qualityWeight · quality + taste + noise}, where faithfulness is
 * what the analytic checker confirms of the caption ({@link Faithfulness}), quality is
 * {@code max(0, 1 − offPalette / 0.2)}, and taste is the voter's liking for object area and brightness.
 * The voter prefers the higher utility, or says tie when the two are within its margin. Careless voters
 * click left or right at random. Because the utility is known, preference learning has a known answer.
 */
public final class PreferenceOracle {
  /** A judgement: "left", "right" or "tie". */
  public enum Vote {
    LEFT,
    RIGHT,
    TIE;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Checker checker = new Checker();

  /**
   * The parts of an image's utility before any voter weighs them.
   *
   * @param faithfulness share of the caption the checker confirms
   * @param quality {@code max(0, 1 − offPalette / 0.2)}
   * @param area covered-canvas fraction of the objects read
   * @param brightness mean pixel value
   */
  public record Terms(double faithfulness, double quality, double area, double brightness) {
    /** The noise-free utility under {@code voter}'s weights and taste. */
    public double utility(VoterProfile voter) {
      return voter.faithWeight() * faithfulness + voter.qualityWeight() * quality + voter.areaTaste() * area + voter.brightTaste() * brightness;
    }
  }

  /** The noise-free utility of {@code image} for {@code caption} under {@code voter}'s taste. */
  public double utility(String caption, BufferedImage image, VoterProfile voter) {
    return terms(caption, image).utility(voter);
  }

  /** The utility's parts of {@code image} for {@code caption} (one checker read). */
  public Terms terms(String caption, BufferedImage image) {
    return terms(CaptionParser.parse(caption), Video.of(List.of(image)));
  }

  Terms terms(ParsedCaption caption, Video v) {
    Reading reading = checker.read(v);
    double faith = Faithfulness.score(caption, reading);
    double quality = Math.max(0, 1 - Faithfulness.offPalette(v) / 0.2);
    double area = reading.objects().stream().mapToDouble(o -> o.area()).sum() / (v.width() * (double) v.height());
    return new Terms(faith, quality, area, meanBrightness(v));
  }

  /** The voter's choice between {@code left} and {@code right} (noise drawn from {@code rng}). */
  public Vote judge(String caption, BufferedImage left, BufferedImage right, VoterProfile voter, SplittableRandom rng) {
    if (voter.careless()) return rng.nextBoolean() ? Vote.LEFT : Vote.RIGHT;
    ParsedCaption p = CaptionParser.parse(caption);
    double ul = terms(p, Video.of(List.of(left))).utility(voter) + voter.noise() * rng.nextGaussian();
    double ur = terms(p, Video.of(List.of(right))).utility(voter) + voter.noise() * rng.nextGaussian();
    if (Math.abs(ul - ur) < voter.tieMargin()) return Vote.TIE;
    return ul > ur ? Vote.LEFT : Vote.RIGHT;
  }

  private static double meanBrightness(Video v) {
    double s = 0;
    for (float x : v.data()) s += x;
    return s / v.data().length;
  }
}
