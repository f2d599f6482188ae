package dev.mediagen.arena.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.arena.ApiError;
import dev.mediagen.arena.ArenaConfig;
import dev.mediagen.arena.BlockedWords;
import dev.mediagen.arena.Rounds;
import dev.mediagen.arena.db.Database;
import dev.mediagen.arena.db.DownloadStore;
import dev.mediagen.arena.db.ImageStore;
import dev.mediagen.arena.db.Pair;
import dev.mediagen.arena.db.RankingStore;
import dev.mediagen.arena.db.UserStore;
import dev.mediagen.arena.gen.GenerationQueue;
import dev.mediagen.arena.gen.Job;
import dev.mediagen.text.Prompts;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The arena's JSON API after sign-in: generate (queued; status as SSE), the current pair, votes,
 * images, downloads and public counters. Model ids and control flags never reach the page: a voter
 * cannot tell which backend made which image, or which pair is a control.
 */
final class Api {
  private static final long WEEK_MS = 7L * 24 * 3_600_000L;

  private final Database db;
  private final ArenaConfig config;
  private final Auth auth;
  private final Rounds rounds;
  private final GenerationQueue queue;
  private final BlockedWords blocked;
  private final LongSupplier clock;
  private final RateLimiter votes;

  Api(Database db, ArenaConfig config, Auth auth, Rounds rounds, GenerationQueue queue, BlockedWords blocked, LongSupplier clock) {
    this.db = db;
    this.config = config;
    this.auth = auth;
    this.rounds = rounds;
    this.queue = queue;
    this.blocked = blocked;
    this.clock = clock;
    this.votes = new RateLimiter(config.maxVotesPerMinute(), 60_000L);
  }

  /** The prompt as stored: whitespace collapsed, length and word count checked, blocked words refused. */
  String checkPrompt(String raw) {
    if (raw.length() > config.maxPromptChars()) {
      throw new ApiError(400, "prompt has %d characters; at most %d allowed".formatted(raw.length(), config.maxPromptChars()));
    }
    String prompt;
    try {
      prompt = Prompts.validate(raw, 40);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    blocked.find(prompt).ifPresent(w -> {
      throw new ApiError(400, "the prompt contains a blocked word or phrase: '%s'".formatted(w));
    });
    return prompt;
  }

  /** POST /api/generate {prompt} → 202 {job_id, position}. */
  void generate(Context ctx) {
    Principal p = auth.requireConsent(ctx);
    JsonNode body = Bodies.object(ctx, config.maxBodyBytes());
    String prompt = checkPrompt(Bodies.string(body, "prompt", config.maxPromptChars() * 4));
    long now = clock.getAsLong();
    long made = db.read(h -> ImageStore.countSince(h, p.userId(), now - WEEK_MS));
    if (made + config.imagesPerJob() > config.maxImagesPerWeek()) {
      throw new ApiError(429, "limit: %d images generated in the last 7 days; the weekly limit is %d"
          .formatted(made, config.maxImagesPerWeek()));
    }
    Job job;
    try {
      job = queue.submit(p.userId(), prompt);
    } catch (GenerationQueue.Refused e) {
      throw new ApiError(429, e.getMessage());
    }
    ctx.status(202);
    ctx.json(statusJson(job.status()));
  }

  /** GET /api/jobs/{id}. */
  void job(Context ctx) {
    ctx.json(statusJson(ownJob(ctx).status()));
  }

  /** SSE /api/jobs/{id}/events: one "status" event per change until DONE or FAILED. */
  void events(SseClient client) {
    Context ctx = client.ctx();
    Job job;
    try {
      job = ownJob(ctx);
    } catch (ApiError e) {
      client.sendEvent("error", Map.of("error", e.getMessage()));
      client.close();
      return;
    }
    client.keepAlive();
    Runnable[] stop = new Runnable[1];
    stop[0] = job.listen(s -> {
      synchronized (client) {
        if (client.terminated()) throw new IllegalStateException("closed");
        client.sendEvent("status", toJson(statusJson(s)));
        if (s.terminal()) client.close();
      }
    });
    client.onClose(() -> {
      if (stop[0] != null) stop[0].run();
    });
  }

  private Job ownJob(Context ctx) {
    Principal p = auth.requireConsent(ctx);
    Job job = queue.find(ctx.pathParam("id")).orElseThrow(() -> new ApiError(404, "no such job"));
    if (job.userId() != p.userId()) throw new ApiError(404, "no such job");
    return job;
  }

  /** GET /api/pair: the pair to judge now, or {"pair": null}. */
  void pair(Context ctx) {
    Principal p = auth.requireConsent(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pair", rounds.current(p.userId()).map(Api::pairJson).orElse(null));
    ctx.json(out);
  }

  /** POST /api/vote {pair_id, choice: left|right|tie} → {ranking_id, duplicate, votes, next}. */
  void vote(Context ctx) {
    Principal p = auth.requireConsent(ctx);
    JsonNode body = Bodies.object(ctx, config.maxBodyBytes());
    String pairId = Bodies.string(body, "pair_id", 64);
    Rounds.Choice choice = Rounds.Choice.parse(Bodies.string(body, "choice", 10));
    if (!votes.tryAcquire(p.userId(), clock.getAsLong())) {
      throw new ApiError(429, "limit: at most %d votes per minute".formatted(config.maxVotesPerMinute()));
    }
    Rounds.VoteResult r = rounds.vote(p.userId(), pairId, choice);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ranking_id", r.rankingId());
    out.put("duplicate", r.duplicate());
    out.put("next", r.next() == null ? null : pairJson(r.next()));
    ctx.json(out);
  }

  /** GET /api/images/{uid}: the PNG, to its owner only. */
  void image(Context ctx) {
    Principal p = auth.require(ctx);
    String uid = ctx.pathParam("uid");
    if (uid.length() > 64) throw new ApiError(404, "no such image");
    byte[] png = db.read(h -> ImageStore.png(h, uid, p.userId())).orElseThrow(() -> new ApiError(404, "no such image"));
    ctx.header("Cache-Control", "private, max-age=86400");
    ctx.contentType("image/png");
    ctx.result(png);
  }

  /** POST /api/download {image_uid}: records a download (Pick-a-Pic's downloads table). */
  void download(Context ctx) {
    Principal p = auth.requireConsent(ctx);
    JsonNode body = Bodies.object(ctx, config.maxBodyBytes());
    String uid = Bodies.string(body, "image_uid", 64);
    long now = clock.getAsLong();
    db.write(h -> {
      String prompt = h.createQuery("SELECT prompt FROM images WHERE image_uid = :uid AND user_id = :u")
          .bind("uid", uid).bind("u", p.userId()).mapTo(String.class).findOne()
          .orElseThrow(() -> new ApiError(404, "no such image"));
      DownloadStore.insert(h, p.userId(), uid, prompt, now);
      return null;
    });
    ctx.json(Map.of("url", "/api/images/" + uid));
  }

  /** GET /api/metrics: the original app's public counters plus the queue length. */
  void metrics(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    db.read(h -> {
      out.put("num_users", UserStore.count(h));
      out.put("num_images", ImageStore.count(h));
      out.put("num_rankings", RankingStore.count(h));
      out.put("num_downloads", DownloadStore.count(h));
      return null;
    });
    out.put("queue_length", queue.length());
    ctx.json(out);
  }

  /** GET /api/blocked-words: the client-side copy of the filter. */
  void blockedWords(Context ctx) {
    ctx.json(Map.of("words", blocked.words(), "phrases", blocked.phrases()));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  private static String toJson(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> pairJson(Pair p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pair_id", p.id());
    out.put("prompt", p.prompt());
    out.put("left", Map.of("uid", p.image0(), "url", "/api/images/" + p.image0()));
    out.put("right", Map.of("uid", p.image1(), "url", "/api/images/" + p.image1()));
    String inc = p.incumbent();
    out.put("incumbent", inc == null ? null : inc.equals(p.image0()) ? "left" : inc.equals(p.image1()) ? "right" : null);
    return out;
  }

  static Map<String, Object> statusJson(Job.Status s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("job_id", s.jobId());
    out.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
    out.put("position", s.position());
    out.put("queue_length", s.queueLength());
    out.put("progress", Math.round(s.progress() * 1000) / 1000.0);
    out.put("eta_seconds", Math.round(s.etaSeconds() * 10) / 10.0);
    if (s.message() != null) out.put("error", s.message());
    if (s.state() == Job.State.DONE) out.put("images", s.images());
    if (s.state() == Job.State.DONE) out.put("pair", s.result() == null ? null : pairJson((Pair) s.result()));
    return out;
  }
}
