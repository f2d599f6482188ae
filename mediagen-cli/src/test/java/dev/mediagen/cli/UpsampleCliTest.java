package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.io.GifWriter;
import dev.mediagen.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spatial upsampler end to end on the tiny preset: train, upsample a clip, compare with bicubic. */
class UpsampleCliTest {
  @TempDir Path dir;

  @Test
  void trainsUpsamplesAndEvaluates() throws Exception {
    CliRun t = CliRun.of("train", "video", "--preset", "tiny-upsampler", "--steps", "6", "--out", dir.resolve("up").toString());
    assertThat(t.code()).as(t.err()).isZero();
    Path ck = dir.resolve("up").resolve("checkpoint");
    // an 8×8 clip of 6 frames: longer than the model's 4-frame window, so it runs in two overlapping windows
    Path low = dir.resolve("low.gif");
    var frames = new java.util.ArrayList<java.awt.image.BufferedImage>();
    for (int f = 0; f < 6; f++) {
      var img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
      img.setRGB(f, 3, 0xFF0000);
      frames.add(img);
    }
    GifWriter.write(frames, 4, low);
    Path out = dir.resolve("high.gif");
    CliRun u = CliRun.of("upsample", low.toString(), out.toString(), "--checkpoint", ck.toString(),
        "--steps", "2", "--window", "4", "--stride", "2", "--fps", "4");
    assertThat(u.code()).as(u.err()).isZero();
    var written = GifWriter.readFrames(out);
    assertThat(written).hasSize(6);
    assertThat(written.get(0).getWidth()).isEqualTo(16); // 8 px in, 16 px out, written as is
    Path scaled = dir.resolve("high-x2.gif");
    CliRun u2 = CliRun.of("upsample", low.toString(), scaled.toString(), "--checkpoint", ck.toString(),
        "--steps", "2", "--window", "4", "--stride", "2", "--fps", "4", "--scale", "2");
    assertThat(u2.code()).as(u2.err()).isZero();
    assertThat(GifWriter.readFrames(scaled).get(0).getWidth()).isEqualTo(32); // --scale 2: each pixel as 2×2
    // without --window/--stride: the checkpoint's 4-frame window, every 2 frames, the same as spelled out above
    Path defaults = dir.resolve("high-defaults.gif");
    CliRun u3 = CliRun.of("upsample", low.toString(), defaults.toString(), "--checkpoint", ck.toString(), "--steps", "2", "--fps", "4");
    assertThat(u3.code()).as(u3.err()).isZero();
    assertThat(Files.readAllBytes(defaults)).isEqualTo(Files.readAllBytes(out));
    Path json = dir.resolve("up.json");
    Path grid = dir.resolve("grid.png");
    CliRun e = CliRun.of("upsample", "eval", "--checkpoint", ck.toString(), "--clips", "2", "--steps", "2", "--samples", "2", "--json", json.toString(),
        "--grid", grid.toString());
    assertThat(e.code()).as(e.err()).isZero();
    // four 16 px tiles per row (low, bicubic, model, truth), each shown ×2
    assertThat(dev.mediagen.io.ImageFiles.readImage(grid).getWidth()).isGreaterThanOrEqualTo(4 * 32);
    JsonNode r = Json.readTree(json);
    assertThat(r.get("bicubicPsnr").asDouble()).isGreaterThan(10);
    assertThat(r.get("modelPsnr").asDouble()).isFinite();
    assertThat(r.get("samples").asInt()).isEqualTo(2);
    CliRun wide = CliRun.of("upsample", low.toString(), dir.resolve("x.gif").toString(),
        "--checkpoint", ck.toString(), "--window", "8");
    assertThat(wide.code()).isEqualTo(2);
    assertThat(wide.err()).contains("window 6 must be in [1, 4]");
  }

  @Test
  void generateUpsamplesOnlyClipsOfTheUpsamplersInputSize() throws Exception {
    CliRun up = CliRun.of("train", "video", "--preset", "tiny-upsampler", "--steps", "1", "--out", dir.resolve("up").toString());
    assertThat(up.code()).as(up.err()).isZero();
    CliRun t2v = CliRun.of("train", "video", "--preset", "tiny", "--steps", "1", "--out", dir.resolve("t2v").toString());
    assertThat(t2v.code()).as(t2v.err()).isZero();
    // the tiny text-to-video model makes 16 px frames; the tiny upsampler turns 8 px into 16 px
    Path out = dir.resolve("clip.gif");
    CliRun g = CliRun.of("generate", "--prompt", "a red circle", "--checkpoint", dir.resolve("t2v").toString(),
        "--steps", "1", "--out", out.toString(), "--upsample", dir.resolve("up").toString());
    assertThat(g.code()).isEqualTo(2);
    assertThat(g.err()).contains("the upsampler turns 8 px clips into 16 px; this clip is 16x16 px");
    assertThat(out).doesNotExist();
  }
}
