package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
  @TempDir Path dir;

  record Inner(String kind, List<Integer> sizes) {}

  record Config(
      String name, int depth, double lr, float scale, Map<String, Integer> extra, Inner inner) {
    Config {
      if (depth < 1) {
        throw new IllegalArgumentException("depth " + depth + " must be >= 1");
      }
    }
  }

  @Test
  void writesSortedPrettyDeterministicJson() throws IOException {
    Map<String, Integer> extra = new HashMap<>();
    extra.put("zeta", 2);
    extra.put("alpha", 1);
    Config c =
        new Config(
            "tiny", 4, Double.NaN, Float.POSITIVE_INFINITY, extra, new Inner("dit", List.of(1, 2)));
    String expected =
        String.join(
            "\n",
            "{",
            "  \"depth\": 4,",
            "  \"extra\": {",
            "    \"alpha\": 1,",
            "    \"zeta\": 2",
            "  },",
            "  \"inner\": {",
            "    \"kind\": \"dit\",",
            "    \"sizes\": [",
            "      1,",
            "      2",
            "    ]",
            "  },",
            "  \"lr\": \"NaN\",",
            "  \"name\": \"tiny\",",
            "  \"scale\": \"Infinity\"",
            "}",
            "");
    assertThat(Json.toJson(c)).isEqualTo(expected);
    Path f = dir.resolve("cfg/config.json");
    Json.write(f, c);
    assertThat(Files.readString(f)).isEqualTo(expected);
    Config back = Json.read(f, Config.class);
    assertThat(back.lr()).isNaN();
    assertThat(back.scale()).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(back.extra()).isEqualTo(extra);
    assertThat(back.inner()).isEqualTo(c.inner());
    assertThat(Json.readTree(f).get("inner").get("sizes").get(1).intValue()).isEqualTo(2);
  }

  @Test
  void readsPythonStyleBareNaN() throws IOException {
    JsonNode n = Json.mapper().readTree("{\"loss\": NaN, \"best\": -Infinity}");
    assertThat(n.get("loss").doubleValue()).isNaN();
    assertThat(n.get("best").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void errorsNameTheFileAndTheProblem() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(
        f,
        "{\"name\":\"x\",\"depth\":2,\"lr\":0.1,\"scale\":1,\"extra\":{},\"inner\":null,\"typo\":1}");
    assertThatThrownBy(() -> Json.read(f, Config.class))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("typo");
    Files.writeString(
        f, "{\"name\":\"x\",\"depth\":0,\"lr\":0.1,\"scale\":1,\"extra\":{},\"inner\":null}");
    assertThatThrownBy(() -> Json.read(f, Config.class))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("depth 0 must be >= 1"); // the record's own validation ran
    Files.writeString(f, "{\"a\": [1, 2}");
    assertThatThrownBy(() -> Json.readTree(f))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> Json.readTree(dir.resolve("none.json")))
        .hasMessageContaining("no such file");
  }
}
