package dev.mediagen.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes frames to the format named by the file extension: {@code .png} (exactly one frame), {@code
 * .gif} (looping, 256 colours, see {@link GifWriter}) or {@code .mp4} (H.264 via ffmpeg, see {@link
 * Mp4Writer}). Without a usable ffmpeg, an {@code .mp4} request writes a {@code .gif} next to it
 * instead (at most 50 fps, GIF's limit) and says so in {@link Written#note()} rather than failing:
 * a run without ffmpeg should still leave something to look at. All writes are atomic.
 */
public final class MediaWriter {
  /** The extensions {@link #write} accepts. */
  public static final List<String> EXTENSIONS = List.of(".png", ".gif", ".mp4");

  /**
   * What was written: {@code path} may differ from the requested one (MP4 → GIF fallback), and
   * {@code note} explains why; it is empty when the request was met as asked.
   */
  public record Written(Path path, String note) {
    public Written {
      java.util.Objects.requireNonNull(path, "path");
      java.util.Objects.requireNonNull(note, "note (use \"\" for none)");
    }

    public boolean fellBack() {
      return !note.isEmpty();
    }
  }

  private MediaWriter() {}

  /** Writes {@code frames} at {@code fps} to {@code out}; see the class comment. */
  public static Written write(List<BufferedImage> frames, int fps, Path out) throws IOException {
    return write(frames, fps, out, Mp4Writer.available());
  }

  /** As {@link #write(List, int, Path)}, with ffmpeg's availability given (for tests). */
  static Written write(List<BufferedImage> frames, int fps, Path out, boolean mp4Available)
      throws IOException {
    String name = out.getFileName() == null ? "" : out.getFileName().toString();
    String ext = extension(name);
    switch (ext) {
      case ".png" -> {
        int n = frames == null ? 0 : frames.size();
        if (n != 1) {
          throw new IllegalArgumentException(
              "a .png holds exactly 1 frame, got "
                  + n
                  + " for "
                  + out
                  + "; use .gif or .mp4 for video");
        }
        ImageFiles.requireUniformSize(frames);
        ImageFiles.writePng(frames.get(0), out);
        return new Written(out, "");
      }
      case ".gif" -> {
        GifWriter.write(frames, fps, out);
        return new Written(out, "");
      }
      case ".mp4" -> {
        if (mp4Available) {
          Mp4Writer.write(frames, fps, out);
          return new Written(out, "");
        }
        Path gif = out.resolveSibling(name.substring(0, name.length() - 4) + ".gif");
        GifWriter.write(frames, Math.min(fps, GifWriter.MAX_FPS), gif);
        String why = Mp4Writer.available() ? "MP4 disabled" : Mp4Writer.unavailableReason();
        return new Written(gif, "wrote GIF " + gif + " instead of MP4 " + out + ": " + why);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown media extension '" + ext + "' in " + out + "; allowed: " + EXTENSIONS);
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }
}
