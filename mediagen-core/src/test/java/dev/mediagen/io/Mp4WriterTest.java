package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4WriterTest {
  @TempDir Path dir;

  @Test
  void packsScaledFramesWithEdgePaddingToEvenSize() {
    BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 3, 1, new int[] {0x010203, 0x040506, 0x070809}, 0, 3);
    // scale 1: 3x1 -> 4x2, the extra column and row repeat the edge
    byte[] rgb = Mp4Writer.toRgb24(img, 1, 4, 2, new byte[4 * 2 * 3]);
    byte[] row = {1, 2, 3, 4, 5, 6, 7, 8, 9, 7, 8, 9};
    for (int y = 0; y < 2; y++) {
      for (int i = 0; i < row.length; i++) {
        assertThat(rgb[y * 12 + i]).isEqualTo(row[i]);
      }
    }
    // scale 2: 3x1 -> 6x2, already even
    byte[] big = Mp4Writer.toRgb24(img, 2, 6, 2, new byte[6 * 2 * 3]);
    assertThat(big[3 * 3]).isEqualTo((byte) 4); // x = 3 comes from source x = 1
    assertThat(Mp4Writer.autoScale(32, 32)).isEqualTo(8);
    assertThat(Mp4Writer.autoScale(48, 32)).isEqualTo(5);
    assertThat(Mp4Writer.autoScale(512, 512)).isEqualTo(1);
  }

  @Test
  void writesDeterministicFaststartH264() throws Exception {
    Assumptions.assumeTrue(Mp4Writer.available(), "ffmpeg with libx264 not installed");
    List<BufferedImage> frames = TestFrames.movingSquare(16, 15, 4, 6);
    Path a = dir.resolve("a.mp4");
    Path b = dir.resolve("b.mp4");
    Mp4Writer.write(frames, 8, a, 4); // 64x60
    Mp4Writer.write(frames, 8, b, 4);
    byte[] bytes = Files.readAllBytes(a);
    assertThat(bytes).isEqualTo(Files.readAllBytes(b));
    assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    int moov = TestFrames.indexOf(bytes, "moov".getBytes(StandardCharsets.US_ASCII));
    int mdat = TestFrames.indexOf(bytes, "mdat".getBytes(StandardCharsets.US_ASCII));
    assertThat(moov).isPositive().isLessThan(mdat); // +faststart
    assertThat(TestFrames.indexOf(bytes, "Lavf".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(-1); // bitexact

    // decode back with ffmpeg: 4 frames of 64x60, the square still red on blue
    Process p =
        new ProcessBuilder(
                Mp4Writer.binary(),
                "-v",
                "error",
                "-i",
                a.toString(),
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] raw = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    assertThat(raw).hasSize(4 * 64 * 60 * 3);
    int frame3 = 3 * 64 * 60 * 3;
    int inSquare = frame3 + (30 * 64 + (3 + 3) * 4) * 3; // centre of the square in frame 3
    int inBackground = frame3 + (5 * 64 + 60) * 3;
    assertThat(raw[inSquare] & 0xff).isGreaterThan(200);
    assertThat(raw[inSquare + 2] & 0xff).isLessThan(50);
    assertThat(raw[inBackground] & 0xff).isLessThan(60);
    assertThat(raw[inBackground + 2] & 0xff).isGreaterThan(200);
  }

  @Test
  void ffmpegFailureReportsItsStderrAndLeavesNothing() throws IOException {
    Assumptions.assumeTrue(Mp4Writer.available(), "ffmpeg with libx264 not installed");
    Path fake = dir.resolve("fake-ffmpeg");
    Files.writeString(fake, "#!/bin/sh\necho 'fake encoder exploded' >&2\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    Path out = dir.resolve("out/clip.mp4");
    String old = System.getProperty("mediagen.ffmpeg");
    System.setProperty("mediagen.ffmpeg", fake.toString());
    try {
      assertThatThrownBy(() -> Mp4Writer.write(TestFrames.movingSquare(8, 8, 2, 2), 4, out))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("ffmpeg failed writing " + out.toAbsolutePath().normalize())
          .hasMessageContaining("exit 3")
          .hasMessageContaining("fake encoder exploded");
    } finally {
      if (old == null) {
        System.clearProperty("mediagen.ffmpeg");
      } else {
        System.setProperty("mediagen.ffmpeg", old);
      }
    }
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void rejectsBadArguments() {
    List<BufferedImage> frames = TestFrames.movingSquare(8, 8, 2, 2);
    assertThatThrownBy(() -> Mp4Writer.write(frames, 0, dir.resolve("x.mp4")))
        .hasMessageContaining("MP4 fps 0 must be in [1, 120]");
    assertThatThrownBy(() -> Mp4Writer.write(frames, 8, dir.resolve("x.mp4"), 100))
        .hasMessageContaining("MP4 scale 100 must be in [1, 64]");
  }
}
