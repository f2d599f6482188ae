package dev.mediagen.arena.db;

/**
 * A logged-in session.
 *
 * @param idHash SHA-256 (hex) of the cookie value; only the hash is stored
 * @param userId whose session it is
 * @param csrf the token every state-changing request of this session must echo
 * @param expiresAt epoch ms
 */
public record Session(String idHash, long userId, String csrf, long expiresAt) {}
