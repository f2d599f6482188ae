package dev.mediagen.arena.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code images} table; not-yet-shown images of a user form the pool that new pairs draw from. */
public final class ImageStore {
  private ImageStore() {}

  public static void insert(Handle h, ImageRow r) {
    h.createUpdate("INSERT INTO images (image_uid, created_at, user_id, job_id, prompt, seed, gs, steps, model_id, is_control, png)"
            + " VALUES (:uid, :t, :u, :job, :prompt, :seed, :gs, :steps, :model, :control, :png)")
        .bind("uid", r.uid()).bind("t", r.createdAt()).bind("u", r.userId()).bind("job", r.jobId())
        .bind("prompt", r.prompt()).bind("seed", r.seed()).bind("gs", r.guidance()).bind("steps", r.steps())
        .bind("model", r.modelId()).bind("control", r.control() ? 1 : 0).bind("png", r.png())
        .execute();
  }

  /** The PNG bytes of {@code uid} if {@code userId} may see it (its owner), else empty. */
  public static Optional<byte[]> png(Handle h, String uid, long userId) {
    return h.createQuery("SELECT png FROM images WHERE image_uid = :uid AND user_id = :u")
        .bind("uid", uid).bind("u", userId).mapTo(byte[].class).findOne();
  }

  /** The oldest (at most 8) unshown images of the user's pool for {@code prompt}: enough to pick a pair. */
  public static List<Pooled> pool(Handle h, long userId, String prompt) {
    return h.createQuery("SELECT image_uid, model_id, is_control FROM images WHERE user_id = :u AND shown = 0 AND prompt = :p ORDER BY image_id LIMIT 8")
        .bind("u", userId).bind("p", prompt)
        .map((rs, ctx) -> new Pooled(rs.getString(1), rs.getString(2), rs.getInt(3) != 0)).list();
  }

  /** An unshown image of the pool. */
  public record Pooled(String uid, String model, boolean control) {}

  /** The backend id of {@code uid} ("" when unknown). */
  public static String model(Handle h, String uid) {
    return h.createQuery("SELECT model_id FROM images WHERE image_uid = :uid").bind("uid", uid).mapTo(String.class).findOne().orElse("");
  }

  public static void markShown(Handle h, String uid) {
    h.createUpdate("UPDATE images SET shown = 1 WHERE image_uid = :uid").bind("uid", uid).execute();
  }

  /** Images generated for {@code userId} since {@code since} (epoch ms), controls excluded: the weekly cap. */
  public static long countSince(Handle h, long userId, long since) {
    return h.createQuery("SELECT COUNT(*) FROM images WHERE user_id = :u AND created_at >= :t AND is_control = 0")
        .bind("u", userId).bind("t", since).mapTo(Long.class).one();
  }

  public static long count(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM images").mapTo(Long.class).one();
  }
}
