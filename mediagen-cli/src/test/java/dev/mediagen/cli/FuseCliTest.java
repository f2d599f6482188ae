package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** X&amp;Fuse through the CLI on the tiny preset: train, generate with each fuse mode, evaluate, bad input. */
class FuseCliTest {
  @TempDir Path dir;

  @Test
  void trainGenerateEvalAndBadInput() throws Exception {
    Path run = dir.resolve("f");
    CliRun t = CliRun.of("train", "fuse", "--preset", "tiny", "--steps", "3", "--schedule", "3", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    Path in = dir.resolve("map.png"), out = dir.resolve("out.png");
    ImageFiles.writePng(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), in); // a 2x enlargement of 16x16
    for (String spec : new String[] {"retrieve", "scene:" + in, "crop:" + in}) {
      CliRun g = CliRun.of("generate", "--prompt", "a red circle", "--fuse", spec, "--steps", "2", "--scale", "1",
          "--checkpoint", run.toString(), "--out", out.toString());
      assertThat(g.code()).as(spec + ": " + g.err()).isZero();
      assertThat(ImageFiles.readImage(out).getWidth()).isEqualTo(16);
    }
    CliRun missing = CliRun.of("generate", "--prompt", "x", "--fuse", "crop:" + dir.resolve("nope.png"),
        "--checkpoint", run.toString(), "--out", out.toString());
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("nope.png");
    CliRun unknown = CliRun.of("generate", "--prompt", "x", "--fuse", "paint:" + in, "--checkpoint", run.toString(), "--out", out.toString());
    assertThat(unknown.err()).contains("unknown fuse mode 'paint:");
    ImageFiles.writePng(new BufferedImage(20, 12, BufferedImage.TYPE_INT_RGB), in);
    CliRun size = CliRun.of("generate", "--prompt", "x", "--fuse", "scene:" + in, "--checkpoint", run.toString(), "--out", out.toString());
    assertThat(size.err()).contains("is 20x12; expected 16x16");

    Path json = dir.resolve("eval.json");
    CliRun e = CliRun.of("fuse", "eval", "--checkpoint", run.toString(), "--baseline", "none", "--encoder", dir.resolve("enc").toString(),
        "--encoder-steps", "2", "--images", "2", "--steps", "2", "--subjects", "1", "--inversion-steps", "2", "--json", json.toString(),
        "--report", dir.resolve("report").toString());
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(Json.readTree(json).get("fid").size()).isEqualTo(4); // real, none, retrieve, scene
    assertThat(Json.readTree(json).get("crop").size()).isEqualTo(4);
    assertThat(dir.resolve("report").resolve("index.html")).exists();
  }
}
