package dev.mediagen.arena.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the arena keeps its data: an SQLite file (the embedded default) or a PostgreSQL server given as
 * {@code postgres://user:password@host:port/database} (also {@code postgresql://}, or a plain
 * {@code jdbc:postgresql:} / {@code jdbc:sqlite:} URL).
 *
 * @param vendor SQLITE or POSTGRES
 * @param jdbcUrl the JDBC URL without credentials
 * @param user user name (PostgreSQL; null when none)
 * @param password password (PostgreSQL; null when none)
 */
public record DbUrl(Vendor vendor, String jdbcUrl, String user, String password) {

  /** The two supported servers. */
  public enum Vendor {
    SQLITE,
    POSTGRES
  }

  /** The default: {@code DIR/arena.db}. */
  public static DbUrl sqlite(Path file) {
    return new DbUrl(Vendor.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null, null);
  }

  /** Parses a {@code --db} value. */
  public static DbUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("--db is empty; give postgres://user:password@host:port/db or sqlite:FILE");
    }
    if (url.startsWith("jdbc:sqlite:")) return new DbUrl(Vendor.SQLITE, url, null, null);
    if (url.startsWith("sqlite:")) return sqlite(Path.of(url.substring("sqlite:".length())));
    if (url.startsWith("jdbc:postgresql:")) return new DbUrl(Vendor.POSTGRES, url, null, null);
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      URI u;
      try {
        u = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--db '%s' is not a valid URL: %s".formatted(redact(url), e.getMessage()));
      }
      if (u.getHost() == null || u.getPath() == null || u.getPath().length() < 2) {
        throw new IllegalArgumentException(
            "--db '%s' needs a host and a database: postgres://user:password@host:port/db".formatted(redact(url)));
      }
      String user = null;
      String password = null;
      if (u.getRawUserInfo() != null) {
        String[] parts = u.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      int port = u.getPort() < 0 ? 5432 : u.getPort();
      String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
      return new DbUrl(Vendor.POSTGRES, "jdbc:postgresql://%s:%d%s%s".formatted(u.getHost(), port, u.getPath(), query), user, password);
    }
    throw new IllegalArgumentException(
        "--db '%s' is not supported: use postgres://user:password@host:port/db, sqlite:FILE or a jdbc: URL".formatted(redact(url)));
  }

  /** Driver properties (credentials). */
  public Properties properties() {
    Properties p = new Properties();
    if (user != null) p.setProperty("user", user);
    if (password != null) p.setProperty("password", password);
    return p;
  }

  /** The URL as it may be printed (no password). */
  @Override
  public String toString() {
    return (user == null ? "" : user + "@") + jdbcUrl;
  }

  private static String redact(String url) {
    return url.replaceAll("://([^:/@]*):[^@]*@", "://$1:***@");
  }
}
