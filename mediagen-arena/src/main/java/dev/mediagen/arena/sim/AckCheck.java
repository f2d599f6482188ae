package dev.mediagen.arena.sim;

import dev.mediagen.arena.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The crash test's check: every vote the load driver saw acknowledged (its ack log) is in the database
 * exactly once with the acknowledged choice, and no pair has two judgements.
 */
public final class AckCheck {
  /**
   * The verdict.
   *
   * @param acked distinct pairs acknowledged
   * @param present of which stored
   * @param missing acknowledged but not stored
   * @param mismatched stored with another choice or ranking id than acknowledged
   * @param duplicated pairs with more than one stored judgement (whole table)
   * @param stored judgements in the database
   */
  public record Result(long acked, long present, long missing, long mismatched, long duplicated, long stored) {
    public boolean ok() {
      return missing == 0 && mismatched == 0 && duplicated == 0;
    }

    @Override
    public String toString() {
      return "acked=%d present=%d missing=%d mismatched=%d duplicated=%d stored=%d".formatted(acked, present, missing, mismatched, duplicated, stored);
    }
  }

  private AckCheck() {}

  public static Result check(Database db, Path ackLog) throws IOException {
    Map<String, String[]> acked = new HashMap<>();
    for (String line : Files.readAllLines(ackLog)) {
      String[] f = line.strip().split(" ");
      if (f.length == 3) acked.put(f[0], f); // a pair acked twice (a retry answered "duplicate") counts once
    }
    Map<String, String[]> stored = new HashMap<>();
    db.read(h -> {
      h.createQuery("SELECT r.pair_id, r.best_image_uid, p.image_0_uid, p.image_1_uid, r.ranking_id FROM rankings r"
              + " JOIN pairs p ON p.pair_id = r.pair_id")
          .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Long.toString(rs.getLong(5))})
          .forEach(r -> stored.put(r[0], r));
      return null;
    });
    long duplicated = db.read(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT pair_id FROM rankings GROUP BY pair_id HAVING COUNT(*) > 1) d")
        .mapTo(Long.class).one());
    long total = db.read(h -> h.createQuery("SELECT COUNT(*) FROM rankings").mapTo(Long.class).one());
    long present = 0;
    long missing = 0;
    long mismatched = 0;
    for (String[] a : acked.values()) {
      String[] s = stored.get(a[0]);
      if (s == null) {
        missing++;
        continue;
      }
      present++;
      String best = switch (a[1]) {
        case "left" -> s[2];
        case "right" -> s[3];
        default -> "none";
      };
      if (!best.equals(s[1]) || !a[2].equals(s[4])) mismatched++;
    }
    return new Result(acked.size(), present, missing, mismatched, duplicated, total);
  }

}
