package dev.mediagen.arena.db;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code sessions} table. */
public final class SessionStore {
  private SessionStore() {}

  public static void insert(Handle h, Session s, long now) {
    h.createUpdate("INSERT INTO sessions (session_id, user_id, csrf_token, created_at, expires_at) VALUES (:id, :u, :c, :t, :e)")
        .bind("id", s.idHash()).bind("u", s.userId()).bind("c", s.csrf()).bind("t", now).bind("e", s.expiresAt())
        .execute();
  }

  public static Optional<Session> find(Handle h, String idHash) {
    return h.createQuery("SELECT session_id, user_id, csrf_token, expires_at FROM sessions WHERE session_id = :id")
        .bind("id", idHash)
        .map((rs, ctx) -> new Session(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
        .findOne();
  }

  public static void delete(Handle h, String idHash) {
    h.createUpdate("DELETE FROM sessions WHERE session_id = :id").bind("id", idHash).execute();
  }
}
