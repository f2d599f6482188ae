package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediagen.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: train a tiny checkpoint through the CLI, then generate, check and evaluate with it. */
class VideoCliTest {
  @TempDir static Path dir;
  static Path ckpt;

  @BeforeAll
  static void trainTiny() {
    CliRun r = CliRun.of("train", "video", "--preset", "tiny", "--steps", "12", "--out", dir.resolve("run").toString());
    assertThat(r.code()).as(r.err()).isZero();
    ckpt = dir.resolve("run").resolve("checkpoint");
    assertThat(ckpt.resolve("model.safetensors")).exists();
  }

  @Test
  void aTaeStageStartsFromAnotherRunAndExportsWithEveryStagesCost() throws Exception {
    Path first = dir.resolve("tae1"), second = dir.resolve("tae2"), shipped = dir.resolve("models-tae");
    CliRun a = CliRun.of("train", "tae", "--preset", "tiny", "--steps", "3", "--out", first.toString());
    assertThat(a.code()).as(a.err()).isZero();
    CliRun b = CliRun.of("train", "tae", "--preset", "tiny", "--init", first.toString(), "--lr", "1e-3", "--schedule-steps", "4", "--out", second.toString());
    assertThat(b.code()).as(b.err()).isZero();
    CliRun refused = CliRun.of("train", "tae", "--resume", second.toString(), "--lr", "1e-3");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("a resumed run keeps its own");

    CliRun e = CliRun.of("export", "tae", "--checkpoint", second.toString(), "--earlier-stage", first.toString(), "--out", shipped.toString(),
        "--command", "two stages");
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode m = Json.mapper().readTree(shipped.resolve("MANIFEST.json").toFile());
    assertThat(m.get("stages")).hasSize(2);
    assertThat(m.get("stages").get(0).get("steps").asLong()).isEqualTo(3);
    assertThat(m.get("stages").get(1).get("steps").asLong()).isEqualTo(4);
    assertThat(m.get("cpu_seconds").asDouble())
        .isEqualTo(m.get("stages").get(0).get("cpu_seconds").asDouble() + m.get("stages").get(1).get("cpu_seconds").asDouble());
    assertThat(m.get("sha256").get("model.safetensors").asText()).isEqualTo(ExportCommand.sha256(shipped.resolve("model.safetensors")));
    try (var mm = ai.djl.ndarray.NDManager.newBaseManager()) {
      assertThat(dev.mediagen.video.TaeCheckpoint.model(shipped, mm).parameterCount()).isPositive(); // the export loads
    }
  }

  @Test
  void sameSeedGivesIdenticalBytesAndOtherSeedsDiffer() throws Exception {
    Path a = dir.resolve("a.png"), b = dir.resolve("b.png"), c = dir.resolve("c.png");
    for (Path p : new Path[] {a, b}) {
      assertThat(CliRun.of("generate", "--prompt", "a small red circle in the center", "--steps", "4", "--seed", "3",
          "--checkpoint", ckpt.toString(), "--out", p.toString()).code()).isZero();
    }
    CliRun.of("generate", "--prompt", "a small red circle in the center", "--steps", "4", "--seed", "4",
        "--checkpoint", ckpt.toString(), "--out", c.toString());
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).isNotEqualTo(Files.readAllBytes(c));
    CliRun check = CliRun.of("check", a.toString(), "--json", "--canvas", "16");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(Json.mapper().readTree(check.out()).has("objects")).isTrue();
  }

  @Test
  void videosAsGif() throws Exception {
    Path g = dir.resolve("clip.gif");
    CliRun r = CliRun.of("generate", "--prompt", "a blue square moving right", "--frames", "4", "--fps", "4", "--steps", "3",
        "--checkpoint", ckpt.toString(), "--out", g.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dev.mediagen.io.GifWriter.readFrames(g)).hasSize(4);
  }

  @Test
  void benchGenerateTimesEachRunAndKeepsTheClipsWhenAsked() throws Exception {
    Path clips = dir.resolve("bench-clips");
    CliRun r = CliRun.of("bench", "generate", "--checkpoint", ckpt.toString(), "--frames", "4", "--steps", "2",
        "--iterations", "3", "--out", clips.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("frames=4 steps=2").containsPattern("runs_ms=\\d+,\\d+,\\d+\\n")
        .containsPattern("median_ms=[0-9.]+ min_ms=[0-9.]+");
    // the warm-up and three timed clips, each a 4-frame GIF
    assertThat(clips.resolve("clip-0.gif")).exists();
    assertThat(dev.mediagen.io.GifWriter.readFrames(clips.resolve("clip-3.gif"))).hasSize(4);
    CliRun bad = CliRun.of("bench", "generate", "--checkpoint", ckpt.toString(), "--iterations", "0");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--iterations 0 must be in [1, 1000]");
  }

  @Test
  void badInputFailsWithTheValueAndTheAllowedRange() {
    String ck = ckpt.toString();
    Path out = dir.resolve("bad.png");
    assertThat(CliRun.of("generate", "--prompt", "  ", "--checkpoint", ck, "--out", out.toString()))
        .satisfies(r -> assertThat(r.code()).isNotZero());
    CliRun size = CliRun.of("generate", "--prompt", "a red circle", "--size", "24", "--checkpoint", ck, "--out", out.toString());
    assertThat(size.code()).isEqualTo(2);
    assertThat(size.err()).contains("size 24").contains("allowed: [16]");
    CliRun frames = CliRun.of("generate", "--prompt", "a red circle", "--frames", "9", "--checkpoint", ck, "--out", dir.resolve("x.gif").toString());
    assertThat(frames.err()).contains("frames 9 must be in [1, 4]");
    CliRun fps = CliRun.of("generate", "--prompt", "a red circle", "--frames", "4", "--fps", "7", "--checkpoint", ck, "--out", dir.resolve("x.gif").toString());
    assertThat(fps.err()).contains("fps 7").contains("[2, 4]");
    CliRun missing = CliRun.of("generate", "--prompt", "a red circle", "--checkpoint", dir.resolve("nope").toString(), "--out", out.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("is not a checkpoint");
    CliRun ext = CliRun.of("generate", "--prompt", "a red circle", "--checkpoint", ck, "--out", dir.resolve("x.jpg").toString());
    assertThat(ext.err()).contains("[.png, .gif, .mp4]");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("x.gif")).doesNotExist();
  }

  @Test
  void overLongPromptsAndUnwritableOutputsAreRejectedBeforeAnyWork() throws Exception {
    String ck = ckpt.toString();
    CliRun longPrompt = CliRun.of("generate", "--prompt", "red ".repeat(80), "--checkpoint", ck, "--out", dir.resolve("l.png").toString());
    assertThat(longPrompt.code()).isEqualTo(2);
    assertThat(longPrompt.err()).contains("80").contains("words");
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file, not a directory");
    CliRun unwritable = CliRun.of("generate", "--prompt", "a red circle", "--checkpoint", ck, "--out", blocker.resolve("o.png").toString());
    assertThat(unwritable.code()).isEqualTo(1);
    assertThat(unwritable.err()).contains(blocker.toString());
  }

  @Test
  void unknownWordsDoNotCrash() {
    CliRun r = CliRun.of("generate", "--prompt", "a zorbly quux circle über 🙂", "--steps", "2", "--checkpoint", ckpt.toString(),
        "--out", dir.resolve("u.png").toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void corruptCheckpointIsReportedNotTrusted() throws Exception {
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    for (Path f : Files.list(ckpt).toList()) Files.copy(f, broken.resolve(f.getFileName()));
    Files.write(broken.resolve("model.safetensors"), new byte[] {1, 2, 3});
    CliRun r = CliRun.of("generate", "--prompt", "a red circle", "--checkpoint", broken.toString(), "--out", dir.resolve("y.png").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("model.safetensors");
  }

  @Test
  void evalWritesBothSectionsAndAReport() throws Exception {
    Path json = dir.resolve("eval.json");
    CliRun r = CliRun.of("eval", "video", "--checkpoint", ckpt.toString(), "--images", "4", "--videos", "2", "--steps", "3",
        "--json", json.toString(), "--report", dir.resolve("report").toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = Json.readTree(json);
    for (String section : new String[] {"seen", "unseen"}) {
      for (String k : new String[] {"colour", "shape", "count", "position", "motion", "overall"}) {
        assertThat(doc.get(section).get(k).asDouble()).isBetween(0.0, 1.0);
      }
      assertThat(doc.get(section).get("images").asInt()).isEqualTo(4);
    }
    assertThat(doc.get("validation_fm_loss").asDouble()).isPositive();
    assertThat(dir.resolve("report").resolve("index.html")).exists();
    assertThat(dir.resolve("report").resolve("accuracy.png")).exists();
  }

  @Test
  void aResumedCurveReusesTheSnapshotsItHasAndEvaluatesTheRest() throws Exception {
    Path runDir = dir.resolve("curve-run");
    Path first = runDir.resolve("snapshots").resolve("cpu-0001min");
    Files.createDirectories(first);
    for (Path f : Files.list(ckpt).toList()) Files.copy(f, first.resolve(f.getFileName()));
    Path json = dir.resolve("curve.json");
    String[] args = {"eval", "curve", "--run", runDir.toString(), "--json", json.toString(), "--images", "2", "--videos", "1", "--steps", "2"};
    CliRun a = CliRun.of(args);
    assertThat(a.code()).as(a.err()).isZero();
    Path second = runDir.resolve("snapshots").resolve("cpu-0002min");
    Files.createDirectories(second);
    for (Path f : Files.list(ckpt).toList()) Files.copy(f, second.resolve(f.getFileName()));
    JsonNode before = Json.readTree(json).get("points").get(0);
    CliRun b = CliRun.of(args);
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.err()).contains("cpu-0001min already in").doesNotContain("cpu-0002min already in");
    JsonNode after = Json.readTree(json).get("points");
    assertThat(after).hasSize(2);
    assertThat(after.get(0).get("seconds")).isEqualTo(before.get("seconds")); // the stored point, not a new evaluation
    CliRun c = CliRun.of("eval", "curve", "--run", runDir.toString(), "--json", json.toString(), "--images", "3", "--videos", "1", "--steps", "2");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.err()).doesNotContain("already in"); // other settings: everything is evaluated again
  }

  @Test
  void aFineTuningStageTakesItsOwnScheduleFromTheInitCheckpoint() throws Exception {
    Path stage = dir.resolve("stage");
    CliRun r = CliRun.of("train", "video", "--preset", "tiny", "--init", ckpt.toString(), "--out", stage.toString(), "--video-every", "1",
        "--video-batch", "3", "--lr", "1e-4", "--warmup", "2", "--schedule-steps", "4");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode train = Json.readTree(stage.resolve("checkpoint").resolve("config.json")).get("train");
    assertThat(train.get("videoEvery").asInt()).isEqualTo(1);
    assertThat(train.get("videoBatch").asInt()).isEqualTo(3);
    assertThat(train.get("lr").floatValue()).isEqualTo(1e-4f);
    assertThat(train.get("totalSteps").asLong()).isEqualTo(4);
    assertThat(Json.readTree(stage.resolve("checkpoint").resolve("state.json")).get("step").asLong()).isEqualTo(4);
    CliRun resumed = CliRun.of("train", "video", "--resume", stage.toString(), "--lr", "1e-3");
    assertThat(resumed.code()).isNotZero();
    assertThat(resumed.err()).contains("a resumed run keeps its own");
    // the export of a stage counts the CPU time of the run it started from
    Path shipped = dir.resolve("models-stage");
    CliRun e = CliRun.of("export", "video", "--checkpoint", stage.toString(), "--earlier-stage", ckpt.toString(), "--out", shipped.toString());
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode m = Json.mapper().readTree(shipped.resolve("MANIFEST.json").toFile());
    assertThat(m.get("model").asText()).startsWith("text-to-video");
    assertThat(m.get("stages")).hasSize(2);
    assertThat(m.get("stages").get(0).get("steps").asLong()).isEqualTo(12);
    assertThat(m.get("cpu_seconds").asDouble())
        .isEqualTo(m.get("stages").get(0).get("cpu_seconds").asDouble() + m.get("stages").get(1).get("cpu_seconds").asDouble());
  }
}
