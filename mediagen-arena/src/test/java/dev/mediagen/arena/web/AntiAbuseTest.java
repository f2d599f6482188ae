package dev.mediagen.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.arena.ArenaConfig;
import dev.mediagen.arena.TestArena;
import dev.mediagen.arena.sim.ArenaClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-user caps, control pairs that flag careless voters, and silent blocking. */
class AntiAbuseTest {
  @TempDir Path dir;

  @Test
  void weeklyImageCapAndVoteRateCapAnswer429WithTheLimit() throws Exception {
    ArenaConfig config = TestArena.noControls().withCaps(8, 2, 2); // 8 images a week = 2 jobs of 4; 2 votes a minute
    try (TestArena arena = new TestArena(dir, config)) {
      ArenaClient c = new ArenaClient(arena.url);
      c.signup("eager", "password123");
      c.consent();
      List<JsonNode> ev = c.follow(c.generate("a red circle"));
      c.follow(c.generate("a red circle"));
      ArenaClient.Reply third = c.call("POST", "/api/generate", Map.of("prompt", "a red circle"));
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.error()).contains("limit").contains("weekly limit is 8");

      JsonNode pair = ev.get(ev.size() - 1).get("pair");
      JsonNode next = c.vote(pair.get("pair_id").asText(), "left").get("next");
      c.vote(next.get("pair_id").asText(), "left");
      JsonNode now = c.pair();
      ArenaClient.Reply r = c.call("POST", "/api/vote", Map.of("pair_id", now.get("pair_id").asText(), "choice", "left"));
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.error()).contains("2 votes per minute");
    }
  }

  @Test
  void aVoterWhoPrefersControlImagesIsBlockedSilently() throws Exception {
    ArenaConfig config = ArenaConfig.defaults().withControlShare(1.0); // every job brings a control image
    try (TestArena arena = new TestArena(dir, config)) {
      ArenaClient c = new ArenaClient(arena.url);
      c.signup("careless", "password123");
      c.consent();
      int controls = 0;
      while (controls < 3) {
        List<JsonNode> ev = c.follow(c.generate("a large green square on a gray background"));
        JsonNode pair = ev.get(ev.size() - 1).get("pair");
        while (pair != null && !pair.isNull()) {
          String id = pair.get("pair_id").asText();
          assertThat(pair.toString()).doesNotContain("control"); // the page cannot tell
          String control = arena.db.read(h -> h.createQuery("SELECT control_uid FROM pairs WHERE pair_id = :p").bind("p", id)
              .mapTo(String.class).findOne().orElse(null));
          String choice = "left";
          if (control != null) {
            choice = control.equals(pair.get("left").get("uid").asText()) ? "left" : "right";
            controls++;
          }
          JsonNode reply = c.vote(id, choice); // still 200 once blocked: a silent ban
          pair = reply.get("next");
        }
      }
      boolean blocked = arena.db.read(h -> h.createQuery("SELECT blocked FROM users WHERE username = 'careless'").mapTo(Integer.class).one()) == 1;
      assertThat(blocked).isTrue();
      long failed = arena.db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings WHERE control_failed = 1").mapTo(Long.class).one());
      assertThat(failed).isEqualTo(3);

      // an attentive voter who avoids the control stays unblocked
      ArenaClient good = new ArenaClient(arena.url);
      good.signup("attentive", "password123");
      good.consent();
      for (int round = 0; round < 4; round++) {
        List<JsonNode> ev = good.follow(good.generate("a small red circle"));
        JsonNode pair = ev.get(ev.size() - 1).get("pair");
        while (pair != null && !pair.isNull()) {
          String id = pair.get("pair_id").asText();
          String control = arena.db.read(h -> h.createQuery("SELECT control_uid FROM pairs WHERE pair_id = :p").bind("p", id)
              .mapTo(String.class).findOne().orElse(null));
          String choice = control == null ? "tie" : control.equals(pair.get("left").get("uid").asText()) ? "right" : "left";
          pair = good.vote(id, choice).get("next");
        }
      }
      int goodBlocked = arena.db.read(h -> h.createQuery("SELECT blocked FROM users WHERE username = 'attentive'").mapTo(Integer.class).one());
      assertThat(goodBlocked).isZero();
    }
  }
}
