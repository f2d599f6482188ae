package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emu Edit through the CLI on the tiny preset: train, edit an image, benchmark, bad input. */
class EditCliTest {
  @TempDir Path dir;

  @Test
  void trainEditAndBench() throws Exception {
    CliRun t = CliRun.of("train", "edit", "--preset", "tiny", "--steps", "4", "--out", dir.resolve("e").toString());
    assertThat(t.code()).as(t.err()).isZero();
    Path ck = dir.resolve("e").resolve("checkpoint");
    Path in = dir.resolve("in.png");
    var img = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
    dev.mediagen.io.ImageFiles.writePng(img, in);
    Path out = dir.resolve("out.png");
    CliRun e = CliRun.of("edit", "--image", in.toString(), "--instruction", "make the background navy",
        "--steps", "2", "--checkpoint", ck.toString(), "--out", out.toString());
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).contains("(predicted)");
    assertThat(dev.mediagen.io.ImageFiles.readImage(out).getWidth()).isEqualTo(64);
    CliRun bad = CliRun.of("edit", "--image", in.toString(), "--instruction", "x", "--task", "juggle",
        "--checkpoint", ck.toString(), "--out", out.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown task 'juggle'").contains("BACKGROUND");
    CliRun empty = CliRun.of("edit", "--image", in.toString(), "--instruction", " ", "--checkpoint", ck.toString(), "--out", out.toString());
    assertThat(empty.err()).contains("--instruction must not be empty");
    Path json = dir.resolve("bench.json");
    CliRun b = CliRun.of("edit", "bench", "--checkpoint", ck.toString(), "--per-task", "1", "--steps", "2", "--json", json.toString());
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(Json.readTree(json).get("per_task").size()).isEqualTo(dev.mediagen.edit.EditTask.training().size());
  }
}
