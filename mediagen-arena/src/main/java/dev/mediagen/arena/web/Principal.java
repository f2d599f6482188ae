package dev.mediagen.arena.web;

/**
 * The signed-in user behind a request (cached per session).
 *
 * @param sessionHash SHA-256 of the session cookie
 * @param userId the user
 * @param username the name
 * @param csrf the session's CSRF token
 * @param consented whether the consent screen was accepted
 * @param expiresAt epoch ms
 */
record Principal(String sessionHash, long userId, String username, String csrf, boolean consented, long expiresAt) {
  Principal withConsent() {
    return new Principal(sessionHash, userId, username, csrf, true, expiresAt);
  }
}
