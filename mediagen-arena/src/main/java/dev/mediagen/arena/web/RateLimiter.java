package dev.mediagen.arena.web;

import java.util.concurrent.ConcurrentHashMap;

/** Fixed-window counters per key: at most {@code limit} events per window of {@code windowMs}. */
final class RateLimiter {
  private final int limit;
  private final long windowMs;
  private final ConcurrentHashMap<Object, long[]> windows = new ConcurrentHashMap<>();

  RateLimiter(int limit, long windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts one event for {@code key}; false when the key is over its limit in the current window. */
  boolean tryAcquire(Object key, long now) {
    if (windows.size() > 100_000) windows.entrySet().removeIf(e -> now - e.getValue()[0] >= windowMs);
    long[] w = windows.compute(key, (k, old) -> {
      if (old == null || now - old[0] >= windowMs) return new long[] {now, 1};
      old[1]++;
      return old;
    });
    return w[1] <= limit;
  }

  /** Whether {@code key} is already at its limit (without counting). */
  boolean exhausted(Object key, long now) {
    long[] w = windows.get(key);
    return w != null && now - w[0] < windowMs && w[1] >= limit;
  }

  void reset(Object key) {
    windows.remove(key);
  }
}
