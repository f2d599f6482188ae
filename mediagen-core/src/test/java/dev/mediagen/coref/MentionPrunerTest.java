package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MentionPrunerTest {

  @Property(tries = 300)
  void keepsFloorLambdaTValidSpansWithTheBestScores(
      @ForAll @IntRange(min = 1, max = 60) int t,
      @ForAll @IntRange(min = 1, max = 8) int l,
      @ForAll @FloatRange(min = 0.05f, max = 1f) float lambda,
      @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] band = new float[t * l];
    for (int i = 0; i < band.length; i++) {
      band[i] = r.nextInt(5) == 0 ? MentionScorer.INVALID : (float) r.nextInt(20); // ties and junk
    }
    List<Mention> kept = MentionPruner.prune(band, t, l, lambda);
    int valid = 0;
    for (int s = 0; s < t; s++) {
      valid += Math.min(l, t - s);
    }
    assertThat(kept).hasSize(Math.min((int) Math.floor(lambda * t), valid));
    Set<Mention> set = new HashSet<>(kept);
    assertThat(set).hasSameSizeAs(kept);
    assertThat(kept).isSorted();
    float worstKept = Float.MAX_VALUE;
    for (Mention m : kept) {
      assertThat(m.length()).isLessThanOrEqualTo(l);
      assertThat(m.end()).isLessThan(t);
      worstKept = Math.min(worstKept, band[m.start() * l + m.length() - 1]);
    }
    for (int s = 0; s < t; s++) {
      for (int o = 0; o < l && s + o < t; o++) {
        if (!set.contains(new Mention(s, s + o))) {
          assertThat(band[s * l + o]).isLessThanOrEqualTo(worstKept); // brute force: none better left out
        }
      }
    }
  }

  @Test
  void tiesGoToTheEarlierSpanAndSpansPastTheEndNeverCount() {
    // T = 3, L = 2: (0,0)=1 (0,1)=5 (1,1)=5 (1,2)=0 (2,2)=5 and (2,3) past the end, scored highest
    float[] band = {1, 5, 5, 0, 5, 99};
    assertThat(MentionPruner.top(band, 3, 2, 2)).containsExactly(new Mention(0, 1), new Mention(1, 1));
    assertThat(MentionPruner.top(band, 3, 2, 10)).hasSize(5).doesNotContain(new Mention(2, 3));
    assertThat(MentionPruner.keep(2000, 0.4f)).isEqualTo(800);
    assertThat(MentionPruner.keep(7, 0.4f)).isEqualTo(2);
  }
}
