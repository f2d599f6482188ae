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
    Path turns = dir.resolve("turns.png");
    CliRun multi = CliRun.of("edit", "--image", in.toString(), "--instruction", "make the background navy", "--instruction",
        "remove the circle", "--task", "background", "--task", "remove", "--steps", "2", "--checkpoint", ck.toString(), "--out", turns.toString());
    assertThat(multi.code()).as(multi.err()).isZero();
    assertThat(multi.out()).contains("turn 2: task REMOVE (given)");
    assertThat(dir.resolve("turns-turn1.png")).exists();
    assertThat(turns).exists();
    CliRun oneTask = CliRun.of("edit", "--image", in.toString(), "--instruction", "a", "--instruction", "b", "--task", "remove",
        "--checkpoint", ck.toString(), "--out", turns.toString());
    assertThat(oneTask.err()).contains("1 --task values for 2 instructions");
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
    assertThat(Json.readTree(json).get("mean_success").asDouble()).isBetween(0.0, 1.0);
    CliRun none = CliRun.of("edit", "bench", "--checkpoint", ck.toString(), "--per-task", "1", "--steps", "2", "--task-source", "none",
        "--tasks", "local,remove", "--json", json.toString());
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(Json.readTree(json).get("per_task").size()).isEqualTo(2);
    assertThat(Json.readTree(json).get("task_source").asText()).isEqualTo("none");
    CliRun source = CliRun.of("edit", "bench", "--checkpoint", ck.toString(), "--task-source", "oracle", "--json", json.toString());
    assertThat(source.err()).contains("--task-source 'oracle'").contains("predicted, true, none");

    Path shipped = dir.resolve("shipped");
    CliRun x = CliRun.of("export", "edit", "--checkpoint", ck.toString(), "--eval", json.toString(), "--command", "train edit --preset tiny",
        "--out", shipped.toString());
    assertThat(x.code()).as(x.err()).isZero();
    var manifest = Json.readTree(shipped.resolve("MANIFEST.json"));
    assertThat(manifest.get("steps").asInt()).isEqualTo(4);
    assertThat(manifest.get("metrics").get("task_source").asText()).isEqualTo("none");
    assertThat(manifest.get("sha256").size()).isEqualTo(4);
    CliRun again = CliRun.of("edit", "bench", "--checkpoint", shipped.toString(), "--per-task", "1", "--steps", "2", "--json", json.toString());
    assertThat(again.code()).as(again.err()).isZero();

    Path inv = dir.resolve("invert.json");
    CliRun i = CliRun.of("edit", "invert", "--checkpoint", ck.toString(), "--shots", "1,3", "--inversion-steps", "2", "--per-task", "2",
        "--steps", "2", "--full-steps", "1", "--json", inv.toString());
    assertThat(i.code()).as(i.err()).isZero();
    var rows = Json.readTree(inv).get("rows");
    assertThat(rows.size()).isEqualTo(5); // null task, predicted task, 1 and 3 examples, the whole model
    assertThat(rows.get(2).get("examples").asInt()).isEqualTo(1);
    assertThat(rows.get(4).get("method").asText()).startsWith("whole model");
    CliRun zero = CliRun.of("edit", "invert", "--checkpoint", ck.toString(), "--shots", "0", "--json", inv.toString());
    assertThat(zero.err()).contains("--shots 0 must be in [1, 100000]");
  }
}
