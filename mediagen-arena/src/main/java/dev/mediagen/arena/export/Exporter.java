package dev.mediagen.arena.export;

import dev.mediagen.arena.db.Database;
import dev.mediagen.arena.db.Ranking;
import dev.mediagen.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./mediagen arena export}: the arena's judgements as a Pick-a-Pic dataset directory —
 * {@code train|validation|test|validation_unique|test_unique} as {@code .parquet} or {@code .jsonl},
 * {@code images/<uid>.png} for every image the rows name, and {@code export.json} (counts, seed,
 * exclusions). Ties are labels 0.5/0.5. Rows of blocked users and control pairs are left out.
 */
public final class Exporter {
  /** Output formats. */
  public enum Format {
    PARQUET,
    JSONL
  }

  /**
   * Export settings.
   *
   * @param format parquet or jsonl
   * @param seed split seed
   * @param validationFraction share of users in validation
   * @param testFraction share of users in test
   */
  public record Options(Format format, long seed, double validationFraction, double testFraction) {
    public static Options of(Format f) {
      return new Options(f, 0, 0.1, 0.1);
    }
  }

  /**
   * What was written.
   *
   * @param counts rows per split
   * @param images PNG files written
   * @param excludedBlocked judgements of blocked users left out
   * @param excludedControl control-pair judgements left out
   * @param droppedForOverlap rows dropped so captions do not cross splits
   */
  public record Summary(Map<String, Integer> counts, int images, long excludedBlocked, long excludedControl, int droppedForOverlap) {}

  private Exporter() {}

  public static Summary export(Database db, Path out, Options o) throws IOException {
    Files.createDirectories(out.resolve("images"));
    List<PickapicRow> rows = rows(db);
    long blocked = db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings r JOIN users u ON u.user_id = r.user_id WHERE u.blocked = 1")
        .mapTo(Long.class).one());
    long control = db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings r JOIN users u ON u.user_id = r.user_id"
        + " WHERE r.is_control = 1 AND u.blocked = 0").mapTo(Long.class).one());
    Splits.Result split = Splits.split(rows, o.validationFraction(), o.testFraction(), o.seed());
    Map<String, Integer> counts = new LinkedHashMap<>();
    Set<String> uids = new LinkedHashSet<>();
    for (Map.Entry<String, List<PickapicRow>> e : split.splits().entrySet()) {
      Path file = out.resolve(e.getKey() + (o.format() == Format.PARQUET ? ".parquet" : ".jsonl"));
      if (o.format() == Format.PARQUET) RowWriters.parquet(e.getValue(), file);
      else RowWriters.jsonl(e.getValue(), file);
      counts.put(e.getKey(), e.getValue().size());
      e.getValue().forEach(r -> {
        uids.add(r.image0Uid());
        uids.add(r.image1Uid());
      });
    }
    for (String uid : uids) {
      byte[] png = db.read(h -> h.createQuery("SELECT png FROM images WHERE image_uid = :u").bind("u", uid).mapTo(byte[].class).one());
      Files.write(out.resolve("images").resolve(uid + ".png"), png);
    }
    Summary s = new Summary(counts, uids.size(), blocked, control, split.droppedForOverlap());
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", o.format().name().toLowerCase());
    manifest.put("schema", PickapicRow.COLUMNS);
    manifest.put("rows", counts);
    manifest.put("images", uids.size());
    manifest.put("users", Map.of("train", split.trainUsers(), "validation", split.validationUsers(), "test", split.testUsers()));
    manifest.put("split_seed", o.seed());
    manifest.put("validation_fraction", o.validationFraction());
    manifest.put("test_fraction", o.testFraction());
    manifest.put("excluded_blocked_users", blocked);
    manifest.put("excluded_control_pairs", control);
    manifest.put("dropped_for_caption_overlap", split.droppedForOverlap());
    manifest.put("ties", "label_0 = label_1 = 0.5, best_image_uid = \"" + Ranking.TIE + "\"");
    Json.write(out.resolve("export.json"), manifest);
    return s;
  }

  /** Exportable judgements in ranking_id order (blocked users and control pairs left out). */
  public static List<PickapicRow> rows(Database db) {
    return db.read(h -> h.createQuery("SELECT r.prompt, r.image_0_uid, r.image_1_uid, r.best_image_uid, i0.model_id AS m0,"
            + " i1.model_id AS m1, r.user_id, r.ranking_id, r.created_at FROM rankings r"
            + " JOIN users u ON u.user_id = r.user_id"
            + " JOIN images i0 ON i0.image_uid = r.image_0_uid JOIN images i1 ON i1.image_uid = r.image_1_uid"
            + " WHERE u.blocked = 0 AND r.is_control = 0 ORDER BY r.ranking_id")
        .map((rs, ctx) -> {
          String a = rs.getString(2);
          String b = rs.getString(3);
          String best = rs.getString(4);
          double l0 = best.equals(Ranking.TIE) ? 0.5 : best.equals(a) ? 1 : 0;
          return new PickapicRow(rs.getString(1), a, b, l0, 1 - l0, best, rs.getString(5), rs.getString(6), rs.getLong(7),
              rs.getLong(8), rs.getLong(9), true, !a.equals(b), 1);
        })
        .list());
  }
}
