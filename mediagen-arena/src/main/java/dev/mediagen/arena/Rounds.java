package dev.mediagen.arena;

import dev.mediagen.arena.db.Database;
import dev.mediagen.arena.db.ImageRow;
import dev.mediagen.arena.db.ImageStore;
import dev.mediagen.arena.db.Pair;
import dev.mediagen.arena.db.PairStore;
import dev.mediagen.arena.db.Ranking;
import dev.mediagen.arena.db.RankingStore;
import dev.mediagen.arena.db.UserStore;
import dev.mediagen.arena.gen.GeneratedImage;
import dev.mediagen.arena.gen.Job;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;

/**
 * The rounds of a prompt (Pick-a-Pic's king of the hill): a pair is two images of the user's pool for
 * the prompt, from different backends where possible, in random left/right order; after a vote the
 * preferred image stays and meets the next pool image (on a tie the incumbent stays; after a control
 * pair the non-control image stays). A vote is one transaction: ranking row, pair marked voted, the next
 * pair, and — when the voter picked a control image — the blocking rule.
 */
public final class Rounds {
  /** The three answers. */
  public enum Choice {
    LEFT,
    RIGHT,
    TIE;

    /** Parses "left", "right" or "tie". */
    public static Choice parse(String s) {
      if (s != null) {
        switch (s) {
          case "left" -> { return LEFT; }
          case "right" -> { return RIGHT; }
          case "tie" -> { return TIE; }
          default -> { }
        }
      }
      throw new ApiError(400, "choice '%s' must be one of left, right, tie".formatted(s));
    }
  }

  /**
   * The outcome of a vote.
   *
   * @param rankingId the stored judgement
   * @param duplicate true when this pair had already been judged the same way (a retried request)
   * @param next the next pair of the prompt, or null when the pool is empty (generate more)
   */
  public record VoteResult(long rankingId, boolean duplicate, Pair next) {}

  private final Database db;
  private final ArenaConfig config;
  private final SplittableRandom rng;
  private final LongSupplier clock;

  public Rounds(Database db, ArenaConfig config, LongSupplier clock) {
    this.db = db;
    this.config = config;
    this.rng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    this.clock = clock;
  }

  /** The generation queue's sink: stores a job's images and returns the pair to show (or null). */
  public Pair store(Job job, List<GeneratedImage> images) {
    long now = clock.getAsLong();
    return db.write(h -> {
      for (GeneratedImage g : images) {
        ImageStore.insert(h, new ImageRow(g.uid(), now, job.userId(), job.id(), job.prompt(), g.seed(), g.guidance(), g.steps(),
            g.modelId(), g.control(), g.png()));
      }
      return nextPair(h, job.userId(), job.prompt(), now).orElse(null);
    });
  }

  /** The user's newest unvoted pair. */
  public Optional<Pair> current(long userId) {
    return db.read(h -> PairStore.open(h, userId, null));
  }

  /** Records a vote on {@code pairId} (exactly once) and returns the next pair of its prompt. */
  public VoteResult vote(long userId, String pairId, Choice choice) {
    long now = clock.getAsLong();
    return db.write(h -> {
      Pair p = PairStore.find(h, pairId, userId).orElseThrow(() -> new ApiError(404, "no pair '%s' for this user".formatted(pairId)));
      String best = switch (choice) {
        case LEFT -> p.image0();
        case RIGHT -> p.image1();
        case TIE -> Ranking.TIE;
      };
      Optional<Ranking> before = RankingStore.byPair(h, pairId);
      if (before.isPresent()) {
        if (!before.get().best().equals(best)) {
          throw new ApiError(409, "pair '%s' was already judged differently; a pair takes one vote".formatted(pairId));
        }
        return new VoteResult(before.get().id(), true, PairStore.open(h, userId, p.prompt()).orElse(null));
      }
      String kept;
      if (p.control() != null) {
        kept = p.control().equals(p.image0()) ? p.image1() : p.image0();
      } else if (choice == Choice.TIE) {
        kept = p.incumbent() != null ? p.incumbent() : p.image0();
      } else {
        kept = best;
      }
      boolean failed = p.control() != null && p.control().equals(best);
      long id = RankingStore.insert(h, new Ranking(0, pairId, now, userId, p.image0(), p.image1(), best, kept, p.prompt(),
          p.control() != null, failed));
      PairStore.markVoted(h, pairId);
      if (failed) {
        long[] stats = RankingStore.controlStats(h, userId);
        if (stats[1] >= config.controlFailuresToBlock() && 2 * stats[1] > stats[0]) {
          UserStore.block(h, userId, "preferred %d of %d control images".formatted(stats[1], stats[0]));
        }
      }
      return new VoteResult(id, false, nextPair(h, userId, p.prompt(), now).orElse(null));
    });
  }

  /** The open pair of {@code prompt}, or a new one from the pool (with the last winner if it was this prompt's). */
  private Optional<Pair> nextPair(Handle h, long userId, String prompt, long now) {
    Optional<Pair> open = PairStore.open(h, userId, prompt);
    if (open.isPresent()) return open;
    String incumbent = RankingStore.latest(h, userId).filter(r -> r.prompt().equals(prompt)).map(Ranking::kept).orElse(null);
    List<ImageStore.Pooled> pool = ImageStore.pool(h, userId, prompt);
    ImageStore.Pooled first;
    ImageStore.Pooled second;
    if (incumbent != null) {
      if (pool.isEmpty()) return Optional.empty();
      String incumbentModel = ImageStore.model(h, incumbent);
      first = null;
      second = pool.stream().filter(i -> !i.model().equals(incumbentModel)).findFirst().orElse(pool.get(0));
    } else {
      if (pool.size() < 2) return Optional.empty();
      first = pool.get(0);
      ImageStore.Pooled a = first;
      second = pool.stream().skip(1).filter(i -> !i.model().equals(a.model()) && !(a.control() && i.control())).findFirst()
          .orElse(pool.get(1));
    }
    String a = first != null ? first.uid() : incumbent;
    String b = second.uid();
    boolean swap;
    synchronized (rng) {
      swap = rng.nextBoolean();
    }
    String control = first != null && first.control() ? first.uid() : second.control() ? second.uid() : null;
    Pair pair = new Pair(UUID.randomUUID().toString(), userId, prompt, swap ? b : a, swap ? a : b, incumbent, control, now);
    PairStore.insert(h, pair);
    if (first != null) ImageStore.markShown(h, first.uid());
    ImageStore.markShown(h, second.uid());
    return Optional.of(pair);
  }
}
