package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every MUC, B³ and CEAF-e expectation of the reference scorer's own test suite ({@code
 * expected.json}: key file, response file, expected recall/precision/F1 per metric; CEAF-m and
 * BLANC are not implemented here and skipped).
 */
class ReferenceScorerCasesTest {

  static Stream<Arguments> cases() throws IOException {
    JsonNode all =
        new ObjectMapper()
            .readTree(Files.readString(CorefTestData.scorerTestFile("expected.json")));
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : all) {
      for (String metric : List.of("muc", "bcub", "ceafe")) {
        JsonNode e = c.get("expected").get(metric);
        if (e != null) {
          out.add(
              Arguments.of(
                  c.get("id").asText(),
                  metric,
                  c.get("key").asText(),
                  c.get("response").asText(),
                  e.get("recall").asDouble(),
                  e.get("precision").asDouble(),
                  e.get("f1").asDouble()));
        }
      }
    }
    return out.stream();
  }

  @Test
  void theSuiteHasTheCasesWeExpect() throws IOException {
    // A1–A9 and M1 have all three metrics, A10–A13, D1, E1 MUC and B³, the rest MUC only
    assertThat(cases().count()).isEqualTo(54);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void matchesTheReferenceScorer(
      String id,
      String metric,
      String keyFile,
      String responseFile,
      double recall,
      double precision,
      double f1)
      throws IOException {
    List<CorefDocument> key = ConllReader.read(CorefTestData.scorerTestFile(keyFile));
    List<CorefDocument> response = ConllReader.read(CorefTestData.scorerTestFile(responseFile));
    Scores s = CorefScorer.score(key, response);
    Prf got =
        switch (metric) {
          case "muc" -> s.muc();
          case "bcub" -> s.bcub();
          default -> s.ceafe();
        };
    assertThat(got.r()).as("recall").isCloseTo(recall, within(1e-4));
    assertThat(got.p()).as("precision").isCloseTo(precision, within(1e-4));
    assertThat(got.f1()).as("F1").isCloseTo(f1, within(1e-4));
  }
}
