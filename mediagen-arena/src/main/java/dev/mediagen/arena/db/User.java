package dev.mediagen.arena.db;

/**
 * A row of {@code users}.
 *
 * @param id user_id (the export's int64 user_id)
 * @param username unique login name
 * @param passwordHash {@code pbkdf2-sha256$iterations$salt$hash} (see {@code Passwords})
 * @param createdAt epoch ms
 * @param consentedAt epoch ms of accepting the consent screen, or null
 * @param blocked blocked users' votes are stored but never exported (silent shadow ban)
 */
public record User(long id, String username, String passwordHash, long createdAt, Long consentedAt, boolean blocked) {}
