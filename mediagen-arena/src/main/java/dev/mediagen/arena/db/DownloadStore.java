package dev.mediagen.arena.db;

import org.jdbi.v3.core.Handle;

/** The {@code downloads} table (Pick-a-Pic's "download the chosen image"). */
public final class DownloadStore {
  private DownloadStore() {}

  public static void insert(Handle h, long userId, String imageUid, String prompt, long now) {
    h.createUpdate("INSERT INTO downloads (created_at, user_id, image_uid, prompt) VALUES (:t, :u, :i, :p)")
        .bind("t", now).bind("u", userId).bind("i", imageUid).bind("p", prompt).execute();
  }

  public static long count(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM downloads").mapTo(Long.class).one();
  }
}
