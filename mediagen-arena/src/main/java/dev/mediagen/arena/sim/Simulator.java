package dev.mediagen.arena.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Synthetic voters ({@code ./mediagen arena simulate}): each signs up through the HTTP API, accepts the
 * consent screen, types ShapesWorld captions, follows its generation jobs over SSE, downloads the two
 * images of every pair and votes as the hidden {@link PreferenceOracle} says for its {@link
 * VoterProfile}; a share of voters is careless (random clicks), which the control pairs should catch.
 * A voter keeps a prompt for a few generations (rounds of the same prompt), then types a new one.
 */
public final class Simulator {
  /**
   * Settings.
   *
   * @param url server base URL
   * @param users voters
   * @param votesPerUser judgements each voter makes
   * @param carelessShare share of careless voters (at least one when positive and users ≥ 2)
   * @param threads voters running at once
   * @param seed seeds profiles, prompts and noise; also names the users ({@code sim<seed>-<i>})
   */
  public record Options(String url, int users, int votesPerUser, double carelessShare, int threads, long seed) {
    public Options {
      if (users < 1 || users > 100_000) throw new IllegalArgumentException("--users %d must be in [1, 100000]".formatted(users));
      if (votesPerUser < 1 || votesPerUser > 1_000_000) throw new IllegalArgumentException("--votes %d must be in [1, 1000000]".formatted(votesPerUser));
      if (!(carelessShare >= 0 && carelessShare <= 1)) throw new IllegalArgumentException("--careless %s must be in [0, 1]".formatted(carelessShare));
      if (threads < 1 || threads > 256) throw new IllegalArgumentException("--threads %d must be in [1, 256]".formatted(threads));
    }
  }

  /**
   * What happened.
   *
   * @param users voters that finished
   * @param votes judgements recorded
   * @param ties of which ties
   * @param careless careless voters
   * @param seconds wall time
   */
  public record Summary(int users, long votes, long ties, int careless, double seconds) {}

  private Simulator() {}

  public static Summary run(Options o, Consumer<String> log) throws IOException {
    long start = System.nanoTime();
    int careless = o.carelessShare() == 0 ? 0 : Math.max(o.users() >= 2 ? 1 : 0, (int) Math.round(o.carelessShare() * o.users()));
    AtomicLong votes = new AtomicLong();
    AtomicLong ties = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(o.threads());
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < o.users(); i++) {
      int id = i;
      boolean isCareless = i < careless;
      running.add(pool.submit(() -> {
        voter(o, id, isCareless, votes, ties);
        return null;
      }));
    }
    pool.shutdown();
    int done = 0;
    try {
      for (Future<?> f : running) {
        f.get();
        done++;
        if (log != null && (done % Math.max(1, o.users() / 10) == 0 || done == o.users())) {
          log.accept("simulate: %d/%d voters done, %d votes".formatted(done, o.users(), votes.get()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      pool.shutdownNow();
      Throwable c = e.getCause();
      throw c instanceof IOException io ? io : new IOException(c.getMessage(), c);
    }
    return new Summary(done, votes.get(), ties.get(), careless, (System.nanoTime() - start) / 1e9);
  }

  private static void voter(Options o, int id, boolean careless, AtomicLong votes, AtomicLong ties) throws IOException {
    SplittableRandom rng = new SplittableRandom(o.seed() * 1_000_003L + id);
    VoterProfile profile = VoterProfile.draw(rng, careless);
    PreferenceOracle oracle = new PreferenceOracle();
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults());
    ArenaClient c = new ArenaClient(o.url());
    String name = "sim%d-%d".formatted(o.seed(), id);
    String password = "sim-password-" + o.seed();
    try {
      c.signup(name, password);
    } catch (ArenaClient.Failed e) {
      if (e.reply.status() != 409) throw e;
      c.login(name, password); // a rerun with the same seed continues the same users
    }
    c.consent();
    Map<String, BufferedImage> cache = new HashMap<>();
    String prompt = null;
    int made = 0;
    while (made < o.votesPerUser()) {
      if (prompt == null || rng.nextDouble() < 0.5) prompt = Captioner.caption(sampler.sampleImage(rng, Split.TRAIN), rng);
      JsonNode pair = generate(c, prompt);
      while (pair != null && made < o.votesPerUser()) {
        BufferedImage left = image(c, cache, pair.get("left").get("uid").asText());
        BufferedImage right = image(c, cache, pair.get("right").get("uid").asText());
        PreferenceOracle.Vote v = oracle.judge(prompt, left, right, profile, rng);
        JsonNode reply = vote(c, pair.get("pair_id").asText(), v.wire());
        made++;
        votes.incrementAndGet();
        if (v == PreferenceOracle.Vote.TIE) ties.incrementAndGet();
        JsonNode next = reply.get("next");
        pair = next == null || next.isNull() ? null : next;
      }
      if (cache.size() > 64) cache.clear();
    }
  }

  /** Generates (waiting while the queue refuses) and returns the pair the finished job shows. */
  private static JsonNode generate(ArenaClient c, String prompt) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        List<JsonNode> events = c.follow(c.generate(prompt));
        JsonNode last = events.get(events.size() - 1);
        if (!last.get("state").asText().equals("done")) throw new IOException("generation failed: " + last.path("error").asText());
        JsonNode p = last.get("pair");
        return p == null || p.isNull() ? c.pair() : p;
      } catch (ArenaClient.Failed e) {
        if (e.reply.status() != 429 || e.reply.error().startsWith("limit:") || attempt > 600) throw e;
        sleep(200);
      }
    }
  }

  private static JsonNode vote(ArenaClient c, String pairId, String choice) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return c.vote(pairId, choice);
      } catch (ArenaClient.Failed e) {
        if (e.reply.status() != 429 || attempt > 600) throw e;
        sleep(1000); // the per-minute vote cap: wait like a person would
      }
    }
  }

  private static BufferedImage image(ArenaClient c, Map<String, BufferedImage> cache, String uid) throws IOException {
    BufferedImage img = cache.get(uid);
    if (img == null) {
      img = ImageIO.read(new ByteArrayInputStream(c.image(uid)));
      cache.put(uid, img);
    }
    return img;
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
