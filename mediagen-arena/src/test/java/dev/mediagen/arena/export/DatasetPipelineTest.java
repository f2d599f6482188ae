package dev.mediagen.arena.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediagen.arena.ArenaConfig;
import dev.mediagen.arena.TestArena;
import dev.mediagen.arena.db.UserStore;
import dev.mediagen.arena.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic voters bootstrap a dataset through the HTTP API; the export is read back with DuckDB
 * (schema, counts, labels, exclusions, splits) and the oracle's backend order shows in the votes.
 */
class DatasetPipelineTest {
  @TempDir static Path dir;
  static Simulator.Summary sim;
  static Path parquet;
  static Path jsonl;
  static Exporter.Summary summary;
  static long blockedRows;
  static long controlRows;
  static Map<String, double[]> winsByModel = new HashMap<>();

  @BeforeAll
  static void bootstrap() throws Exception {
    ArenaConfig config = ArenaConfig.defaults().withCaps(100_000, 100_000, 2);
    try (TestArena arena = new TestArena(dir.resolve("data"), config)) {
      sim = Simulator.run(new Simulator.Options(arena.url, 8, 20, 0.125, 4, 5), null);
      // block one (attentive) voter by hand: their votes stay stored but are not exported
      arena.db.write(h -> UserStore.setBlocked(h, "sim5-7", true, "test"));
      blockedRows = arena.db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings r JOIN users u ON u.user_id = r.user_id"
          + " WHERE u.username = 'sim5-7'").mapTo(Long.class).one());
      controlRows = arena.db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings r JOIN users u ON u.user_id = r.user_id"
          + " WHERE r.is_control = 1 AND u.blocked = 0").mapTo(Long.class).one());
      for (PickapicRow r : Exporter.rows(arena.db)) {
        winsByModel.computeIfAbsent(r.model0(), k -> new double[2]);
        winsByModel.computeIfAbsent(r.model1(), k -> new double[2]);
        winsByModel.get(r.model0())[0] += r.label0();
        winsByModel.get(r.model0())[1]++;
        winsByModel.get(r.model1())[0] += r.label1();
        winsByModel.get(r.model1())[1]++;
      }
      parquet = dir.resolve("out-parquet");
      jsonl = dir.resolve("out-jsonl");
      summary = Exporter.export(arena.db, parquet, Exporter.Options.of(Exporter.Format.PARQUET));
      Exporter.export(arena.db, jsonl, Exporter.Options.of(Exporter.Format.JSONL));
    }
  }

  @Test
  void everySimulatedVoteIsStored() {
    assertThat(sim.votes()).isEqualTo(8 * 20);
    assertThat(sim.careless()).isEqualTo(1);
    assertThat(sim.ties()).isPositive();
  }

  @Test
  void parquetHasThePickapicSchemaAndTheExpectedCounts() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      Map<String, String> schema = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet.resolve("train.parquet") + "')")) {
        while (rs.next()) schema.put(rs.getString("column_name"), rs.getString("column_type"));
      }
      assertThat(schema.keySet()).containsExactlyElementsOf(PickapicRow.COLUMNS);
      assertThat(schema).containsEntry("label_0", "DOUBLE").containsEntry("user_id", "BIGINT").containsEntry("ranking_id", "BIGINT")
          .containsEntry("created_at", "TIMESTAMP").containsEntry("has_label", "BOOLEAN").containsEntry("num_example_per_prompt", "BIGINT");

      long total = 0;
      for (String split : List.of("train", "validation", "test")) {
        total += count(s, "SELECT COUNT(*) FROM read_parquet('" + parquet.resolve(split + ".parquet") + "')");
      }
      long stored = 8 * 20;
      assertThat(total + summary.droppedForOverlap()).isEqualTo(stored - blockedRows - controlRows);
      assertThat(summary.excludedBlocked()).isEqualTo(blockedRows);
      assertThat(summary.excludedControl()).isEqualTo(controlRows);

      String all = "read_parquet(['" + parquet.resolve("train.parquet") + "','" + parquet.resolve("validation.parquet") + "','"
          + parquet.resolve("test.parquet") + "'])";
      // labels: (1,0), (0,1) or a tie (0.5,0.5) with best 'none'
      assertThat(count(s, "SELECT COUNT(*) FROM " + all + " WHERE label_0 + label_1 <> 1 OR label_0 NOT IN (0, 0.5, 1)")).isZero();
      assertThat(count(s, "SELECT COUNT(*) FROM " + all + " WHERE (label_0 = 0.5) <> (best_image_uid = 'none')")).isZero();
      assertThat(count(s, "SELECT COUNT(*) FROM " + all + " WHERE label_0 = 1 AND best_image_uid <> image_0_uid")).isZero();
      assertThat(count(s, "SELECT COUNT(*) FROM " + all + " WHERE model_0 = 'control' OR model_1 = 'control'")).isZero();
      assertThat(count(s, "SELECT COUNT(*) FROM " + all + " WHERE NOT has_label OR NOT are_different")).isZero();
      // num_example_per_prompt counts the caption's rows within its split
      assertThat(count(s, "SELECT COUNT(*) FROM (SELECT caption, COUNT(*) n, MIN(num_example_per_prompt) lo, MAX(num_example_per_prompt) hi"
          + " FROM read_parquet('" + parquet.resolve("train.parquet") + "') GROUP BY caption) WHERE n <> lo OR n <> hi")).isZero();
      // *_unique: one row per caption
      String tu = "read_parquet('" + parquet.resolve("test_unique.parquet") + "')";
      assertThat(count(s, "SELECT COUNT(*) FROM " + tu)).isEqualTo(count(s, "SELECT COUNT(DISTINCT caption) FROM read_parquet('"
          + parquet.resolve("test.parquet") + "')"));
      // splits are by user: no user in two splits
      assertThat(count(s, "SELECT COUNT(*) FROM (SELECT user_id FROM read_parquet('" + parquet.resolve("train.parquet") + "')"
          + " INTERSECT SELECT user_id FROM read_parquet('" + parquet.resolve("test.parquet") + "'))")).isZero();
      // every image the rows name was written
      List<String> uids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT image_0_uid FROM " + all + " UNION SELECT image_1_uid FROM " + all)) {
        while (rs.next()) uids.add(rs.getString(1));
      }
      assertThat(uids).allMatch(u -> Files.isRegularFile(parquet.resolve("images").resolve(u + ".png")));
      assertThat(summary.images()).isEqualTo(uids.size());
    }
  }

  @Test
  void jsonlCarriesTheSameRows() throws Exception {
    List<String> lines = Files.readAllLines(jsonl.resolve("train.jsonl"));
    assertThat(lines).hasSize(summary.counts().get("train"));
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    List<String> fields = new ArrayList<>();
    first.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(PickapicRow.COLUMNS);
    assertThat(first.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonNode manifest = new ObjectMapper().readTree(jsonl.resolve("export.json").toFile());
    assertThat(manifest.get("rows").get("train").asInt()).isEqualTo(lines.size());
  }

  @Test
  void votesFollowTheOraclesBackendOrder() {
    double exact = winsByModel.get("shapes.exact")[0] / winsByModel.get("shapes.exact")[1];
    double bad = winsByModel.get("shapes.bad")[0] / winsByModel.get("shapes.bad")[1];
    assertThat(exact).isGreaterThan(0.5).isGreaterThan(bad + 0.2);
  }

  private static long count(Statement s, String sql) throws java.sql.SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
