package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.mediagen.coref.ConllReader;
import dev.mediagen.coref.CorefCheckpoint;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.CorefTrainConfig;
import dev.mediagen.coref.Mention;
import dev.mediagen.coref.PlainText;
import dev.mediagen.coref.S2eCoref;
import dev.mediagen.coref.S2eConfig;
import dev.mediagen.coref.WordStates;
import dev.mediagen.coref.WordStatesConfig;
import dev.mediagen.train.Weights;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code coref predict / eval / train} with a small random-weight checkpoint (no training). */
class CorefModelCommandsTest {
  @TempDir static Path tmp;
  static Path checkpoint;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A random-weight s2e over MiniLM states, saved as a checkpoint. */
  @BeforeAll
  static void saveCheckpoint() throws IOException {
    S2eConfig model = new S2eConfig(WordStates.DIM, 16, 1, 2, 32, 8, 16, 0f, 5, 0.4f, 1f);
    checkpoint = tmp.resolve("ckpt");
    try (NDManager m = NDManager.newBaseManager()) {
      S2eCoref s2e = new S2eCoref(model);
      s2e.initialize(m, 5);
      CorefCheckpoint.save(checkpoint,
          new CorefCheckpoint.Config("mediagen-coref-s2e-1", model, WordStatesConfig.defaults(), CorefTrainConfig.tiny()),
          new CorefCheckpoint.State(0, 0, 0, Double.NaN, List.of(), Double.NaN, -1), Weights.snapshot(s2e, m), null,
          null, true);
    }
  }

  private int run(String... args) {
    return CliRun.into(new CommandLine(new Main()), out, err, args);
  }

  @Test
  void predictOnPlainTextWritesCoNllThatReadsBack() throws IOException {
    String text = "Mr. Darcy looked at Elizabeth. She smiled at him, and he bowed.\n\nThe end.";
    Path in = Files.writeString(tmp.resolve("story one.txt"), text);
    Path conll = tmp.resolve("out/story.conll");
    int code = run("coref", "predict", in.toString(), "--out", conll.toString(), "--checkpoint", checkpoint.toString());
    assertThat(code).as(err.toString()).isZero();
    List<CorefDocument> docs = ConllReader.read(conll);
    assertThat(docs).hasSize(1);
    CorefDocument d = docs.get(0);
    assertThat(d.docId()).isEqualTo("story_one");
    assertThat(d.sentences()).isEqualTo(PlainText.sentences(text));
    for (List<Mention> c : d.clusters()) {
      for (Mention mention : c) {
        assertThat(mention.end()).isLessThan(d.tokenCount());
      }
    }
    assertThat(out.toString()).contains("1 document(s), 18 tokens");
  }

  @Test
  void predictHandlesTextLongerThanTheEncoderWindow() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 140; i++) {
      sb.append("The old sailor told his story again. ");
    }
    Path in = Files.writeString(tmp.resolve("long.txt"), sb.toString()); // 1,120 tokens > 512 pieces
    Path conll = tmp.resolve("long.conll");
    assertThat(run("coref", "predict", in.toString(), "--out", conll.toString(), "--checkpoint",
        checkpoint.toString())).as(err.toString()).isZero();
    assertThat(ConllReader.read(conll).get(0).tokenCount()).isEqualTo(140 * 8);
  }

  @Test
  void predictOnCoNllKeepsItsColumns() throws IOException {
    String conllIn = """
        #begin document (d); part 000
        d\t0\t0\tAnn\t_\t(0)
        d\t0\t1\tsaw\t_\t-
        d\t0\t2\therself\t_\t(0)

        #end document
        """;
    Path in = Files.writeString(tmp.resolve("in.conll"), conllIn);
    Path conll = tmp.resolve("pred.conll");
    assertThat(run("coref", "predict", in.toString(), "--out", conll.toString(), "--checkpoint",
        checkpoint.toString())).as(err.toString()).isZero();
    CorefDocument d = ConllReader.read(conll).get(0);
    assertThat(d.tokens()).containsExactly("Ann", "saw", "herself");
    assertThat(d.lines().get(1).toString()).startsWith("d\t0\t1\tsaw\t_\t");
  }

  @Test
  void badInputsFailWithClearMessages() throws IOException {
    Path broken = Files.writeString(tmp.resolve("broken.conll"), "#begin document (x); part 000\nx\t0\t0\ta\t_\t3)\n");
    assertThat(run("coref", "predict", broken.toString(), "--out", tmp.resolve("b.conll").toString(),
        "--checkpoint", checkpoint.toString())).isNotZero();
    assertThat(err.toString()).contains(broken + ":2: closing bracket '3)'");
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "  \n ");
    assertThat(run("coref", "predict", empty.toString(), "--out", tmp.resolve("e.conll").toString(),
        "--checkpoint", checkpoint.toString())).isNotZero();
    assertThat(err.toString()).contains("no tokens");
    assertThat(run("coref", "predict", tmp.resolve("missing.txt").toString(), "--out", tmp.resolve("m.conll").toString(),
        "--checkpoint", checkpoint.toString())).isNotZero();
    assertThat(err.toString()).contains("missing.txt does not exist");
    assertThat(run("coref", "eval", "--split", "validation", "--checkpoint", checkpoint.toString())).isNotZero();
    assertThat(err.toString()).contains("unknown --split 'validation', allowed: train, dev, test");
    assertThat(run("coref", "predict", broken.toString(), "--out", tmp.resolve("c.conll").toString(),
        "--checkpoint", tmp.toString())).isNotZero();
    assertThat(err.toString()).contains("is not an s2e checkpoint");
    assertThat(run("coref", "train", "--preset", "huge")).isNotZero();
    assertThat(err.toString()).contains("unknown --preset 'huge', allowed: litbank, smoke");
    assertThat(run("coref", "memory", "--model", "c2f", "--tokens", "100")).isNotZero();
    assertThat(err.toString()).contains("unknown model 'c2f', allowed: s2e, span");
  }
}
