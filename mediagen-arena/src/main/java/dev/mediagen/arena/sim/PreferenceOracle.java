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

  /** The noise-free utility of {@code image} for {@code caption} under {@code voter}'s taste. */
  public double utility(String caption, BufferedImage image, VoterProfile voter) {
    return utility(CaptionParser.parse(caption), Video.of(List.of(image)), voter);
  }

  double utility(ParsedCaption caption, Video v, VoterProfile voter) {
    Reading reading = checker.read(v);
    double faith = Faithfulness.score(caption, reading);
    double quality = Math.max(0, 1 - Faithfulness.offPalette(v) / 0.2);
    double area = reading.objects().stream().mapToDouble(o -> o.area()).sum() / (v.width() * (double) v.height());
    double bright = meanBrightness(v);
    return voter.faithWeight() * faith + voter.qualityWeight() * quality + voter.areaTaste() * area + voter.brightTaste() * bright;
  }

  /** The voter's choice between {@code left} and {@code right} (noise drawn from {@code rng}). */
  public Vote judge(String caption, BufferedImage left, BufferedImage right, VoterProfile voter, SplittableRandom rng) {
    if (voter.careless()) return rng.nextBoolean() ? Vote.LEFT : Vote.RIGHT;
    ParsedCaption p = CaptionParser.parse(caption);
    double ul = utility(p, Video.of(List.of(left)), voter) + voter.noise() * rng.nextGaussian();
    double ur = utility(p, Video.of(List.of(right)), voter) + voter.noise() * rng.nextGaussian();
    if (Math.abs(ul - ur) < voter.tieMargin()) return Vote.TIE;
    return ul > ur ? Vote.LEFT : Vote.RIGHT;
  }

  private static double meanBrightness(Video v) {
    double s = 0;
    for (float x : v.data()) s += x;
    return s / v.data().length;
  }
}
