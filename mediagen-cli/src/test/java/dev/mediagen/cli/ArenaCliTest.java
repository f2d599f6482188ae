package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.arena.gen.ShapesBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mediagen arena ...} and {@code mediagen pickscore ...} end to end at toy sizes. */
class ArenaCliTest {
  @TempDir Path tmp;

  @Test
  void arenaStartsPrintsItsUrlAndExportsAnEmptyDatabase() throws Exception {
    Path db = tmp.resolve("arena.db");
    CliRun serve = CliRun.of("arena", "--db", db.toString(), "--port", "0", "--exit-after", "0.5");
    assertThat(serve.code()).as(serve.err()).isZero();
    assertThat(serve.out()).containsPattern("open http://127\\.0\\.0\\.1:\\d+/");
    CliRun export = CliRun.of("arena", "export", "--db", db.toString(), "--format", "jsonl", tmp.resolve("export").toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(tmp.resolve("export/export.json")).exists();
    CliRun bad = CliRun.of("arena", "export", "--db", db.toString(), "--format", "csv", tmp.resolve("x").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--format csv must be parquet or jsonl");
  }

  @Test
  void pickscoreTrainsSavesAndScores() throws Exception {
    Path model = tmp.resolve("ps.safetensors");
    CliRun train = CliRun.of("pickscore", "train", "--simulated-users", "2", "--pairs-per-user", "4", "--pretrain-steps", "3", "--finetune-steps", "3",
        "--batch", "8", "--out", model.toString());
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.out()).contains("8 training pairs").contains("saved");
    ShapesBackend exact = new ShapesBackend("exact", 0, 0, 32);
    ShapesBackend bad = new ShapesBackend("bad", 0.9, 0.1, 32);
    String prompt = "a large red circle in the top left";
    ImageIO.write(exact.generate(prompt, 1, null), "png", tmp.resolve("a.png").toFile());
    ImageIO.write(bad.generate(prompt, 2, null), "png", tmp.resolve("b.png").toFile());
    CliRun score = CliRun.of("pickscore", "score", "--model", model.toString(), "--prompt", prompt, tmp.resolve("a.png").toString(), tmp.resolve("b.png").toString());
    assertThat(score.code()).as(score.err()).isZero();
    assertThat(score.out().strip().split("\n")).hasSize(2);
    assertThat(Files.exists(model)).isTrue();

    // generate --best-of: the shipped checkpoint, 3 seeds, the one PickScore prefers is written
    Path png = tmp.resolve("best.png");
    String ckpt = Path.of("../models/t2v-small").toAbsolutePath().normalize().toString();
    CliRun best = CliRun.of("generate", "--prompt", "a small red circle in the center", "--steps", "2", "--best-of", "3", "--pickscore", model.toString(),
        "--checkpoint", ckpt, "--out", png.toString());
    assertThat(best.code()).as(best.err()).isZero();
    assertThat(png).exists();
    CliRun missing = CliRun.of("generate", "--prompt", "a red circle", "--best-of", "2", "--pickscore", tmp.resolve("none").toString(), "--checkpoint", ckpt,
        "--out", png.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("needs a PickScore model");
  }
}
