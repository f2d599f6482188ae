package dev.mediagen.arena.web;

import dev.mediagen.arena.ApiError;
import dev.mediagen.arena.ArenaConfig;
import dev.mediagen.arena.BlockedWords;
import dev.mediagen.arena.Rounds;
import dev.mediagen.arena.db.Database;
import dev.mediagen.arena.gen.Backends;
import dev.mediagen.arena.gen.GenerationQueue;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arena web app (Pick-a-Pic, papers-language.md §1.1) on Javalin 7: static page and JSON API.
 * Errors answer {@code {"error": message}} with a 4xx status; anything unexpected is logged and
 * answered 500 "internal error" without details. Every POST must carry the CSRF token.
 */
public final class ArenaServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArenaServer.class);

  private final Database db;
  private final Backends backends;
  private final GenerationQueue queue;
  private final Javalin app;

  /**
   * Wires the app; {@link #start(String, int)} opens the port. The server owns and closes {@code db}
   * and {@code backends}.
   */
  public ArenaServer(Database db, Backends backends, ArenaConfig config, BlockedWords blocked) {
    this(db, backends, config, blocked, System::currentTimeMillis);
  }

  ArenaServer(Database db, Backends backends, ArenaConfig config, BlockedWords blocked, LongSupplier clock) {
    this.db = db;
    this.backends = backends;
    Rounds rounds = new Rounds(db, config, clock);
    this.queue = new GenerationQueue(backends.healthy(), config.imagesPerJob(), config.controlShare(), config.maxQueue(),
        config.maxQueuedJobsPerUser(), config.seed(), rounds::store);
    Auth auth = new Auth(db, config, clock);
    Api api = new Api(db, config, auth, rounds, queue, blocked, clock);
    this.app = Javalin.create(c -> {
      c.http.maxRequestSize = config.maxBodyBytes();
      c.startup.showJavalinBanner = false;
      c.staticFiles.add(s -> {
        s.hostedPath = "/";
        s.directory = "/arena/public";
        s.location = Location.CLASSPATH;
        s.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
      });
      c.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "same-origin");
      });
      c.routes.get("/api/session", auth::session);
      c.routes.post("/api/signup", csrf(auth, auth::signup));
      c.routes.post("/api/login", csrf(auth, auth::login));
      c.routes.post("/api/logout", csrf(auth, auth::logout));
      c.routes.post("/api/consent", csrf(auth, auth::consent));
      c.routes.get("/api/blocked-words", api::blockedWords);
      c.routes.post("/api/generate", csrf(auth, api::generate));
      c.routes.get("/api/jobs/{id}", api::job);
      c.routes.sse("/api/jobs/{id}/events", api::events);
      c.routes.get("/api/pair", api::pair);
      c.routes.post("/api/vote", csrf(auth, api::vote));
      c.routes.get("/api/images/{uid}", api::image);
      c.routes.post("/api/download", csrf(auth, api::download));
      c.routes.get("/api/metrics", api::metrics);
      c.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
      c.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal error");
      });
      c.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) error(ctx, 404, "not found: " + ctx.path());
      });
      c.routes.error(405, ctx -> error(ctx, 405, "method not allowed"));
    });
  }

  private static Handler csrf(Auth auth, Handler h) {
    return ctx -> {
      auth.checkCsrf(ctx);
      h.handle(ctx);
    };
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.json(Map.of("error", message == null ? "error" : message));
  }

  /** Opens the port (0 = any free port). */
  public ArenaServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public Database database() {
    return db;
  }

  @Override
  public void close() {
    app.stop();
    queue.close();
    backends.close();
    db.close();
  }
}
