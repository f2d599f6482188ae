package dev.mediagen.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {

  /** Default limits, cache off: every call really runs the model. */
  static MiniLmEncoder encoder;

  /** maxTokens 16, a 2-entry cache, one ORT thread. */
  static MiniLmEncoder cached;

  @BeforeAll
  static void load() {
    encoder = new MiniLmEncoder(MiniLmConfig.defaults().withCacheSize(0));
    cached = new MiniLmEncoder(new MiniLmConfig(16, 2, 1));
  }

  @AfterAll
  static void close() {
    encoder.close();
    cached.close();
  }

  @Test
  void pooledEqualsLangchain4jEmbedding() {
    AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
    for (String s :
        List.of(
            "A red circle moves to the left.",
            "a large green striped square bounces on a blue background",
            "The quick brown fox jumps over the lazy dog",
            "Two small triangles, one yellow and one purple, stay still.")) {
      float[] expected = reference.embed(s).content().vector();
      float[] actual = encoder.pooled(s);
      assertThat(actual).hasSize(384);
      assertThat(cosine(actual, expected)).as(s).isGreaterThan(0.9999);
      assertThat(actual).as(s).containsExactly(expected, within(1e-5f));
      assertThat(norm(actual)).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void tokenStatesHaveBatchShapeLengthsAndZeroPadding() {
    List<String> texts =
        List.of("a red circle", "the large green striped square moves left quickly");
    TokenStates s = encoder.encode(texts);
    // "a red circle" -> [CLS] a red circle [SEP]
    assertThat(encoder.tokens(texts.get(0)))
        .containsExactly("[CLS]", "a", "red", "circle", "[SEP]");
    assertThat(s.batch()).isEqualTo(2);
    assertThat(s.dim()).isEqualTo(384);
    assertThat(s.lengths()).containsExactly(5, encoder.countTokens(texts.get(1)));
    assertThat(s.lengths()[1]).isEqualTo(10); // 8 words + [CLS] + [SEP], all in BERT's vocabulary
    assertThat(s.maxLen()).isEqualTo(10);
    assertThat(s.states()).hasSize(2 * 10 * 384);
    for (int t = 5; t < 10; t++) {
      for (int d = 0; d < 384; d++) {
        assertThat(s.get(0, t, d)).isZero();
      }
    }
    float[] first = s.item(0);
    assertThat(first).hasSize(5 * 384);
    double energy = 0;
    for (float x : first) {
      assertThat(Float.isFinite(x)).isTrue();
      energy += x * x;
    }
    assertThat(energy).isGreaterThan(1.0); // real states, not zeros
  }

  @Test
  void relatedSentencesAreCloserThanUnrelatedOnes() {
    float[] a = encoder.pooled("A red circle moves to the left");
    float[] related = encoder.pooled("A red ball rolls leftwards");
    float[] unrelated = encoder.pooled("Quarterly tax filings are due next month");
    assertThat(cosine(a, related)).isGreaterThan(cosine(a, unrelated) + 0.3);
  }

  @Test
  void oddInputsEncodeWithoutCrashing() {
    List<String> odd = List.of("zxqv blorp", "🎉🎉 party", "1234567 42 3.14", "", "   ", "ÄÖÜ ß ñ");
    TokenStates s = encoder.encode(odd);
    assertThat(encoder.tokens("🎉")).containsExactly("[CLS]", "[UNK]", "[SEP]");
    assertThat(encoder.tokens("")).containsExactly("[CLS]", "[SEP]");
    assertThat(s.lengths()[3]).isEqualTo(2);
    for (int b = 0; b < odd.size(); b++) {
      assertThat(s.lengths()[b])
          .isEqualTo(encoder.countTokens(odd.get(b)))
          .isGreaterThanOrEqualTo(2);
    }
    for (float x : s.states()) {
      assertThat(Float.isFinite(x)).isTrue();
    }
  }

  @Test
  void overLongTextIsRejectedWithCountAndLimitNeverTruncated() {
    String longText = "word ".repeat(100); // 100 tokens + [CLS] + [SEP]
    assertThat(encoder.countTokens(longText)).isEqualTo(102);
    assertThat(encoder.countTokens("word ".repeat(300)))
        .isEqualTo(302); // tokenizer.json's 128 cap is off
    assertThatThrownBy(() -> encoder.encode(List.of("fine", longText)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("102 MiniLM tokens")
        .hasMessageContaining("maxTokens 64");
    String words =
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
    assertThat(cached.encode(List.of(words)).lengths())
        .containsExactly(16); // 14 words + 2: at limit
    assertThatThrownBy(() -> cached.encode(List.of(words + " fifteen")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("17 MiniLM tokens")
        .hasMessageContaining("maxTokens 16");
    assertThatThrownBy(() -> new MiniLmConfig(513, 0, 0))
        .hasMessageContaining("maxTokens 513")
        .hasMessageContaining("[3, 512]");
  }

  @Test
  void batchedPaddedAndSingleStatesAreIdentical() {
    String shortText = "a cat";
    String mid = "a small blue square moves up";
    String longer =
        "a large yellow striped triangle bounces across a dark purple background slowly";
    TokenStates batch = encoder.encode(List.of(longer, mid, shortText));
    assertThat(batch.lengths()[1]).isLessThan(batch.maxLen()); // mid really was padded
    for (int b = 0; b < 3; b++) {
      String text = List.of(longer, mid, shortText).get(b);
      TokenStates single = encoder.encode(List.of(text));
      assertThat(single.maxLen()).isEqualTo(batch.lengths()[b]);
      assertThat(batch.item(b)).as(text).isEqualTo(single.item(0));
    }
    assertThat(encoder.encode(List.of(longer, mid, shortText))).isEqualTo(batch); // deterministic
  }

  @Test
  void cacheServesRepeatsEvictsLeastRecentlyUsedAndMatchesUncached() {
    long hits0 = cached.cacheHits();
    long misses0 = cached.cacheMisses();
    TokenStates first = cached.encode(List.of("red circle", "blue square", "red circle"));
    assertThat(cached.cacheMisses() - misses0).isEqualTo(2); // duplicate in a batch runs once
    assertThat(cached.encode(List.of("blue square")).item(0)).isEqualTo(first.item(1));
    assertThat(cached.cacheHits() - hits0).isEqualTo(1);
    cached.encode(List.of("green triangle")); // cache holds 2: evicts "red circle" (least recent)
    cached.encode(List.of("red circle"));
    assertThat(cached.cacheMisses() - misses0).isEqualTo(4);
    assertThat(first).isEqualTo(encoder.encode(List.of("red circle", "blue square", "red circle")));
  }

  @Test
  void concurrentCallsGiveTheSequentialResults() throws Exception {
    List<String> texts = List.of("a red circle", "two green squares move left", "a purple sign");
    List<TokenStates> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(encoder.encode(List.of(t, "shared caption")));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<TokenStates>> futures = new ArrayList<>();
      for (int rep = 0; rep < 4; rep++) {
        for (String t : texts) {
          futures.add(pool.submit(() -> cached.encode(List.of(t, "shared caption"))));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nullTextFailsClearly() {
    List<String> withNull = new ArrayList<>(List.of("ok"));
    withNull.add(null);
    assertThatThrownBy(() -> encoder.encode(withNull))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text 1 of 2 is null");
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot / (norm(a) * norm(b));
  }

  static double norm(float[] a) {
    double s = 0;
    for (float x : a) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }
}
