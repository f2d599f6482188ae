package dev.mediagen.cli;

import dev.mediagen.arena.ArenaConfig;
import dev.mediagen.arena.BlockedWords;
import dev.mediagen.arena.db.Database;
import dev.mediagen.arena.db.DbUrl;
import dev.mediagen.arena.export.Exporter;
import dev.mediagen.arena.gen.BackendSpec;
import dev.mediagen.arena.gen.Backends;
import dev.mediagen.arena.sim.AckCheck;
import dev.mediagen.arena.sim.LoadDriver;
import dev.mediagen.arena.sim.Simulator;
import dev.mediagen.arena.web.ArenaServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mediagen arena}: starts the Pick-a-Pic arena; its subcommands export, simulate voters and load-test. */
@Command(
    name = "arena",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Pick-a-Pic arena web app and prints its URL (SQLite under runs/arena by default; --db postgres://... for PostgreSQL).",
      "Examples:  mediagen arena                     # reference backends, http://127.0.0.1:8080/",
      "           mediagen arena --backends model --db postgres://arena:arena@127.0.0.1:5432/arena"
    },
    subcommands = {ArenaCommand.Export.class, ArenaCommand.Simulate.class, ArenaCommand.Load.class, ArenaCommand.Check.class})
public final class ArenaCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", description = "database: a SQLite file path, or postgres://user:pass@host:port/db (default: runs/arena/arena.db)")
  String db;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--backends", defaultValue = "reference",
      description = "generators: 'reference' (four ShapesWorld renderers of decreasing quality), 'model' (the shipped checkpoint at four settings) or a JSON file of backend specs (default: ${DEFAULT-VALUE})")
  String backends;

  @Option(names = "--images-per-job", defaultValue = "4", description = "images one generation makes, 2..32 (default: ${DEFAULT-VALUE})")
  int imagesPerJob;

  @Option(names = "--max-votes-per-minute", defaultValue = "60", description = "per-user vote cap (default: ${DEFAULT-VALUE}; raise it for 'arena load')")
  int maxVotesPerMinute;

  @Option(names = "--max-images-per-week", defaultValue = "2000", description = "per-user image cap (default: ${DEFAULT-VALUE})")
  int maxImagesPerWeek;

  @Option(names = "--exit-after", defaultValue = "0", description = "stop after this many seconds (0: run until interrupted)")
  double exitAfter;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<BackendSpec> specs = switch (backends) {
      case "reference" -> Backends.reference();
      case "model" -> Backends.defaults(Paths.defaultVideoCheckpoint());
      default -> Backends.read(Path.of(backends));
    };
    Database database = Database.open(dbUrl(db));
    Backends gens = Backends.start(specs, Paths.home());
    if (gens.healthy().size() < 2) {
      database.close();
      gens.close();
      throw new IllegalArgumentException("fewer than 2 healthy backends: " + gens.problems());
    }
    ArenaServer server = new ArenaServer(database, gens, config(), BlockedWords.bundled()).start(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      gens.close();
    }));
    out.printf("arena: %d backends (%s), database %s%n", gens.healthy().size(), backends, database.url());
    for (String p : gens.problems()) out.println("arena: backend left out: " + p);
    out.printf("arena: open http://%s:%d/%n", host, server.port());
    out.flush();
    if (exitAfter > 0) {
      Thread.sleep((long) (exitAfter * 1000));
      server.close();
      gens.close();
      return 0;
    }
    Thread.currentThread().join();
    return 0;
  }

  ArenaConfig config() {
    ArenaConfig d = ArenaConfig.defaults();
    return d.withImagesPerJob(imagesPerJob).withCaps(maxImagesPerWeek, maxVotesPerMinute, d.maxQueuedJobsPerUser());
  }

  static DbUrl dbUrl(String db) throws java.io.IOException {
    if (db != null && db.startsWith("postgres")) return DbUrl.parse(db);
    Path file = db == null ? Paths.home().resolve("runs/arena/arena.db") : Path.of(db);
    Files.createDirectories(file.toAbsolutePath().getParent());
    return DbUrl.sqlite(file);
  }

  /** {@code mediagen arena export}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Writes the judgements in the Pick-a-Pic row schema: train/validation/test splits by unique user, *_unique variants, images alongside.")
  static final class Export implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", description = "database (default: runs/arena/arena.db)")
    String db;

    @Option(names = "--format", defaultValue = "parquet", description = "parquet or jsonl (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--seed", defaultValue = "0", description = "split seed")
    long seed;

    @Parameters(index = "0", paramLabel = "OUT", description = "output directory")
    Path outDir;

    @Override
    public Integer call() throws Exception {
      Exporter.Format f = switch (format.toLowerCase(Locale.ROOT)) {
        case "parquet" -> Exporter.Format.PARQUET;
        case "jsonl" -> Exporter.Format.JSONL;
        default -> throw new IllegalArgumentException("--format %s must be parquet or jsonl".formatted(format));
      };
      try (Database d = Database.open(dbUrl(db))) {
        Exporter.Summary s = Exporter.export(d, outDir, new Exporter.Options(f, seed, 0.1, 0.1));
        spec.commandLine().getOut().printf("export: %s rows %s, %d images, left out %d blocked-user and %d control judgements -> %s%n",
            format, s.counts(), s.images(), s.excludedBlocked(), s.excludedControl(), outDir);
      }
      return 0;
    }
  }

  /** {@code mediagen arena simulate}. */
  @Command(name = "simulate", mixinStandardHelpOptions = true,
      description = "Synthetic voters sign up and vote through the HTTP API following ShapesWorld's hidden preference oracle.")
  static final class Simulate implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "arena (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--users", defaultValue = "20") int users;
    @Option(names = "--votes", defaultValue = "30", description = "judgements per voter") int votes;
    @Option(names = "--careless", defaultValue = "0.05", description = "share of careless voters") double careless;
    @Option(names = "--threads", defaultValue = "4") int threads;
    @Option(names = "--seed", defaultValue = "1") long seed;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Simulator.Summary s = Simulator.run(new Simulator.Options(url, users, votes, careless, threads, seed), out::println);
      out.printf("simulate: %d voters (%d careless), %d votes (%d ties) in %.1f s%n", s.users(), s.careless(), s.votes(), s.ties(), s.seconds());
      return 0;
    }
  }

  /** {@code mediagen arena load}. */
  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "The vote-recording load test: clients vote as fast as the server answers; prints votes/s and latency percentiles.")
  static final class Load implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080") String url;
    @Option(names = "--users", defaultValue = "16") int users;
    @Option(names = "--seconds", defaultValue = "10") double seconds;
    @Option(names = "--votes-per-user", defaultValue = "400") int votesPerUser;
    @Option(names = "--retry-seconds", defaultValue = "30", description = "how long a failed vote is retried (covers a restart)") double retry;
    @Option(names = "--acked", description = "append every acknowledged vote to this file (for 'arena check')") Path acked;
    @Option(names = "--seed", defaultValue = "1") long seed;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      LoadDriver.Result r = LoadDriver.run(new LoadDriver.Options(url, users, seconds, votesPerUser, retry, acked, seed), out::println);
      out.println("load: " + r);
      return 0;
    }
  }

  /** {@code mediagen arena check}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "After a crash test: every vote in the ack log is stored exactly once with its choice.")
  static final class Check implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", description = "database (default: runs/arena/arena.db)") String db;
    @Parameters(index = "0", paramLabel = "ACKED", description = "the ack log of 'arena load --acked'") Path acked;

    @Override
    public Integer call() throws Exception {
      try (Database d = Database.open(dbUrl(db))) {
        AckCheck.Result r = AckCheck.check(d, acked);
        spec.commandLine().getOut().println("check: " + r + (r.ok() ? " OK" : " FAILED"));
        return r.ok() ? 0 : 1;
      }
    }
  }
}
