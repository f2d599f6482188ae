package dev.mediagen.arena.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private static PickapicRow row(long id, long user, String caption) {
    return new PickapicRow(caption, "a" + id, "b" + id, 1, 0, "a" + id, "m0", "m1", user, id, id, true, true, 1);
  }

  @Test
  void usersAndCaptionsNeverCrossSplitsAndUniqueKeepsOnePerCaption() {
    List<PickapicRow> rows = new ArrayList<>();
    long id = 0;
    for (long u = 0; u < 20; u++) {
      for (int k = 0; k < 6; k++) rows.add(row(id++, u, "caption " + (u * 3 + k % 3))); // 3 own captions, 2 rows each
    }
    rows.add(row(id++, 0, "shared")); // the same caption typed by two users
    rows.add(row(id, 1, "shared"));
    Splits.Result r = Splits.split(rows, 0.1, 0.1, 7);
    Map<String, List<PickapicRow>> s = r.splits();
    assertThat(r.validationUsers()).isEqualTo(2);
    assertThat(r.testUsers()).isEqualTo(2);
    assertThat(r.trainUsers()).isEqualTo(16);
    Set<Long> trainUsers = users(s.get("train"));
    assertThat(trainUsers).doesNotContainAnyElementsOf(users(s.get("validation"))).doesNotContainAnyElementsOf(users(s.get("test")));
    assertThat(users(s.get("validation"))).doesNotContainAnyElementsOf(users(s.get("test")));
    assertThat(captions(s.get("train"))).doesNotContainAnyElementsOf(captions(s.get("validation"))).doesNotContainAnyElementsOf(captions(s.get("test")));
    assertThat(captions(s.get("validation"))).doesNotContainAnyElementsOf(captions(s.get("test")));
    int kept = s.get("train").size() + s.get("validation").size() + s.get("test").size();
    assertThat(kept + r.droppedForOverlap()).isEqualTo(rows.size());
    // 2 validation users × 3 captions × 2 rows; unique: one per caption
    assertThat(s.get("validation")).hasSizeGreaterThanOrEqualTo(12);
    assertThat(s.get("validation_unique")).hasSize(captions(s.get("validation")).size());
    assertThat(s.get("validation_unique")).allMatch(x -> x.numExamplePerPrompt() == 1);
    assertThat(s.get("train")).filteredOn(x -> x.caption().startsWith("caption")).allMatch(x -> x.numExamplePerPrompt() == 2);
    // same seed, same splits; another seed, other users held out
    assertThat(Splits.split(rows, 0.1, 0.1, 7).splits()).isEqualTo(s);
    assertThat(users(Splits.split(rows, 0.1, 0.1, 8).splits().get("test"))).isNotEqualTo(users(s.get("test")));
  }

  @Test
  void fewUsersStillGetOneHeldOutUserEach() {
    List<PickapicRow> rows = List.of(row(1, 1, "x"), row(2, 2, "y"), row(3, 3, "z"));
    Splits.Result r = Splits.split(rows, 0.1, 0.1, 0);
    assertThat(r.splits().get("validation")).hasSize(1);
    assertThat(r.splits().get("test")).hasSize(1);
    assertThat(r.splits().get("train")).hasSize(1);
  }

  private static Set<Long> users(List<PickapicRow> rows) {
    return rows.stream().map(PickapicRow::userId).collect(Collectors.toSet());
  }

  private static Set<String> captions(List<PickapicRow> rows) {
    return new HashSet<>(rows.stream().map(PickapicRow::caption).toList());
  }
}
