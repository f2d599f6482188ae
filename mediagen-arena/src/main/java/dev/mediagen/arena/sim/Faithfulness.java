package dev.mediagen.arena.sim;

import dev.mediagen.world.CaptionParser.ParsedCaption;
import dev.mediagen.world.CaptionParser.ParsedObject;
import dev.mediagen.world.Checker;
import dev.mediagen.world.DetectedObject;
import dev.mediagen.world.Reading;
import dev.mediagen.world.Video;
import java.util.ArrayList;
import java.util.List;

/**
 * Caption faithfulness of an image as the analytic {@link dev.mediagen.world.Checker} reads it: the
 * share of the caption's stated facts (per object: colour, shape, size, texture when stated, position
 * when stated; the background when stated; the number of objects) that the reading confirms. Objects
 * are matched greedily, each caption object to the unused detection agreeing on the most facts. Also the
 * image-quality term: how far pixels are from the ShapesWorld palette (noise, blur and smudges).
 */
public final class Faithfulness {

  private Faithfulness() {}

  /** Fraction of stated facts confirmed, in [0, 1] (1 when the caption states nothing). */
  public static double score(ParsedCaption caption, Reading reading) {
    int facts = 0;
    int right = 0;
    List<DetectedObject> free = new ArrayList<>(reading.objects());
    for (ParsedObject o : caption.objects()) {
      int stated = stated(o);
      facts += stated;
      DetectedObject best = null;
      int bestHits = -1;
      for (DetectedObject d : free) {
        int h = hits(o, d);
        if (h > bestHits) {
          best = d;
          bestHits = h;
        }
      }
      if (best != null) {
        free.remove(best);
        right += bestHits;
      }
    }
    if (!caption.objects().isEmpty()) {
      facts++;
      right += reading.objects().size() == caption.objects().size() ? 1 : 0;
    }
    if (caption.background() >= 0) {
      facts++;
      right += reading.background() == caption.background() ? 1 : 0;
    }
    return facts == 0 ? 1.0 : right / (double) facts;
  }

  private static int stated(ParsedObject o) {
    return (o.colour() != null ? 1 : 0) + (o.shape() != null ? 1 : 0) + (o.size() != null ? 1 : 0)
        + (o.texture() != null ? 1 : 0) + (o.region() != null ? 1 : 0);
  }

  private static int hits(ParsedObject o, DetectedObject d) {
    return (o.colour() != null && o.colour() == d.colour() ? 1 : 0)
        + (o.shape() != null && o.shape() == d.shape() ? 1 : 0)
        + (o.size() != null && o.size() == d.size() ? 1 : 0)
        + (o.texture() != null && o.texture() == d.texture() ? 1 : 0)
        + (o.region() != null && o.region() == d.region() ? 1 : 0);
  }

  /** Mean RGB distance (channels in [0, 1]) from each pixel to its nearest palette colour; 0 for a clean render. */
  public static double offPalette(Video v) {
    return Checker.offPalette(v);
  }
}
