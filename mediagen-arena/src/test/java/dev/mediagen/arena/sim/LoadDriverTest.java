package dev.mediagen.arena.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.arena.ArenaConfig;
import dev.mediagen.arena.TestArena;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load driver on a small in-process arena: every acknowledged vote is stored once with its choice. */
class LoadDriverTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedVoteIsStoredExactlyOnce() throws Exception {
    ArenaConfig config = TestArena.noControls().withImagesPerJob(8).withCaps(100_000, 1_000_000, 2);
    try (TestArena arena = new TestArena(dir, config)) {
      Path acks = dir.resolve("acks.log");
      LoadDriver.Result r = LoadDriver.run(new LoadDriver.Options(arena.url, 3, 2.0, 10, 5.0, acks, 7), null);
      assertThat(r.acked()).isPositive();
      assertThat(r.p50Ms()).isPositive().isLessThanOrEqualTo(r.p99Ms());
      assertThat(r.p99Ms()).isLessThanOrEqualTo(r.maxMs());
      assertThat(r.retried()).isZero();
      assertThat(Files.readAllLines(acks)).hasSize((int) r.acked());

      AckCheck.Result check = AckCheck.check(arena.db, acks);
      assertThat(check.ok()).as(check.toString()).isTrue();
      assertThat(check.acked()).isEqualTo(r.acked());
      assertThat(check.stored()).isEqualTo(r.acked());
    }
  }

  @Test
  void aMissingOrChangedVoteIsReported() throws Exception {
    ArenaConfig config = TestArena.noControls().withCaps(100_000, 1_000_000, 2);
    try (TestArena arena = new TestArena(dir, config)) {
      Path acks = dir.resolve("acks.log");
      LoadDriver.run(new LoadDriver.Options(arena.url, 1, 1.0, 3, 5.0, acks, 1), null);
      long n = Files.readAllLines(acks).size();
      String first = Files.readAllLines(acks).get(0);
      String[] f = first.split(" ");
      String flipped = f[0] + " " + (f[1].equals("left") ? "right" : "left") + " " + f[2];
      Files.writeString(acks, flipped + "\nno-such-pair left 1\n", java.nio.file.StandardOpenOption.APPEND);
      AckCheck.Result check = AckCheck.check(arena.db, acks);
      assertThat(check.ok()).isFalse();
      assertThat(check.missing()).isEqualTo(1);
      assertThat(check.mismatched()).isEqualTo(1);
      assertThat(check.acked()).isEqualTo(n + 1);
    }
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new LoadDriver.Options("http://x", 0, 1, 1, 1, null, 1)).hasMessageContaining("--users 0");
    assertThatThrownBy(() -> new LoadDriver.Options("http://x", 1, 0, 1, 1, null, 1)).hasMessageContaining("--seconds");
  }
}
