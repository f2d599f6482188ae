package dev.mediagen.train;

import java.lang.management.ManagementFactory;

/**
 * Process CPU time and wall time of a run, continued across resumes. CPU time includes the native
 * (OpenMP) threads, so "CPU-minutes" is a machine-independent-ish measure of training effort.
 */
public final class CpuClock {
  private final double cpuBefore;
  private final double wallBefore;
  private final long cpuStart = processCpuNanos();
  private final long wallStart = System.nanoTime();

  public CpuClock() {
    this(0, 0);
  }

  /** Continues a clock that had already run {@code cpuSeconds}/{@code wallSeconds}. */
  public CpuClock(double cpuSeconds, double wallSeconds) {
    this.cpuBefore = cpuSeconds;
    this.wallBefore = wallSeconds;
  }

  public double cpuSeconds() {
    return cpuBefore + (processCpuNanos() - cpuStart) / 1e9;
  }

  public double wallSeconds() {
    return wallBefore + (System.nanoTime() - wallStart) / 1e9;
  }

  /** CPU time of this process, all threads (0 where the JVM cannot tell). */
  public static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) return Math.max(0, sun.getProcessCpuTime());
    return 0;
  }
}
