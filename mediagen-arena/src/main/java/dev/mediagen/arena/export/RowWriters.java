package dev.mediagen.arena.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Writes Pick-a-Pic rows as JSON lines or as Parquet (DuckDB: Appender into a table, then COPY TO parquet). */
public final class RowWriters {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The Parquet schema (DuckDB types). */
  public static final String DDL = "CREATE TABLE rows (caption VARCHAR, image_0_uid VARCHAR, image_1_uid VARCHAR, label_0 DOUBLE,"
      + " label_1 DOUBLE, best_image_uid VARCHAR, model_0 VARCHAR, model_1 VARCHAR, user_id BIGINT, ranking_id BIGINT,"
      + " created_at TIMESTAMP, has_label BOOLEAN, are_different BOOLEAN, num_example_per_prompt BIGINT)";

  private RowWriters() {}

  /** One JSON object per line; created_at as an ISO-8601 UTC instant. */
  public static void jsonl(List<PickapicRow> rows, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (PickapicRow r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caption", r.caption());
        m.put("image_0_uid", r.image0Uid());
        m.put("image_1_uid", r.image1Uid());
        m.put("label_0", r.label0());
        m.put("label_1", r.label1());
        m.put("best_image_uid", r.bestImageUid());
        m.put("model_0", r.model0());
        m.put("model_1", r.model1());
        m.put("user_id", r.userId());
        m.put("ranking_id", r.rankingId());
        m.put("created_at", Instant.ofEpochMilli(r.createdAtMs()).toString());
        m.put("has_label", r.hasLabel());
        m.put("are_different", r.areDifferent());
        m.put("num_example_per_prompt", r.numExamplePerPrompt());
        w.write(MAPPER.writeValueAsString(m));
        w.write('\n');
      }
    }
  }

  /** A zstd Parquet file; created_at as a TIMESTAMP in UTC. */
  public static void parquet(List<PickapicRow> rows, Path file) throws IOException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(DDL);
      try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rows")) {
        for (PickapicRow r : rows) {
          a.beginRow()
              .append(r.caption()).append(r.image0Uid()).append(r.image1Uid()).append(r.label0()).append(r.label1())
              .append(r.bestImageUid()).append(r.model0()).append(r.model1()).append(r.userId()).append(r.rankingId())
              .append(LocalDateTime.ofInstant(Instant.ofEpochMilli(r.createdAtMs()), ZoneOffset.UTC))
              .append(r.hasLabel()).append(r.areDifferent()).append(r.numExamplePerPrompt())
              .endRow();
        }
      }
      Files.deleteIfExists(file);
      s.execute("COPY rows TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)");
    } catch (SQLException e) {
      throw new IOException("writing " + file + ": " + e.getMessage(), e);
    }
  }
}
