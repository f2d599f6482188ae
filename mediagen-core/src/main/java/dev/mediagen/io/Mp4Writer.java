package dev.mediagen.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * H.264 MP4 by piping raw RGB frames into Debian's {@code ffmpeg} (libx264, yuv420p, faststart):
 * the smallest files and the codec every player has (STACK-ecosystem.md §3).
 *
 * <p>Frames are first enlarged with nearest neighbour by an integer factor (default {@link
 * #autoScale}: 32×32 becomes 256×256), then, because yuv420p needs even dimensions, an odd width or
 * height is padded by one column/row that repeats the edge pixels (no black line). Colours are
 * subsampled by yuv420p, so MP4 is for watching; use PNG/GIF for pixel-exact checks.
 *
 * <p>Output is byte-deterministic for the same frames and the same ffmpeg build: one encoder
 * thread, {@code +bitexact} (no version strings, no timestamps), metadata stripped. The binary is
 * {@code ffmpeg} on the PATH, or the system property {@code mediagen.ffmpeg}.
 */
public final class Mp4Writer {
  public static final int MAX_FPS = 120;
  private static final int STDERR_TAIL = 4000;

  private Mp4Writer() {}

  private static final class Probe {
    static final String PROBLEM = probe();
  }

  /** Whether a usable ffmpeg (with libx264) is on the PATH; checked once, then cached. */
  public static boolean available() {
    return Probe.PROBLEM == null;
  }

  /** Why MP4 output is unavailable, or null when it is available. */
  public static String unavailableReason() {
    return Probe.PROBLEM;
  }

  static String binary() {
    return System.getProperty("mediagen.ffmpeg", "ffmpeg");
  }

  private static String probe() {
    try {
      Process p =
          new ProcessBuilder(binary(), "-hide_banner", "-version")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "'" + binary() + " -version' did not finish in 20 s";
      }
      if (p.exitValue() != 0) {
        return "'" + binary() + " -version' exited with " + p.exitValue();
      }
      return out.contains("libx264")
          ? null
          : "ffmpeg at '" + binary() + "' was built without libx264";
    } catch (IOException e) {
      return "ffmpeg not found ('" + binary() + "' is not on the PATH; apt-get install ffmpeg)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while probing ffmpeg";
    }
  }

  /** The default enlargement: the largest integer factor keeping the longer side at most 256. */
  public static int autoScale(int width, int height) {
    return Math.max(1, 256 / Math.max(width, height));
  }

  /** Writes with the {@link #autoScale} factor. */
  public static void write(List<BufferedImage> frames, int fps, Path path) throws IOException {
    int[] size = ImageFiles.requireUniformSize(frames);
    write(frames, fps, path, autoScale(size[0], size[1]));
  }

  /**
   * Encodes {@code frames} (one size) at {@code fps}, each enlarged {@code scale} times, into an
   * MP4 at {@code path}, atomically. Fails with ffmpeg's stderr tail if ffmpeg fails.
   */
  public static void write(List<BufferedImage> frames, int fps, Path path, int scale)
      throws IOException {
    int[] size = ImageFiles.requireUniformSize(frames);
    if (fps < 1 || fps > MAX_FPS) {
      throw new IllegalArgumentException("MP4 fps " + fps + " must be in [1, " + MAX_FPS + "]");
    }
    if (scale < 1 || scale > 64) {
      throw new IllegalArgumentException("MP4 scale " + scale + " must be in [1, 64]");
    }
    if (!available()) {
      throw new IOException("cannot write " + path + ": " + unavailableReason());
    }
    int w = size[0] * scale;
    int h = size[1] * scale;
    int ew = w + (w & 1);
    int eh = h + (h & 1);
    AtomicFiles.writeWith(path, tmp -> encode(frames, fps, scale, ew, eh, tmp, path));
  }

  private static void encode(
      List<BufferedImage> frames, int fps, int scale, int ew, int eh, Path tmp, Path target)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary(),
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-s",
                ew + "x" + eh,
                "-r",
                Integer.toString(fps),
                "-i",
                "-",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-threads",
                "1",
                "-fflags",
                "+bitexact",
                "-flags:v",
                "+bitexact",
                "-map_metadata",
                "-1",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                tmp.toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread drain = new Thread(() -> copyQuietly(p.getErrorStream(), stderr), "ffmpeg-stderr");
    drain.setDaemon(true);
    drain.start();
    IOException pipeError = null;
    try (OutputStream in = p.getOutputStream()) {
      byte[] rgb = new byte[ew * eh * 3];
      for (BufferedImage f : frames) {
        in.write(toRgb24(f, scale, ew, eh, rgb));
      }
    } catch (IOException e) {
      pipeError = e; // ffmpeg died early; its stderr says why
    }
    int rc;
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("ffmpeg did not finish writing " + target + " within 10 minutes");
      }
      rc = p.exitValue();
      drain.join(10_000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing " + target, e);
    }
    if (rc != 0 || pipeError != null) {
      String err;
      synchronized (stderr) {
        err = stderr.toString(StandardCharsets.UTF_8);
      }
      String tail =
          err.length() > STDERR_TAIL ? "..." + err.substring(err.length() - STDERR_TAIL) : err;
      throw new IOException(
          "ffmpeg failed writing "
              + target
              + " (exit "
              + rc
              + ")"
              + (pipeError != null ? " [" + pipeError.getMessage() + "]" : "")
              + ": "
              + tail.strip(),
          pipeError);
    }
  }

  private static void copyQuietly(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[4096];
    try (in) {
      for (int n; (n = in.read(buf)) > 0; ) {
        synchronized (out) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // the process is gone; whatever was read is the tail we report
    }
  }

  /** Packs {@code frame}, enlarged and edge-padded to ew×eh, as rgb24 into {@code out}. */
  static byte[] toRgb24(BufferedImage frame, int scale, int ew, int eh, byte[] out) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    int[] src = frame.getRGB(0, 0, w, h, null, 0, w);
    int i = 0;
    for (int y = 0; y < eh; y++) {
      int sy = Math.min(y / scale, h - 1); // the padding row repeats the last row
      for (int x = 0; x < ew; x++) {
        int rgb = src[sy * w + Math.min(x / scale, w - 1)];
        out[i++] = (byte) (rgb >> 16);
        out[i++] = (byte) (rgb >> 8);
        out[i++] = (byte) rgb;
      }
    }
    return out;
  }
}
