package dev.mediagen.arena.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.arena.TestArena;
import dev.mediagen.arena.sim.ArenaClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations and a vote round trip (through the HTTP API) on SQLite and on a real PostgreSQL. */
class StorageTest {
  @TempDir Path dir;

  private static final Set<String> TABLES = Set.of("users", "sessions", "images", "pairs", "rankings", "downloads");

  @Test
  void sqliteMigratesOnceAndKeepsVotesAcrossARestart() throws Exception {
    DbUrl url = DbUrl.sqlite(dir.resolve("data/arena.db"));
    roundTrip(url);
    String mode = Database.open(url).read(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
    assertThat(mode).isEqualToIgnoringCase("wal");
  }

  @Test
  void postgresMigratesOnceAndKeepsVotesAcrossARestart() throws Exception {
    roundTrip(PostgresFixture.freshDatabase("storage"));
  }

  private void roundTrip(DbUrl url) throws Exception {
    assertThat(Database.migrate(url)).isEqualTo(1);
    assertThat(Database.migrate(url)).isZero(); // idempotent
    String pairId;
    String left;
    try (TestArena arena = new TestArena(url, TestArena.noControls())) {
      assertThat(tables(arena.db)).containsAll(TABLES);
      ArenaClient c = new ArenaClient(arena.url);
      c.signup("obrien", "password123");
      c.consent();
      List<JsonNode> ev = c.follow(c.generate("a large red circle; DROP TABLE users"));
      JsonNode pair = ev.get(ev.size() - 1).get("pair");
      pairId = pair.get("pair_id").asText();
      left = pair.get("left").get("uid").asText();
      c.vote(pairId, "left");
      assertThat(c.image(left)).startsWith(0x89, 'P', 'N', 'G');
      assertThat(c.call("POST", "/api/download", Map.of("image_uid", left)).status()).isEqualTo(200);
    }
    try (Database db = Database.open(url)) {
      Map<String, Object> row = db.read(h -> h.createQuery(
          "SELECT r.best_image_uid, r.prompt, u.username, i.model_id FROM rankings r JOIN users u ON u.user_id = r.user_id"
              + " JOIN images i ON i.image_uid = r.best_image_uid WHERE r.pair_id = :p").bind("p", pairId).mapToMap().one());
      assertThat(row.get("best_image_uid")).isEqualTo(left);
      assertThat(row.get("prompt")).isEqualTo("a large red circle; DROP TABLE users");
      assertThat(row.get("username")).isEqualTo("obrien");
      assertThat((String) row.get("model_id")).startsWith("shapes.");
      long downloads = db.read(DownloadStore::count);
      assertThat(downloads).isEqualTo(1);
      long images = db.read(h -> h.createQuery("SELECT COUNT(*) FROM images").mapTo(Long.class).one());
      assertThat(images).isEqualTo(4);
    }
  }

  private static Set<String> tables(Database db) {
    return db.read(h -> {
      Set<String> out = new TreeSet<>();
      try (var rs = h.getConnection().getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) out.add(rs.getString("TABLE_NAME").toLowerCase());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      return out;
    });
  }
}
