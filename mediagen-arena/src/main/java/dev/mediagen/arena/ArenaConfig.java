package dev.mediagen.arena;

/**
 * The arena's limits and policies. Defaults follow the original app where it had a number
 * (papers-language.md §1.1: 2,000 images per user per week, a control image in 10% of jobs).
 *
 * @param imagesPerJob images one generation job makes (each from another backend while they last), 2..32
 * @param controlShare probability that a job adds a control image (the prompt rendered wrong), 0..1
 * @param maxImagesPerWeek per-user cap on generated images over the last 7 days
 * @param maxVotesPerMinute per-user cap on votes per minute (a person needs a second or more per vote)
 * @param maxQueuedJobsPerUser jobs a user may have waiting or running at once
 * @param maxQueue jobs the queue holds in all
 * @param controlFailuresToBlock a user who picked the control image this many times, and in more than
 *     half of their control pairs, is blocked (silently: votes still answer "recorded")
 * @param maxPromptChars longest prompt accepted
 * @param maxBodyBytes largest request body accepted (larger: 413)
 * @param kdfIterations PBKDF2-HMAC-SHA256 iterations for new passwords (at least 100,000)
 * @param sessionHours session lifetime
 * @param seed seeds left/right order, backend order, noise seeds and control draws
 */
public record ArenaConfig(
    int imagesPerJob,
    double controlShare,
    int maxImagesPerWeek,
    int maxVotesPerMinute,
    int maxQueuedJobsPerUser,
    int maxQueue,
    int controlFailuresToBlock,
    int maxPromptChars,
    int maxBodyBytes,
    int kdfIterations,
    int sessionHours,
    long seed) {

  public ArenaConfig {
    check("imagesPerJob", imagesPerJob, 2, 32);
    if (!(controlShare >= 0 && controlShare <= 1)) throw new IllegalArgumentException("controlShare %s must be in [0, 1]".formatted(controlShare));
    check("maxImagesPerWeek", maxImagesPerWeek, 1, 10_000_000);
    check("maxVotesPerMinute", maxVotesPerMinute, 1, 10_000_000);
    check("maxQueuedJobsPerUser", maxQueuedJobsPerUser, 1, 100);
    check("maxQueue", maxQueue, 1, 100_000);
    check("controlFailuresToBlock", controlFailuresToBlock, 1, 1000);
    check("maxPromptChars", maxPromptChars, 10, 10_000);
    check("maxBodyBytes", maxBodyBytes, 1024, 10_000_000);
    check("kdfIterations", kdfIterations, 100_000, 10_000_000);
    check("sessionHours", sessionHours, 1, 24 * 365);
  }

  /** The defaults documented in the README. */
  public static ArenaConfig defaults() {
    return new ArenaConfig(4, 0.1, 2000, 60, 2, 64, 3, 300, 16 * 1024, 120_000, 24 * 14, 1234);
  }

  public ArenaConfig withImagesPerJob(int n) {
    return new ArenaConfig(n, controlShare, maxImagesPerWeek, maxVotesPerMinute, maxQueuedJobsPerUser, maxQueue,
        controlFailuresToBlock, maxPromptChars, maxBodyBytes, kdfIterations, sessionHours, seed);
  }

  public ArenaConfig withControlShare(double share) {
    return new ArenaConfig(imagesPerJob, share, maxImagesPerWeek, maxVotesPerMinute, maxQueuedJobsPerUser, maxQueue,
        controlFailuresToBlock, maxPromptChars, maxBodyBytes, kdfIterations, sessionHours, seed);
  }

  /** The same config with other caps (images per week, votes per minute, queued jobs per user). */
  public ArenaConfig withCaps(int imagesPerWeek, int votesPerMinute, int queuedPerUser) {
    return new ArenaConfig(imagesPerJob, controlShare, imagesPerWeek, votesPerMinute, queuedPerUser, maxQueue,
        controlFailuresToBlock, maxPromptChars, maxBodyBytes, kdfIterations, sessionHours, seed);
  }

  public ArenaConfig withSeed(long s) {
    return new ArenaConfig(imagesPerJob, controlShare, maxImagesPerWeek, maxVotesPerMinute, maxQueuedJobsPerUser, maxQueue,
        controlFailuresToBlock, maxPromptChars, maxBodyBytes, kdfIterations, sessionHours, s);
  }

  private static void check(String name, long v, long lo, long hi) {
    if (v < lo || v > hi) throw new IllegalArgumentException("%s %d must be in [%d, %d]".formatted(name, v, lo, hi));
  }
}
