package dev.mediagen.arena.db;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code pairs} table. */
public final class PairStore {
  private PairStore() {}

  private static final String COLUMNS = "pair_id, user_id, prompt, image_0_uid, image_1_uid, incumbent_uid, control_uid, created_at";

  public static void insert(Handle h, Pair p) {
    h.createUpdate("INSERT INTO pairs (" + COLUMNS + ") VALUES (:id, :u, :p, :a, :b, :inc, :ctl, :t)")
        .bind("id", p.id()).bind("u", p.userId()).bind("p", p.prompt()).bind("a", p.image0()).bind("b", p.image1())
        .bind("inc", p.incumbent()).bind("ctl", p.control()).bind("t", p.createdAt())
        .execute();
  }

  /** The pair if it belongs to {@code userId}. */
  public static Optional<Pair> find(Handle h, String pairId, long userId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM pairs WHERE pair_id = :id AND user_id = :u")
        .bind("id", pairId).bind("u", userId).map(PairStore::row).findOne();
  }

  /** The user's newest pair without a vote, optionally only for {@code prompt}. */
  public static Optional<Pair> open(Handle h, long userId, String prompt) {
    String where = prompt == null ? "" : " AND prompt = :p";
    var q = h.createQuery("SELECT " + COLUMNS + " FROM pairs WHERE user_id = :u AND voted = 0" + where + " ORDER BY created_at DESC LIMIT 1")
        .bind("u", userId);
    if (prompt != null) q.bind("p", prompt);
    return q.map(PairStore::row).findOne();
  }

  public static void markVoted(Handle h, String pairId) {
    h.createUpdate("UPDATE pairs SET voted = 1 WHERE pair_id = :id").bind("id", pairId).execute();
  }

  private static Pair row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    return new Pair(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getLong(8));
  }
}
