package dev.mediagen.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalBankTest {
  static Scene scene(int colour) {
    return new Scene(32, 32, 1, 8, 0, List.of(SceneObject.still(ShapeKind.CIRCLE, colour, SizeKind.LARGE, Texture.SOLID, 8, 8)));
  }

  // hand-made 2-d embeddings: the query (1, 0) is closest to entry 0 (itself), then 1 (identical scene to the
  // target), 2 (cosine 0.99: a near duplicate), 3 (cosine 0.9), 4 (cosine 0.6)
  static RetrievalBank bank() {
    List<RetrievalBank.Entry> e = List.of(new RetrievalBank.Entry(scene(0), "self"), new RetrievalBank.Entry(scene(0), "same scene"),
        new RetrievalBank.Entry(scene(2), "near"), new RetrievalBank.Entry(scene(3), "related"), new RetrievalBank.Entry(scene(4), "far"));
    return new RetrievalBank(e, List.of(v(1.0), v(0.999), v(0.99), v(0.9), v(0.6)), 0.97);
  }

  static float[] v(double cos) {
    return new float[] {(float) cos, (float) Math.sqrt(1 - cos * cos)};
  }

  @Test
  void excludesTheTargetIdenticalScenesAndNearDuplicates() {
    RetrievalBank b = bank();
    var hit = b.retrieve(v(1), scene(0), 0).orElseThrow();
    assertThat(hit.id()).isEqualTo(3);
    assertThat(hit.entry().caption()).isEqualTo("related");
    assertThat(hit.score()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-6));
    // without a known target (a user's prompt) only the near-duplicate rule applies: entry 0 at cosine 1.0
    // is itself a near duplicate of the query, and so are 1 and 2
    assertThat(b.retrieve(v(1), null, -1).orElseThrow().id()).isEqualTo(3);
    // a query far from everything gets the best remaining entry
    assertThat(b.retrieve(v(0.3), scene(5), -1).orElseThrow().id()).isEqualTo(4);
  }

  @Test
  void emptyWhenEverythingIsExcludedAndRoundTripsThroughFiles(@TempDir Path dir) throws Exception {
    RetrievalBank one = new RetrievalBank(List.of(new RetrievalBank.Entry(scene(0), "x")), List.of(v(1)), 0.97);
    assertThat(one.retrieve(v(1), null, 0)).isEmpty();
    RetrievalBank b = bank();
    b.save(dir.resolve("bank"));
    RetrievalBank back = RetrievalBank.read(dir.resolve("bank"));
    assertThat(back.size()).isEqualTo(5);
    assertThat(back.entry(3)).isEqualTo(b.entry(3));
    assertThat(back.retrieve(v(1), scene(0), 0).orElseThrow().id()).isEqualTo(3);
  }

  @Test
  void exactIndexReturnsTheTopKInOrderWithLowIdsWinningTies() {
    ExactCosineIndex idx = new ExactCosineIndex(2);
    idx.add(new float[] {0, 1});
    idx.add(new float[] {2, 0}); // normalised on insertion
    idx.add(new float[] {1, 0});
    idx.add(new float[] {1, 1});
    var hits = idx.search(new float[] {3, 0}, 3, id -> true);
    assertThat(hits).extracting(VectorIndex.Hit::id).containsExactly(1, 2, 3);
    assertThat(hits.get(2).score()).isCloseTo(Math.sqrt(0.5), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(idx.search(new float[] {3, 0}, 2, id -> id != 1)).extracting(VectorIndex.Hit::id).containsExactly(2, 3);
  }
}
