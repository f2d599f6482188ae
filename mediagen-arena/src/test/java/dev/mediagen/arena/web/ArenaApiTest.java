package dev.mediagen.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.arena.TestArena;
import dev.mediagen.arena.sim.ArenaClient;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round flow over HTTP: sign-up, consent, generation with SSE, pairs, left/right/tie, winner stays. */
class ArenaApiTest {
  @TempDir static Path dir;
  static TestArena arena;

  @BeforeAll
  static void start() {
    arena = new TestArena(dir, TestArena.noControls());
  }

  @AfterAll
  static void stop() {
    arena.close();
  }

  @Test
  void roundsKeepTheWinnerAndRecordEveryChoice() throws Exception {
    ArenaClient c = new ArenaClient(arena.url);
    JsonNode s = c.signup("alice", "correct horse");
    assertThat(s.get("user").get("consented").asBoolean()).isFalse();
    assertThat(c.call("POST", "/api/generate", Map.of("prompt", "a red circle")).status()).isEqualTo(403);
    c.consent();

    String job = c.generate("a large red circle on a navy background");
    List<JsonNode> events = c.follow(job);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.get("state").asText()).isEqualTo("done");
    JsonNode pair = last.get("pair");
    assertThat(pair.get("prompt").asText()).isEqualTo("a large red circle on a navy background");
    assertThat(pair.get("incumbent").isNull()).isTrue();
    assertThat(c.pair().get("pair_id").asText()).isEqualTo(pair.get("pair_id").asText());

    // left wins: the left image stays for the next round
    String winner = pair.get("left").get("uid").asText();
    JsonNode r1 = c.vote(pair.get("pair_id").asText(), "left");
    JsonNode next = r1.get("next");
    assertThat(Set.of(next.get("left").get("uid").asText(), next.get("right").get("uid").asText())).contains(winner);
    assertThat(next.get(next.get("incumbent").asText()).get("uid").asText()).isEqualTo(winner);

    // a tie keeps the incumbent
    JsonNode r2 = c.vote(next.get("pair_id").asText(), "tie");
    JsonNode third = r2.get("next");
    assertThat(third.get(third.get("incumbent").asText()).get("uid").asText()).isEqualTo(winner);

    // right wins: 4 images per job → 3 rounds, then the pool is empty
    String rightUid = third.get("right").get("uid").asText();
    JsonNode r3 = c.vote(third.get("pair_id").asText(), "right");
    assertThat(r3.get("next").isNull()).isTrue();

    List<Map<String, Object>> rows = arena.db.read(h -> h.createQuery(
        "SELECT best_image_uid, kept_uid FROM rankings r JOIN users u ON u.user_id = r.user_id WHERE u.username = 'alice' ORDER BY ranking_id")
        .mapToMap().list());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("best_image_uid")).isEqualTo(winner);
    assertThat(rows.get(1).get("best_image_uid")).isEqualTo("none");
    assertThat(rows.get(2).get("best_image_uid")).isEqualTo(rightUid);

    // generating again for the same prompt pairs the last winner with a new image
    JsonNode again = c.follow(c.generate("a large red circle on a navy background")).get(1 < 0 ? 0 : 0);
    JsonNode p4 = c.pair();
    assertThat(p4.get(p4.get("incumbent").asText()).get("uid").asText()).isEqualTo(rightUid);
    assertThat(again).isNotNull();
  }

  @Test
  void aRetriedVoteIsStoredOnceAndAConflictingOneIsRefused() throws Exception {
    ArenaClient c = new ArenaClient(arena.url);
    c.signup("bob", "password123");
    c.consent();
    List<JsonNode> ev = c.follow(c.generate("a small green square"));
    String pairId = ev.get(ev.size() - 1).get("pair").get("pair_id").asText();
    JsonNode first = c.vote(pairId, "right");
    JsonNode retry = c.vote(pairId, "right");
    assertThat(retry.get("duplicate").asBoolean()).isTrue();
    assertThat(retry.get("ranking_id").asLong()).isEqualTo(first.get("ranking_id").asLong());
    assertThat(c.call("POST", "/api/vote", Map.of("pair_id", pairId, "choice", "left")).status()).isEqualTo(409);
    long stored = arena.db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings WHERE pair_id = :p").bind("p", pairId)
        .mapTo(Long.class).one());
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void queuedJobsReportPositionsThatOnlyMoveForward() throws Exception {
    ArenaClient a = new ArenaClient(arena.url);
    a.signup("carol", "password123");
    a.consent();
    ArenaClient b = new ArenaClient(arena.url);
    b.signup("dave", "password123");
    b.consent();
    String j1 = a.generate("a blue triangle");
    String j2 = b.generate("a yellow circle");
    String j3 = a.generate("a white square");
    for (String j : List.of(j1, j2, j3)) {
      ArenaClient who = j.equals(j2) ? b : a;
      List<JsonNode> events = who.follow(j);
      int lastPos = Integer.MAX_VALUE;
      Set<String> states = new HashSet<>();
      for (JsonNode e : events) {
        states.add(e.get("state").asText());
        if (e.get("state").asText().equals("queued")) {
          assertThat(e.get("position").asInt()).isLessThanOrEqualTo(lastPos).isGreaterThanOrEqualTo(1);
          lastPos = e.get("position").asInt();
        }
      }
      assertThat(events.get(events.size() - 1).get("state").asText()).isEqualTo("done");
    }
    // a user may not follow someone else's job
    assertThat(b.call("GET", "/api/jobs/" + j1, null).status()).isEqualTo(404);
  }
}
