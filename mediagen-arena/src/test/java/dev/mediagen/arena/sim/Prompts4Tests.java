package dev.mediagen.arena.sim;

import dev.mediagen.world.Captioner;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** ShapesWorld image captions for tests. */
public final class Prompts4Tests {
  private Prompts4Tests() {}

  public static List<String> captions(int n, long seed) {
    SceneSampler s = new SceneSampler(WorldConfig.defaults());
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(Captioner.caption(s.sampleImage(rng, Split.TRAIN), rng));
    return out;
  }
}
