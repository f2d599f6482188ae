package dev.mediagen.arena.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for the storage tests: the server in {@code ARENA_TEST_PG_URL} when set, else one
 * started from Debian's package by {@code scripts/postgres-local} in a temp directory (stopped when the
 * test JVM exits). Each test gets a fresh database. Without PostgreSQL installed the PG tests are
 * skipped with an explicit message (CI installs it, so they run there).
 */
public final class PostgresFixture {
  private static String server; // postgres://user@host:port
  private static String unavailable;

  private PostgresFixture() {}

  /** A new empty database on the test server; aborts the test (skip) when PostgreSQL is unavailable. */
  public static synchronized DbUrl freshDatabase(String name) {
    if (server == null && unavailable == null) start();
    Assumptions.assumeTrue(unavailable == null, () -> "PostgreSQL test skipped: " + unavailable);
    String db = name.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:" + server.replace("postgres://", "postgresql://").replaceFirst("//[^@]*@", "//") + "/postgres",
            user(), "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create test database on " + server + ": " + e.getMessage(), e);
    }
    return DbUrl.parse(server + "/" + db);
  }

  private static String user() {
    String at = server.substring("postgres://".length());
    return at.contains("@") ? at.substring(0, at.indexOf('@')) : "postgres";
  }

  private static void start() {
    String env = System.getenv("ARENA_TEST_PG_URL");
    if (env != null && !env.isBlank()) {
      server = env.replaceFirst("/[^/]*$", "");
      return;
    }
    Path script = Files.exists(Path.of("../scripts/postgres-local")) ? Path.of("../scripts/postgres-local") : Path.of("scripts/postgres-local");
    if (!Files.isExecutable(script)) {
      unavailable = "scripts/postgres-local not found";
      return;
    }
    try {
      Path data = Files.createTempDirectory(Path.of("/tmp"), "arena-pg");
      data.toFile().setExecutable(true, false);
      data.toFile().setReadable(true, false);
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      ProcessBuilder pb = new ProcessBuilder(script.toAbsolutePath().toString(), "start").redirectErrorStream(true);
      pb.environment().put("PGDATA", data.resolve("data").toString());
      pb.environment().put("PGPORT", Integer.toString(port));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        unavailable = "scripts/postgres-local start failed: " + out;
        return;
      }
      String url = out.lines().reduce((a, b) -> b).orElse("");
      server = url.replaceFirst("/[^/]*$", "");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          ProcessBuilder stop = new ProcessBuilder(script.toAbsolutePath().toString(), "stop").redirectErrorStream(true);
          stop.environment().put("PGDATA", data.resolve("data").toString());
          stop.start().waitFor(30, TimeUnit.SECONDS);
          deleteTree(data);
        } catch (IOException | InterruptedException ignored) {
          // best effort at exit
        }
      }));
    } catch (IOException | InterruptedException e) {
      unavailable = "could not start PostgreSQL: " + e.getMessage();
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
