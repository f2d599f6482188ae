package dev.mediagen.arena.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.arena.ApiError;
import dev.mediagen.arena.ArenaConfig;
import dev.mediagen.arena.Passwords;
import dev.mediagen.arena.db.Database;
import dev.mediagen.arena.db.RankingStore;
import dev.mediagen.arena.db.Session;
import dev.mediagen.arena.db.SessionStore;
import dev.mediagen.arena.db.User;
import dev.mediagen.arena.db.UserStore;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Accounts and sessions: sign-up, login (PBKDF2 hashes, failed logins throttled per name), logout,
 * consent. A session is a random 256-bit cookie value (HttpOnly, SameSite=Strict); the database keeps
 * only its SHA-256. Every state-changing request must echo the session's CSRF token in {@code
 * X-CSRF-Token}; before login, the token is a double-submit pre-session cookie.
 */
final class Auth {
  static final String SESSION_COOKIE = "arena_session";
  static final String PRE_COOKIE = "arena_pre";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String USERNAME = "[A-Za-z0-9_.-]{3,32}";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final ArenaConfig config;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, Principal> cache = new ConcurrentHashMap<>();
  private final RateLimiter loginFailures = new RateLimiter(10, 15 * 60_000L);

  Auth(Database db, ArenaConfig config, LongSupplier clock) {
    this.db = db;
    this.config = config;
    this.clock = clock;
  }

  /** The signed-in user of the request, if any. */
  Optional<Principal> principal(Context ctx) {
    String cookie = ctx.cookie(SESSION_COOKIE);
    if (cookie == null || cookie.length() > 100) return Optional.empty();
    String hash = sha256(cookie);
    long now = clock.getAsLong();
    Principal p = cache.get(hash);
    if (p == null) {
      p = db.read(h -> SessionStore.find(h, hash).flatMap(s -> UserStore.byId(h, s.userId()).map(u ->
          new Principal(hash, u.id(), u.username(), s.csrf(), u.consentedAt() != null, s.expiresAt())))).orElse(null);
      if (p == null) return Optional.empty();
      if (cache.size() > 100_000) cache.clear();
      cache.put(hash, p);
    }
    if (p.expiresAt() < now) {
      cache.remove(hash);
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** The signed-in user, or 401. */
  Principal require(Context ctx) {
    return principal(ctx).orElseThrow(() -> new ApiError(401, "sign in first"));
  }

  /** The signed-in user who accepted the consent screen, or 401/403. */
  Principal requireConsent(Context ctx) {
    Principal p = require(ctx);
    if (!p.consented()) throw new ApiError(403, "accept the consent screen first");
    return p;
  }

  /** 403 unless the request carries the CSRF token of its session (or of its pre-session cookie). */
  void checkCsrf(Context ctx) {
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null || sent.isEmpty()) throw new ApiError(403, "missing CSRF token (header " + CSRF_HEADER + ")");
    Optional<Principal> p = principal(ctx);
    String expected = p.isPresent() ? p.get().csrf() : ctx.cookie(PRE_COOKIE);
    if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(403, "invalid CSRF token; reload the page");
    }
  }

  /** GET /api/session: who is signed in, and the CSRF token to use. */
  void session(Context ctx) {
    Optional<Principal> p = principal(ctx);
    if (p.isPresent()) {
      ctx.json(describe(p.get()));
      return;
    }
    String pre = ctx.cookie(PRE_COOKIE);
    if (pre == null || pre.length() != 43) {
      pre = token();
      ctx.cookie(cookie(PRE_COOKIE, pre, 3600 * 24));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", null);
    out.put("csrf", pre);
    ctx.json(out);
  }

  /** POST /api/signup {username, password}. */
  void signup(Context ctx) {
    JsonNode body = Bodies.object(ctx, config.maxBodyBytes());
    String name = Bodies.string(body, "username", 100);
    String password = Bodies.string(body, "password", 200);
    if (!name.matches(USERNAME)) throw new ApiError(400, "username must be 3..32 characters of letters, digits, '_', '.', '-'");
    if (password.length() < 8) throw new ApiError(400, "password must have at least 8 characters (got %d)".formatted(password.length()));
    String hash = Passwords.hash(password, config.kdfIterations());
    long now = clock.getAsLong();
    long id = db.write(h -> UserStore.create(h, name, hash, now))
        .orElseThrow(() -> new ApiError(409, "username '%s' is taken".formatted(name)));
    startSession(ctx, id, name, false, now);
    ctx.status(201);
  }

  /** POST /api/login {username, password}. */
  void login(Context ctx) {
    JsonNode body = Bodies.object(ctx, config.maxBodyBytes());
    String name = Bodies.string(body, "username", 100);
    String password = Bodies.string(body, "password", 200);
    long now = clock.getAsLong();
    if (loginFailures.exhausted(name, now)) throw new ApiError(429, "too many failed logins for this name; wait 15 minutes");
    Optional<User> u = db.read(h -> UserStore.byName(h, name));
    if (u.isEmpty() || !Passwords.verify(password, u.get().passwordHash())) {
      loginFailures.tryAcquire(name, now);
      throw new ApiError(401, "wrong username or password");
    }
    loginFailures.reset(name);
    startSession(ctx, u.get().id(), name, u.get().consentedAt() != null, now);
  }

  /** POST /api/logout. */
  void logout(Context ctx) {
    principal(ctx).ifPresent(p -> {
      cache.remove(p.sessionHash());
      db.write(h -> {
        SessionStore.delete(h, p.sessionHash());
        return null;
      });
    });
    ctx.cookie(cookie(SESSION_COOKIE, "", 0));
    ctx.json(Map.of("ok", true));
  }

  /** POST /api/consent. */
  void consent(Context ctx) {
    Principal p = require(ctx);
    long now = clock.getAsLong();
    db.write(h -> {
      UserStore.consent(h, p.userId(), now);
      return null;
    });
    Principal updated = p.withConsent();
    cache.put(p.sessionHash(), updated);
    ctx.json(describe(updated));
  }

  private void startSession(Context ctx, long userId, String name, boolean consented, long now) {
    String value = token();
    String csrf = token();
    long expires = now + config.sessionHours() * 3_600_000L;
    Session s = new Session(sha256(value), userId, csrf, expires); // a fresh id at every login: no fixation
    db.write(h -> {
      SessionStore.insert(h, s, now);
      return null;
    });
    Principal p = new Principal(s.idHash(), userId, name, csrf, consented, expires);
    cache.put(s.idHash(), p);
    ctx.cookie(cookie(SESSION_COOKIE, value, config.sessionHours() * 3600));
    ctx.json(describe(p));
  }

  Map<String, Object> describe(Principal p) {
    long votes = db.read(h -> RankingStore.countFor(h, p.userId()));
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("name", p.username());
    user.put("consented", p.consented());
    user.put("votes", votes);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user);
    out.put("csrf", p.csrf());
    return out;
  }

  private static Cookie cookie(String name, String value, int maxAge) {
    return new Cookie(name, value, "/", maxAge, false, true, null, SameSite.STRICT);
  }

  private static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
