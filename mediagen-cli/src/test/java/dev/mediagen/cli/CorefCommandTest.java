package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CorefCommandTest {

  @TempDir Path tmp;

  // the reference scorer's TC-A-2: key {a}{bc}{def}, response {a}{de}
  static final String KEY =
      """
      #begin document (t); part 000
      t\t0\t0\ta\t_\t(0)
      t\t0\t1\tb\t_\t(1)
      t\t0\t2\tc\t_\t(1)
      t\t0\t3\td\t_\t(2)
      t\t0\t4\te\t_\t(2)
      t\t0\t5\tf\t_\t(2)

      #end document
      """;
  static final String RESPONSE =
      """
      #begin document (t); part 000
      t\t0\t0\ta\t_\t(0)
      t\t0\t1\tb\t_\t-
      t\t0\t2\tc\t_\t-
      t\t0\t3\td\t_\t(2)
      t\t0\t4\te\t_\t(2)
      t\t0\t5\tf\t_\t-

      #end document
      """;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.into(new CommandLine(new Main()), out, err, args);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  @Test
  void scoresAndWritesJsonFractions() throws IOException {
    Path json = tmp.resolve("out/scores.json");
    int code =
        run(
            "coref",
            "score",
            "--key",
            file("k.conll", KEY).toString(),
            "--response",
            file("r.conll", RESPONSE).toString(),
            "--json",
            json.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertThat(j.get("muc").get("r").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(j.get("muc").get("p").asDouble()).isEqualTo(1.0);
    assertThat(j.get("bcub").get("f1").asDouble()).isCloseTo(0.56, within(1e-12));
    assertThat(j.get("ceafe").get("r").asDouble()).isCloseTo(0.6, within(1e-12));
    assertThat(j.get("conll_f1").asDouble()).isCloseTo((0.5 + 0.56 + 0.72) / 3, within(1e-12));
    assertThat(j.fieldNames()).toIterable().containsExactly("muc", "bcub", "ceafe", "conll_f1");
    assertThat(out.toString()).contains("MUC").contains("33.33").contains("59.33");
  }

  @Test
  void noSingletonsDropsThem() throws IOException {
    Path json = tmp.resolve("s.json");
    run(
        "coref",
        "score",
        "--key",
        file("k.conll", KEY).toString(),
        "--response",
        file("r.conll", RESPONSE).toString(),
        "--no-singletons",
        "--json",
        json.toString());
    // key {bc}{def}, response {de}: B³ recall (2²/3)/5, precision 1
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertThat(j.get("bcub").get("r").asDouble()).isCloseTo(4.0 / 15, within(1e-12));
    assertThat(j.get("bcub").get("p").asDouble()).isEqualTo(1.0);
  }

  @Test
  void differentTokensNameFileDocumentAndPosition() throws IOException {
    Path k = file("k.conll", KEY);
    Path r = file("r.conll", RESPONSE.replace("\td\t", "\tD\t"));
    int code = run("coref", "score", "--key", k.toString(), "--response", r.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString())
        .contains("document \"t\" part 0")
        .contains("sentence 1, token 4")
        .contains(k + " has 'd', " + r + " has 'D'");
  }

  @Test
  void differentDocumentsAndBadInputFail() throws IOException {
    Path k = file("k.conll", KEY);
    Path other = file("o.conll", RESPONSE.replace("(t)", "(u)"));
    assertThat(run("coref", "score", "--key", k.toString(), "--response", other.toString()))
        .isNotZero();
    assertThat(err.toString()).contains(other + " has no document \"t\" part 0");
    Path broken = file("b.conll", RESPONSE.replace("\te\t_\t(2)", "\te\t_\t7)"));
    assertThat(run("coref", "score", "--key", k.toString(), "--response", broken.toString()))
        .isNotZero();
    assertThat(err.toString()).contains(broken + ":6: closing bracket '7)'");
    assertThat(
            run(
                "coref",
                "score",
                "--key",
                tmp.resolve("none.conll").toString(),
                "--response",
                k.toString()))
        .isNotZero();
    assertThat(err.toString()).contains("--key " + tmp.resolve("none.conll") + " does not exist");
  }

  @Test
  void baselineScoresAndWritesItsPrediction() throws IOException {
    Path pred = tmp.resolve("pred.conll");
    int code =
        run(
            "coref",
            "baseline",
            "--key",
            file("k.conll", KEY).toString(),
            "--method",
            "singletons",
            "--out",
            pred.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("singletons baseline on 1 documents");
    assertThat(Files.readString(pred)).contains("t\t0\t1\tb\t_\t(1)\n");
    assertThat(run("coref", "baseline", "--key", pred.toString(), "--method", "magic")).isNotZero();
    assertThat(err.toString())
        .contains("unknown --method 'magic', allowed: singletons, string-match");
  }
}
