package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Tensors;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S2eBlocksTest {
  NDManager m;
  ParameterStore ps;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
    ps = new ParameterStore(m, false);
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  NDArray random(long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    Shape s = new Shape(java.util.Arrays.stream(shape).asLongStream().toArray());
    float[] v = new float[Math.toIntExact(s.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Tensors.floats(m, v, s);
  }

  NDArray of(float[] v, long... shape) {
    return Tensors.floats(m, v, new Shape(shape));
  }

  /** Overwrites the named parameters of {@code module} with hand-set values. */
  void set(Module module, Map<String, float[]> values) {
    values.forEach((name, v) -> {
      Module.Param p = module.namedParameters().get(name);
      assertThat(p).as(name).isNotNull();
      Tensors.floats(m, v, p.shape()).copyTo(p.array());
    });
  }

  @Test
  void fcHeadShapeAndNormalisedOutput() {
    FcHead head = new FcHead(8, 6, 0.3f);
    head.initialize(m, 1);
    NDArray y = head.forward(ps, random(2, 5, 8), false, null); // no dropout at evaluation
    assertThat(y.getShape()).isEqualTo(new Shape(5, 6));
    // LayerNorm with unit gain and zero bias: every row has mean 0 and variance ~1
    float[] v = y.toFloatArray();
    for (int r = 0; r < 5; r++) {
      double mean = 0;
      double var = 0;
      for (int c = 0; c < 6; c++) {
        mean += v[r * 6 + c] / 6.0;
      }
      for (int c = 0; c < 6; c++) {
        var += Math.pow(v[r * 6 + c] - mean, 2) / 6.0;
      }
      assertThat(mean).isCloseTo(0, within(1e-5));
      assertThat(var).isCloseTo(1, within(1e-2));
    }
    // dropout at rate 0.3 zeroes about 30% of the entries
    NDArray d = head.forward(ps, random(2, 50, 8), true, new SplittableRandom(3));
    long zeros = java.util.stream.IntStream.range(0, 300).filter(i -> d.toFloatArray()[i] == 0f).count();
    assertThat(zeros).isBetween(60L, 120L);
  }

  @Test
  void documentEncoderShapesLocalAndFull() {
    for (int block : new int[] {0, 4}) {
      S2eConfig c = new S2eConfig(8, 16, 2, 2, 32, block, 16, 0f, 4, 0.4f, 0f);
      DocumentEncoder enc = new DocumentEncoder(c);
      enc.initialize(m, 1);
      for (int t : new int[] {1, 3, 4, 11}) {
        assertThat(enc.forward(ps, random(t, t, 8), 0, false, null).getShape()).isEqualTo(new Shape(t, 16));
      }
    }
  }

  @Test
  void localAttentionSeesOnlyItsBlock() {
    // one unshifted layer with blocks of 4: changing token 7 changes tokens 4..7 and no other
    S2eConfig c = new S2eConfig(8, 16, 1, 2, 32, 4, 16, 0f, 4, 0.4f, 0f);
    DocumentEncoder enc = new DocumentEncoder(c);
    enc.initialize(m, 1);
    NDArray x = random(5, 10, 8);
    float[] changed = x.toFloatArray();
    changed[7 * 8] += 1f;
    float[] a = enc.forward(ps, x, 0, false, null).toFloatArray();
    float[] b = enc.forward(ps, of(changed, 10, 8), 0, false, null).toFloatArray();
    for (int t = 0; t < 10; t++) {
      double diff = 0;
      for (int d = 0; d < 16; d++) {
        diff += Math.abs(a[t * 16 + d] - b[t * 16 + d]);
      }
      assertThat(diff > 1e-6).as("token " + t).isEqualTo(t >= 4 && t <= 7);
    }
  }

  /**
   * Hand-computed f_m with F = 2, L = 2, T = 3: m^s = [1,0],[0,1],[1,1]; m^e = [1,2],[0,1],[2,0];
   * v_s = [1,2], b = 0.5; v_e = [−1,1], b = 0; B_m = [[1,0],[0,2]], b = [0,1], the bilinear term
   * divided by F = 2. B_m·m^s + b = [1,1],[0,3],[1,3]; v_s·m^s + 0.5 = 1.5, 2.5, 3.5; v_e·m^e =
   * 1, 1, −2.
   * f_m(0,0) = 1.5 + 1 + [1,1]·[1,2]/2 = 4;    f_m(0,1) = 1.5 + 1 + [1,1]·[0,1]/2 = 3;
   * f_m(1,1) = 2.5 + 1 + [0,3]·[0,1]/2 = 5;    f_m(1,2) = 2.5 − 2 + [0,3]·[2,0]/2 = 0.5;
   * f_m(2,2) = 3.5 − 2 + [1,3]·[2,0]/2 = 2.5;  (2,3) runs past the end: −10000;
   * f_m(0,2) (longer than L, only through spanScores) = 1.5 − 2 + [1,1]·[2,0]/2 = 0.5.
   */
  @Test
  void mentionScoreGolden() {
    MentionScorer scorer = new MentionScorer(2, 2);
    scorer.initialize(m, 1);
    set(scorer, Map.of(
        "start_classifier.weight", new float[] {1, 2}, "start_classifier.bias", new float[] {0.5f},
        "end_classifier.weight", new float[] {-1, 1}, "end_classifier.bias", new float[] {0},
        "s2e_classifier.weight", new float[] {1, 0, 0, 2}, "s2e_classifier.bias", new float[] {0, 1}));
    NDArray ms = of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
    NDArray me = of(new float[] {1, 2, 0, 1, 2, 0}, 3, 2);
    NDArray band = scorer.forward(ps, ms, me, false);
    assertThat(band.getShape()).isEqualTo(new Shape(3, 2));
    assertThat(band.toFloatArray()).containsExactly(4f, 3f, 5f, 0.5f, 2.5f, -10000f);
    NDArray direct = scorer.spanScores(ps, ms, me, new int[] {0, 1, 0}, new int[] {2, 1, 1}, false);
    assertThat(direct.toFloatArray()).containsExactly(0.5f, 5f, 3f);
  }

  @Test
  void mentionBandMatchesTheFormulaAcrossChunks() {
    int t = MentionScorer.CHUNK + 44; // two chunks
    MentionScorer scorer = new MentionScorer(6, 4);
    scorer.initialize(m, 3);
    NDArray ms = random(4, t, 6);
    NDArray me = random(5, t, 6);
    float[] band = scorer.forward(ps, ms, me, false).toFloatArray();
    int[] s = new int[t * 4];
    int[] e = new int[t * 4];
    for (int i = 0; i < t * 4; i++) {
      s[i] = i / 4;
      e[i] = Math.min(t - 1, i / 4 + i % 4);
    }
    float[] direct = scorer.spanScores(ps, ms, me, s, e, false).toFloatArray();
    for (int i = 0; i < t * 4; i++) {
      if (i / 4 + i % 4 < t) {
        assertThat(band[i]).as("span " + s[i] + "," + e[i]).isCloseTo(direct[i], within(1e-3f));
      } else {
        assertThat(band[i]).isEqualTo(MentionScorer.INVALID);
      }
    }
  }

  /**
   * Hand-computed f_a with F = 2: a^s_c = [1,0], a^e_c = [0,1], a^s_q = [1,1], a^e_q = [2,0];
   * B_ss = [[0,1],[0,0]] with bias [1,1], B_se = [[1,0],[0,0]], B_es = [[0,0],[1,0]], B_ee = [[0,0],[0,1]].
   * a^s_c·B_ss·a^s_q = [1,0]·[1,0] = 1, its bias [1,1]·a^s_c = 1; a^s_c·B_se·a^e_q = [1,0]·[2,0] = 2;
   * a^e_c·B_es·a^s_q = [0,1]·[0,1] = 1; a^e_c·B_ee·a^e_q = [0,1]·[0,0] = 0. Total 5, divided by
   * F = 2 (the scorers' 1/F): 2.5. Using Bᵀ for
   * any B would change it (B_ss alone would give 0).
   */
  @Test
  void antecedentScoreGolden() {
    AntecedentScorer scorer = new AntecedentScorer(2);
    scorer.initialize(m, 1);
    float[] zero = {0, 0};
    set(scorer, Map.of(
        "s2s_classifier.weight", new float[] {0, 1, 0, 0}, "s2s_classifier.bias", new float[] {1, 1},
        "s2e_classifier.weight", new float[] {1, 0, 0, 0}, "s2e_classifier.bias", zero,
        "e2s_classifier.weight", new float[] {0, 0, 1, 0}, "e2s_classifier.bias", zero,
        "e2e_classifier.weight", new float[] {0, 0, 0, 1}, "e2e_classifier.bias", zero));
    NDArray fa = scorer.forward(ps, of(new float[] {1, 1}, 1, 2), of(new float[] {2, 0}, 1, 2),
        of(new float[] {1, 0}, 1, 2), of(new float[] {0, 1}, 1, 2), false);
    assertThat(fa.toFloatArray()).containsExactly(2.5f);
  }

  @Test
  void antecedentScoreMatchesNaiveLoops() {
    int f = 3;
    AntecedentScorer scorer = new AntecedentScorer(f);
    scorer.initialize(m, 7);
    NDArray qs = random(1, 2, f);
    NDArray qe = random(2, 2, f);
    NDArray cs = random(3, 4, f);
    NDArray ce = random(4, 4, f);
    float[] fa = scorer.forward(ps, qs, qe, cs, ce, false).toFloatArray();
    Map<String, Module.Param> p = scorer.namedParameters();
    String[][] terms = {{"s2s", "cs", "qs"}, {"s2e", "cs", "qe"}, {"e2s", "ce", "qs"}, {"e2e", "ce", "qe"}};
    Map<String, float[]> reps = Map.of("qs", qs.toFloatArray(), "qe", qe.toFloatArray(),
        "cs", cs.toFloatArray(), "ce", ce.toFloatArray());
    for (int q = 0; q < 2; q++) {
      for (int c = 0; c < 4; c++) {
        double expected = 0;
        for (String[] term : terms) {
          float[] w = p.get(term[0] + "_classifier.weight").array().toFloatArray();
          float[] b = p.get(term[0] + "_classifier.bias").array().toFloatArray();
          float[] cand = reps.get(term[1]);
          float[] query = reps.get(term[2]);
          for (int i = 0; i < f; i++) {
            double bq = b[i];
            for (int j = 0; j < f; j++) {
              bq += w[i * f + j] * query[q * f + j];
            }
            expected += cand[c * f + i] * bq / f; // a_c · (B·a_q + b) / F
          }
        }
        assertThat(fa[q * 4 + c]).isCloseTo((float) expected, within(1e-4f));
      }
    }
  }

  @Test
  void forwardShapesMaskAndNullColumn() {
    S2eConfig c = S2eConfig.tiny();
    S2eCoref model = new S2eCoref(c);
    model.initialize(m, 1);
    CorefOutput out = model.forward(ps, random(9, 10, c.inputDim()), null, false, null);
    int k = MentionPruner.keep(10, c.topLambda());
    assertThat(k).isEqualTo(4);
    assertThat(out.size()).isEqualTo(k);
    assertThat(out.mentionBand().getShape()).isEqualTo(new Shape(10, c.maxSpanLength()));
    assertThat(out.spanScores().getShape()).isEqualTo(new Shape(k));
    assertThat(out.corefLogits().getShape()).isEqualTo(new Shape(k, k + 1));
    float[] logits = out.corefLogits().toFloatArray();
    float[] band = out.mentionBand().toFloatArray();
    float[] fm = out.spanScores().toFloatArray();
    for (int q = 0; q < k; q++) {
      assertThat(logits[q * (k + 1) + k]).isEqualTo(0f); // ε
      for (int cand = q; cand < k; cand++) {
        assertThat(logits[q * (k + 1) + cand]).isEqualTo(MentionScorer.INVALID); // not earlier
      }
      Mention s = out.spans().get(q);
      assertThat(fm[q]).isCloseTo(band[s.start() * c.maxSpanLength() + s.length() - 1], within(1e-4f));
    }
  }

  @Test
  void predictInRowChunksAgreesWithTheFullForward() {
    S2eConfig c = new S2eConfig(8, 16, 1, 2, 32, 4, 16, 0f, 4, 1f, 0f); // λ = 1: k = T
    S2eCoref model = new S2eCoref(c);
    model.initialize(m, 2);
    NDArray x = random(11, 12, 8);
    CorefOutput full = model.forward(ps, x, null, false, null);
    int[] expected = GreedyDecoder.antecedents(full.corefLogits().toFloatArray(), full.size(), full.size());
    for (int rows : new int[] {1, 5, 1024}) {
      S2eCoref.Prediction p = model.predict(ps, x, null, null, rows);
      assertThat(p.spans()).isEqualTo(full.spans());
      assertThat(p.antecedents()).as("rows " + rows).containsExactly(expected);
    }
    // given spans (gold-mention setting), longer than L included
    List<Mention> given = List.of(new Mention(0, 0), new Mention(2, 9), new Mention(5, 6));
    S2eCoref.Prediction p = model.predict(ps, x, given, null, 2);
    assertThat(p.spans()).isEqualTo(given);
    assertThat(p.antecedents()[0]).isEqualTo(-1); // the first span has no candidate
  }

  @Test
  void stringFeaturesAddTheirLearnedWeightWhereTheSpansMatch() {
    S2eConfig c = S2eConfig.tiny().withStringFeatures(true);
    S2eCoref model = new S2eCoref(c);
    model.initialize(m, 3);
    NDArray x = random(4, 6, c.inputDim());
    List<String> words = List.of("The", "cat", "saw", "the", "cat", "Cat");
    List<Mention> spans = List.of(new Mention(0, 1), new Mention(1, 1), new Mention(3, 4), new Mention(5, 5));
    assertThatThrownBy(() -> model.forward(ps, x, 0, spans, null, false, null)).hasMessageContaining("needs the document's words");
    float[] before = model.forward(ps, x, 0, spans, words, false, null).corefLogits().toFloatArray();
    model.namedParameters().get("string_match").array().set(new float[] {2f, 0.5f}); // exact, head
    float[] after = model.forward(ps, x, 0, spans, words, false, null).corefLogits().toFloatArray();
    // "the cat"(3..4) repeats "The cat"(0..1): exact + head; "Cat"(5) and "cat"(1) share the head and the whole string;
    // every span's head is "cat", so every earlier pair gets at least the head weight
    float[][] expected = new float[4][5];
    expected[1][0] = 0.5f; // q = "cat", c = "The cat"
    expected[2][0] = 2.5f; // q = "the cat", c = "The cat"
    expected[2][1] = 0.5f; // q = "the cat", c = "cat": heads match
    expected[3][1] = 2.5f; // q = "Cat", c = "cat"
    expected[3][0] = 0.5f;
    expected[3][2] = 0.5f;
    for (int q = 0; q < 4; q++) {
      for (int cand = 0; cand < q; cand++) {
        assertThat(after[q * 5 + cand] - before[q * 5 + cand]).as("q %d c %d", q, cand).isCloseTo(expected[q][cand], within(1e-5f));
      }
      assertThat(after[q * 5 + 4]).isEqualTo(0f); // ε stays 0
    }
    S2eCoref.Prediction chunked = model.predict(ps, x, spans, words, 1);
    int[] full = GreedyDecoder.antecedents(after, 4, 4);
    assertThat(chunked.antecedents()).containsExactly(full);
  }
}
