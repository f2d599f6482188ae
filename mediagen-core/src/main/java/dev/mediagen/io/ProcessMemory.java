package dev.mediagen.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory from {@code /proc/self/status} (Linux): now ({@code VmRSS}) and its
 * high-water mark ({@code VmHWM}), which counts native (libtorch) allocations the JVM does not see.
 * Memory benchmarks run one configuration per fresh JVM and read the peak after the work.
 */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Resident memory now, MiB. */
  public static double residentMb() throws IOException {
    return status("VmRSS");
  }

  /** The peak of resident memory since the start (or the last {@link #resetPeak}), MiB. */
  public static double peakMb() throws IOException {
    return status("VmHWM");
  }

  /**
   * Resets the high-water mark to the current resident size (writes 5 to {@code
   * /proc/self/clear_refs}, Linux ≥ 4.0), so a later {@link #peakMb} is the peak of what ran since.
   *
   * @return false where the kernel does not allow it (the peak then includes earlier work)
   */
  public static boolean resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** A {@code /proc/self/status} field in MiB (kB in the file). */
  static double status(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("/proc/self/status has no " + field + " (peak memory needs Linux)");
  }
}
