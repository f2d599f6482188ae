package dev.mediagen.arena.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The vote-recording load test ({@code ./mediagen arena load}, driven by {@code bench/arena-load}).
 * Setup (untimed): {@code users} clients sign up, consent and generate until each holds enough
 * pre-generated images for its votes. Then, for {@code seconds}, every client votes as fast as the
 * server answers (closed loop), timing each vote request. A vote whose request fails (server killed)
 * is retried with the same pair id until the server is back — the server stores a pair's vote exactly
 * once — and every acknowledged vote is appended to the ack log ({@code pair_id choice ranking_id}),
 * so {@link AckCheck} can prove after a crash that each is present exactly once.
 */
public final class LoadDriver {
  /**
   * Settings.
   *
   * @param url server
   * @param users concurrent clients
   * @param seconds length of the timed phase
   * @param votesPerUser pre-generated pairs per client (the timed phase stops early when they run out)
   * @param retrySeconds how long a failed vote is retried (covers a restart)
   * @param acked ack log file, or null
   * @param seed seeds names and choices
   */
  public record Options(String url, int users, double seconds, int votesPerUser, double retrySeconds, Path acked, long seed) {
    public Options {
      if (users < 1 || users > 1024) throw new IllegalArgumentException("--users %d must be in [1, 1024]".formatted(users));
      if (!(seconds > 0 && seconds <= 3600)) throw new IllegalArgumentException("--seconds %s must be in (0, 3600]".formatted(seconds));
      if (votesPerUser < 1) throw new IllegalArgumentException("--votes-per-user %d must be >= 1".formatted(votesPerUser));
    }
  }

  /**
   * The measurement.
   *
   * @param acked votes acknowledged in the timed phase
   * @param seconds length of the timed phase
   * @param votesPerSecond acked / seconds
   * @param p50Ms median latency of acknowledged vote requests
   * @param p99Ms 99th percentile latency
   * @param maxMs slowest
   * @param retried votes that needed a retry (a failed request)
   * @param duplicates retries the server answered "already recorded"
   * @param setupSeconds untimed setup
   */
  public record Result(long acked, double seconds, double votesPerSecond, double p50Ms, double p99Ms, double maxMs, long retried,
      long duplicates, double setupSeconds) {
    @Override
    public String toString() {
      return "votes=%d seconds=%.1f votes_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.1f retried=%d duplicates=%d setup_s=%.1f"
          .formatted(acked, seconds, votesPerSecond, p50Ms, p99Ms, maxMs, retried, duplicates, setupSeconds);
    }
  }

  private LoadDriver() {}

  public static Result run(Options o, Consumer<String> log) throws IOException {
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(o.users());
    List<ArenaClient> clients = new ArrayList<>();
    List<JsonNode> firstPairs = new ArrayList<>();
    try {
      List<Future<JsonNode>> setup = new ArrayList<>();
      for (int i = 0; i < o.users(); i++) {
        ArenaClient c = new ArenaClient(o.url());
        clients.add(c);
        int id = i;
        setup.add(pool.submit(() -> prepare(c, o, id)));
      }
      for (Future<JsonNode> f : setup) firstPairs.add(f.get());
      double setupSeconds = (System.nanoTime() - t0) / 1e9;
      if (log != null) log.accept("load: setup done in %.1f s (%d clients, %d pre-generated pairs each)".formatted(setupSeconds, o.users(), o.votesPerUser()));

      BufferedWriter ackLog = o.acked() == null ? null : Files.newBufferedWriter(o.acked(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      long start = System.nanoTime();
      long deadline = start + (long) (o.seconds() * 1e9);
      List<Future<long[]>> work = new ArrayList<>();
      for (int i = 0; i < o.users(); i++) {
        ArenaClient c = clients.get(i);
        JsonNode pair = firstPairs.get(i);
        SplittableRandom rng = new SplittableRandom(o.seed() * 31 + i);
        work.add(pool.submit(() -> voteLoop(c, pair, rng, deadline, o.retrySeconds(), ackLog)));
      }
      List<long[]> perClient = new ArrayList<>();
      for (Future<long[]> f : work) perClient.add(f.get());
      double seconds = (System.nanoTime() - start) / 1e9;
      if (ackLog != null) ackLog.close();
      long retried = 0;
      long duplicates = 0;
      int n = 0;
      for (long[] r : perClient) {
        retried += r[0];
        duplicates += r[1];
        n += r.length - 2;
      }
      long[] lat = new long[n];
      int k = 0;
      for (long[] r : perClient) {
        System.arraycopy(r, 2, lat, k, r.length - 2);
        k += r.length - 2;
      }
      Arrays.sort(lat);
      return new Result(n, seconds, n / seconds, pct(lat, 0.5), pct(lat, 0.99), n == 0 ? 0 : lat[n - 1] / 1e6, retried, duplicates,
          setupSeconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Signs up and generates until the pool holds {@code votesPerUser} rounds; returns the first pair. */
  private static JsonNode prepare(ArenaClient c, Options o, int id) throws IOException {
    String name = "load%d-%d-%d".formatted(o.seed(), System.currentTimeMillis() % 1_000_000, id);
    c.signup(name, "load-password");
    c.consent();
    String prompt = "a large red circle in the top left on a navy background";
    JsonNode first = null;
    int images = 0;
    while (images < o.votesPerUser() + 1) {
      List<JsonNode> events = c.follow(c.generate(prompt));
      JsonNode last = events.get(events.size() - 1);
      if (!last.get("state").asText().equals("done")) throw new IOException("setup generation failed: " + last.path("error").asText());
      if (first == null) first = last.get("pair");
      images += last.get("images").asInt();
    }
    return first == null || first.isNull() ? c.pair() : first;
  }

  /** Votes until the deadline; returns {retried, duplicates, latency_ns...}. */
  private static long[] voteLoop(ArenaClient c, JsonNode pair, SplittableRandom rng, long deadline, double retrySeconds,
      BufferedWriter ackLog) throws IOException {
    String[] choices = {"left", "right", "tie"};
    long[] lat = new long[1024];
    int n = 0;
    long retried = 0;
    long duplicates = 0;
    while (pair != null && !pair.isNull() && System.nanoTime() < deadline) {
      String pairId = pair.get("pair_id").asText();
      String choice = choices[rng.nextInt(3)];
      JsonNode reply = null;
      long giveUp = System.nanoTime() + (long) (retrySeconds * 1e9);
      boolean failedOnce = false;
      while (reply == null) {
        long t = System.nanoTime();
        try {
          ArenaClient.Reply r = c.call("POST", "/api/vote", java.util.Map.of("pair_id", pairId, "choice", choice));
          if (r.status() != 200) throw new IOException("vote: HTTP %d %s".formatted(r.status(), r.error()));
          reply = r.body();
          long took = System.nanoTime() - t;
          if (!failedOnce) {
            if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
            lat[n++] = took;
          }
        } catch (IOException e) {
          if (System.nanoTime() > giveUp) throw new IOException("vote on " + pairId + " failed for " + retrySeconds + " s: " + e.getMessage(), e);
          if (!failedOnce) retried++;
          failedOnce = true;
          try {
            Thread.sleep(50);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ie);
          }
        }
      }
      if (reply.get("duplicate").asBoolean()) duplicates++;
      if (ackLog != null) {
        synchronized (ackLog) {
          ackLog.write(pairId + " " + choice + " " + reply.get("ranking_id").asLong() + "\n");
          ackLog.flush();
        }
      }
      pair = reply.get("next");
    }
    long[] out = new long[n + 2];
    out[0] = retried;
    out[1] = duplicates;
    System.arraycopy(lat, 0, out, 2, n);
    return out;
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
