package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.qa.MrqaReader;
import dev.mediagen.sweep.ResultsStore;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code qa data / pretrain / finetune / eval / fewshot} end to end with the tiny preset and a few
 * steps each (seconds): the commands wire the library correctly, not that the model learns.
 */
class QaCommandTest {
  @TempDir static Path tmp;
  static Path rss;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.into(new CommandLine(new Main()), out, err, args);
  }

  private static Path litbank() {
    // the module runs in mediagen-cli/; the data lives at the repository root
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.isDirectory(here.resolve("data")) ? here : here.getParent();
    return root.resolve("data").resolve("litbank").resolve("coref").resolve("conll");
  }

  @BeforeAll
  static void pretrain() {
    rss = tmp.resolve("rss");
    StringWriter e = new StringWriter();
    int code = CliRun.into(new CommandLine(new Main()), new StringWriter(), e, "qa", "pretrain", "--preset", "tiny", "--steps", "3", "--documents", "4",
        "--data", litbank().toString(), "--out", rss.toString());
    assertThat(code).as(e.toString()).isZero();
  }

  @Test
  void pretrainResumesToMoreSteps() {
    Path copy = tmp.resolve("rss-resume");
    int code = run("qa", "pretrain", "--preset", "tiny", "--steps", "2", "--documents", "4",
        "--data", litbank().toString(), "--out", copy.toString());
    assertThat(code).as(err.toString()).isZero();
    code = run("qa", "pretrain", "--resume", copy.toString(), "--steps", "4", "--documents", "4",
        "--data", litbank().toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("step 4 ").contains("RSS dev span accuracy");
    // without --documents the resumed run reads its own data recipe (4 documents, not the default 40,000)
    String first = err.toString().lines().filter(l -> l.contains("train /")).findFirst().orElseThrow();
    err.getBuffer().setLength(0);
    code = run("qa", "pretrain", "--resume", copy.toString(), "--steps", "5", "--data", litbank().toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains(first.substring(first.indexOf(" into ")));
    // a different value is refused, naming both
    code = run("qa", "pretrain", "--resume", copy.toString(), "--steps", "6", "--documents", "5",
        "--data", litbank().toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--documents 5 differs from the resumed run's 4");
  }

  @Test
  void dupeFactorMasksEachPassageAgainAndIsKeptForResume() {
    Path once = tmp.resolve("rss-dupe1");
    Path twice = tmp.resolve("rss-dupe2");
    String[] common = {"qa", "pretrain", "--preset", "tiny", "--steps", "1", "--documents", "4", "--data", litbank().toString()};
    assertThat(run(concat(common, "--out", once.toString()))).as(err.toString()).isZero();
    assertThat(run(concat(common, "--dupe-factor", "2", "--out", twice.toString()))).as(err.toString()).isZero();
    java.util.List<Integer> counts = err.toString().lines().filter(l -> l.contains(" train / "))
        .map(l -> Integer.parseInt(l.replaceAll(".*: (\\d+) train / .*", "$1"))).toList();
    assertThat(counts).hasSize(2);
    assertThat(counts.get(1)).isGreaterThan(counts.get(0) * 3 / 2); // about twice (the dev passages are not copied)
    err.getBuffer().setLength(0);
    assertThat(run("qa", "pretrain", "--resume", twice.toString(), "--steps", "2", "--dupe-factor", "3",
        "--data", litbank().toString())).isNotZero();
    assertThat(err.toString()).contains("--dupe-factor 3 differs from the resumed run's 2");
    assertThat(run(concat(common, "--dupe-factor", "0", "--out", tmp.resolve("bad-dupe").toString()))).isNotZero();
    assertThat(err.toString()).contains("--dupe-factor 0 is outside [1, 20]");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void finetuneThenEvalScoresTheTestSplit() throws IOException {
    Path ft = tmp.resolve("ft");
    int code = run("qa", "finetune", "--pretrained", rss.toString(), "--shots", "16", "--min-steps", "2",
        "--max-steps", "2", "--test", "8", "--out", ft.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("test (8 generated questions): EM");
    Path preds = tmp.resolve("preds.json");
    code = run("qa", "eval", "--checkpoint", ft.toString(), "--test", "8", "--predictions", preds.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("FactWorld test: 8 questions");
    assertThat(Files.readString(preds)).contains("test-000000-0");
  }

  @Test
  void evalScoresAnRssCheckpointZeroShot() {
    int code = run("qa", "eval", "--checkpoint", rss.toString(), "--test", "4");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("FactWorld test (zero-shot: RSS checkpoint, no fine-tuning): 4 questions");
  }

  @Test
  void fewShotStudyWritesTableAndPlotAndResumes() throws IOException {
    Path study = tmp.resolve("study");
    String[] args = {"qa", "fewshot", "--pretrained", rss.toString(), "--sizes", "16", "--seeds", "42",
        "--variants", "splinter,qass-scratch", "--min-steps", "2", "--max-steps", "2", "--test", "8",
        "--out", study.toString()};
    assertThat(run(args)).as(err.toString()).isZero();
    assertThat(Files.readString(study.resolve("summary.md"))).contains("| splinter | 16 | 1 |")
        .contains("| qass-scratch | 16 | 1 |");
    assertThat(study.resolve("fewshot-f1.png")).isNotEmptyFile();
    var summary = dev.mediagen.io.Json.readTree(study.resolve("summary.json"));
    assertThat(summary.at("/splinter/16/seeds").asDouble()).isEqualTo(1.0);
    assertThat(summary.at("/splinter/16/f1_gain").asDouble())
        .isCloseTo(summary.at("/splinter/16/f1").asDouble() - summary.at("/qass-scratch/16/f1").asDouble(),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ResultsStore.open(study.resolve("results.jsonl")).results()).hasSize(2);
    // a second run finds every cell done and trains nothing
    assertThat(run(args)).as(err.toString()).isZero();
    assertThat(ResultsStore.open(study.resolve("results.jsonl")).results()).hasSize(2);
  }

  @Test
  void exportWritesAnF16CopyThatScoresAsTheOriginal() throws IOException {
    Path shipped = tmp.resolve("shipped");
    int code = run("export", "qa", "--checkpoint", rss.toString(), "--command", "qa pretrain --preset tiny",
        "--out", shipped.toString());
    assertThat(code).as(err.toString()).isZero();
    var manifest = dev.mediagen.io.Json.readTree(shipped.resolve("MANIFEST.json"));
    assertThat(manifest.get("steps").asLong()).isEqualTo(3);
    assertThat(manifest.get("sha256").get("model.safetensors").asText()).hasSize(64);
    assertThat(manifest.get("pretraining_data")).isNotNull();
    assertThat(shipped.resolve("train-state.safetensors")).doesNotExist();
    assertThat(Files.size(shipped.resolve("model.safetensors")))
        .isLessThan(Files.size(rss.resolve("checkpoint").resolve("model.safetensors")) * 6 / 10);
    // the copy answers like the original (F16 rounding moves no argmax on a few questions)
    out.getBuffer().setLength(0);
    assertThat(run("qa", "eval", "--checkpoint", rss.toString(), "--test", "8")).isZero();
    String original = out.toString().lines().filter(l -> l.contains(" EM ")).findFirst().orElseThrow();
    out.getBuffer().setLength(0);
    assertThat(run("qa", "eval", "--checkpoint", shipped.toString(), "--test", "8")).as(err.toString()).isZero();
    assertThat(out.toString()).contains(original.substring(original.indexOf(':')));
  }

  @Test
  void fewShotRejectsSizesBeyondThePool() {
    int code = run("qa", "fewshot", "--pretrained", rss.toString(), "--sizes", "99999", "--out",
        tmp.resolve("bad").toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("exceeds the train pool");
  }

  @Test
  void dataWritesMrqaFilesThatReadBack() throws IOException {
    Path dir = tmp.resolve("data");
    int code = run("qa", "data", "--out", dir.toString(), "--dev", "8", "--test", "8");
    assertThat(code).as(err.toString()).isZero();
    assertThat(MrqaReader.read(dir.resolve("FactWorld-test.jsonl")).questionCount()).isEqualTo(8);
    assertThat(MrqaReader.read(dir.resolve("FactWorld-train-seed-42-num-examples-16.jsonl")).questionCount())
        .isEqualTo(16);
  }
}
