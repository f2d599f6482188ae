package dev.mediagen.arena.db;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code rankings} table. */
public final class RankingStore {
  private RankingStore() {}

  private static final String COLUMNS =
      "ranking_id, pair_id, created_at, user_id, image_0_uid, image_1_uid, best_image_uid, kept_uid, prompt, is_control, control_failed";

  /** Inserts {@code r} (its id is ignored) and returns the new ranking_id. */
  public static long insert(Handle h, Ranking r) {
    return h.createQuery("INSERT INTO rankings (pair_id, created_at, user_id, image_0_uid, image_1_uid, best_image_uid, kept_uid,"
            + " prompt, is_control, control_failed) VALUES (:pair, :t, :u, :a, :b, :best, :kept, :p, :ctl, :failed) RETURNING ranking_id")
        .bind("pair", r.pairId()).bind("t", r.createdAt()).bind("u", r.userId()).bind("a", r.image0()).bind("b", r.image1())
        .bind("best", r.best()).bind("kept", r.kept()).bind("p", r.prompt()).bind("ctl", r.control() ? 1 : 0)
        .bind("failed", r.controlFailed() ? 1 : 0)
        .mapTo(Long.class).one();
  }

  public static Optional<Ranking> byPair(Handle h, String pairId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM rankings WHERE pair_id = :id").bind("id", pairId).map(RankingStore::row).findOne();
  }

  /** The user's latest judgement. */
  public static Optional<Ranking> latest(Handle h, long userId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM rankings WHERE user_id = :u ORDER BY ranking_id DESC LIMIT 1")
        .bind("u", userId).map(RankingStore::row).findOne();
  }

  /** {answered, failed} control pairs of the user. */
  public static long[] controlStats(Handle h, long userId) {
    return h.createQuery("SELECT COUNT(*), COALESCE(SUM(control_failed), 0) FROM rankings WHERE user_id = :u AND is_control = 1")
        .bind("u", userId).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
  }

  /** Judgements of the user (the karma counter). */
  public static long countFor(Handle h, long userId) {
    return h.createQuery("SELECT COUNT(*) FROM rankings WHERE user_id = :u").bind("u", userId).mapTo(Long.class).one();
  }

  public static long count(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM rankings").mapTo(Long.class).one();
  }

  static Ranking row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    return new Ranking(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10) != 0, rs.getInt(11) != 0);
  }
}
