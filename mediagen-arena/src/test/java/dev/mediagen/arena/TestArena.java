package dev.mediagen.arena;

import dev.mediagen.arena.db.Database;
import dev.mediagen.arena.db.DbUrl;
import dev.mediagen.arena.gen.Backend;
import dev.mediagen.arena.gen.Backends;
import dev.mediagen.arena.gen.ShapesBackend;
import dev.mediagen.arena.web.ArenaServer;
import java.nio.file.Path;
import java.util.List;

/** An in-process arena on a free port with the reference (model-free) backends and a fresh SQLite file. */
public final class TestArena implements AutoCloseable {
  public final ArenaServer server;
  public final Database db;
  public final String url;

  public TestArena(Path dir, ArenaConfig config) {
    this(DbUrl.sqlite(dir.resolve("arena.db")), config);
  }

  public TestArena(DbUrl dbUrl, ArenaConfig config) {
    db = Database.open(dbUrl);
    server = new ArenaServer(db, backends(), config, BlockedWords.bundled()).start("127.0.0.1", 0);
    url = "http://127.0.0.1:" + server.port();
  }

  /** The four reference backends of {@link Backends#reference()}. */
  public static Backends backends() {
    List<Backend> list = Backends.reference().stream()
        .map(s -> (Backend) new ShapesBackend(s.id(), s.errorRate(), s.noise(), 32)).toList();
    return Backends.of(list);
  }

  /** Defaults without control pairs (tests that count rounds exactly). */
  public static ArenaConfig noControls() {
    return ArenaConfig.defaults().withControlShare(0);
  }

  @Override
  public void close() {
    server.close();
  }

}
