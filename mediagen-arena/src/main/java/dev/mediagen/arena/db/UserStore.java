package dev.mediagen.arena.db;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code users} table. */
public final class UserStore {
  private UserStore() {}

  private static final String COLUMNS = "user_id, username, password_hash, created_at, consented_at, blocked";

  /** Inserts a user and returns its id; empty when the name is taken. */
  public static Optional<Long> create(Handle h, String username, String passwordHash, long now) {
    if (byName(h, username).isPresent()) return Optional.empty();
    return Optional.of(h.createQuery(
            "INSERT INTO users (username, password_hash, created_at) VALUES (:u, :p, :t) RETURNING user_id")
        .bind("u", username).bind("p", passwordHash).bind("t", now)
        .mapTo(Long.class).one());
  }

  public static Optional<User> byName(Handle h, String username) {
    return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :u")
        .bind("u", username).map(UserStore::row).findOne();
  }

  public static Optional<User> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE user_id = :id")
        .bind("id", id).map(UserStore::row).findOne();
  }

  public static void consent(Handle h, long id, long now) {
    h.createUpdate("UPDATE users SET consented_at = :t WHERE user_id = :id AND consented_at IS NULL")
        .bind("t", now).bind("id", id).execute();
  }

  /** Blocks (or unblocks) a user; returns false when there is no such user. */
  public static boolean setBlocked(Handle h, String username, boolean blocked, String reason) {
    return h.createUpdate("UPDATE users SET blocked = :b, blocked_reason = :r WHERE username = :u")
        .bind("b", blocked ? 1 : 0).bind("r", blocked ? reason : null).bind("u", username).execute() == 1;
  }

  public static void block(Handle h, long id, String reason) {
    h.createUpdate("UPDATE users SET blocked = 1, blocked_reason = :r WHERE user_id = :id")
        .bind("r", reason).bind("id", id).execute();
  }

  public static long count(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one();
  }

  private static User row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    long consented = rs.getLong("consented_at");
    Long consentedAt = rs.wasNull() ? null : consented;
    return new User(rs.getLong("user_id"), rs.getString("username"), rs.getString("password_hash"),
        rs.getLong("created_at"), consentedAt, rs.getInt("blocked") != 0);
  }
}
