package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.io.MediaWriter.Written;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaWriterTest {
  @TempDir Path dir;
  private final List<BufferedImage> clip = TestFrames.movingSquare(8, 6, 3, 2);

  @Test
  void pngNeedsExactlyOneFrame() throws IOException {
    Path png = dir.resolve("one.PNG");
    Written w = MediaWriter.write(clip.subList(0, 1), 8, png);
    assertThat(w).isEqualTo(new Written(png, ""));
    assertThat(TestFrames.pixels(ImageFiles.readImage(png)))
        .isEqualTo(TestFrames.pixels(clip.get(0)));
    assertThatThrownBy(() -> MediaWriter.write(clip, 8, dir.resolve("many.png")))
        .hasMessageContaining("exactly 1 frame, got 3");
  }

  @Test
  void gifIsWrittenAsAsked() throws IOException {
    Path gif = dir.resolve("clip.gif");
    assertThat(MediaWriter.write(clip, 8, gif).fellBack()).isFalse();
    assertThat(GifWriter.readFrames(gif)).hasSize(3);
  }

  @Test
  void mp4FallsBackToGifWithANoteWhenFfmpegIsMissing() throws IOException {
    Path mp4 = dir.resolve("clip.mp4");
    Written w = MediaWriter.write(clip, 8, mp4, false);
    assertThat(w.path()).isEqualTo(dir.resolve("clip.gif"));
    assertThat(w.fellBack()).isTrue();
    assertThat(w.note()).contains("wrote GIF", "clip.gif", "instead of MP4", "clip.mp4");
    assertThat(mp4).doesNotExist();
    assertThat(GifWriter.readFrames(w.path())).hasSize(3);
  }

  @Test
  void mp4WhenFfmpegIsPresent() throws IOException {
    Assumptions.assumeTrue(Mp4Writer.available());
    Path mp4 = dir.resolve("clip.mp4");
    assertThat(MediaWriter.write(clip, 8, mp4)).isEqualTo(new Written(mp4, ""));
    assertThat(Files.size(mp4)).isPositive();
  }

  @Test
  void unknownExtensionAndUnwritablePathAreClearErrors() throws IOException {
    assertThatThrownBy(() -> MediaWriter.write(clip, 8, dir.resolve("clip.avi")))
        .hasMessageContaining("unknown media extension '.avi'")
        .hasMessageContaining("[.png, .gif, .mp4]");
    Files.writeString(dir.resolve("blocker"), "x");
    Path bad = dir.resolve("blocker/clip.gif");
    assertThatThrownBy(() -> MediaWriter.write(clip, 8, bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(bad.toString());
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).containsExactly(dir.resolve("blocker"));
    }
  }
}
