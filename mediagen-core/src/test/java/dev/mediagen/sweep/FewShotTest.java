package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FewShotTest {

  @Test
  void trainSizeIsMaxOfThreeQuartersAndNMinus400() {
    assertThat(FewShot.trainSize(32)).isEqualTo(24);
    assertThat(FewShot.trainSize(128)).isEqualTo(96);
    assertThat(FewShot.trainSize(512)).isEqualTo(384);
    assertThat(FewShot.trainSize(2048)).isEqualTo(1648); // n - 400 wins: dev capped at 400
    assertThat(FewShot.trainSize(1700)).isEqualTo(1300);
    assertThat(FewShot.trainSize(1600)).isEqualTo(1200); // tie
    assertThat(FewShot.trainSize(3)).isEqualTo(2);
    assertThatThrownBy(() -> FewShot.trainSize(0)).hasMessageContaining("got 0");
  }

  @Test
  void splitPartitionsDeterministically() {
    List<Integer> items = IntStream.range(0, 512).boxed().toList();
    FewShot.Carve<Integer> c = FewShot.split(items, 42);
    assertThat(c.train()).hasSize(384);
    assertThat(c.dev()).hasSize(128);
    List<Integer> all = new ArrayList<>(c.train());
    all.addAll(c.dev());
    assertThat(all).containsExactlyInAnyOrderElementsOf(items);
    assertThat(FewShot.split(items, 42)).isEqualTo(c);
    assertThat(FewShot.split(items, 43).dev()).isNotEqualTo(c.dev());
    assertThat(c.train()).isNotEqualTo(items.subList(0, 384)); // shuffled
  }
}
