package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoder + head wiring: x_q gathering, output shapes of both heads, padding, config checks. */
class SplinterModelTest {

  @Test
  void gathersTheStatesAtFlattenedQuestionPositions() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] x = new float[2 * 3 * 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = i;
      }
      NDArray states = Tensors.floats(m, x, new Shape(2, 3, 2));
      NDArray at = Tensors.ints(m, new int[] {2, 0, 4, 3}, new Shape(2, 2)); // b·N + position
      assertThat(SplinterModel.gatherRows(states, at).toFloatArray())
          .containsExactly(4, 5, 0, 1, 8, 9, 6, 7);
    }
  }

  @Test
  void bothHeadsScoreEveryPositionAndPaddingIsMasked() {
    SplinterConfig c = SplinterConfig.tiny();
    SpanInput a = new SpanInput(new int[] {2, 9, 5, 3, 7, 8, 3}, sel(7, 4, 6),
        List.of(new SpanInput.Question(2, new Span(4, 5))));
    SpanInput b = new SpanInput(new int[] {2, 5, 3, 7, 3}, sel(5, 3, 4),
        List.of(new SpanInput.Question(1, new Span(3, 3))));
    try (NDManager m = NDManager.newBaseManager()) {
      for (SpanHeadKind kind : SpanHeadKind.values()) {
        SplinterModel model = new SplinterModel(c, kind);
        model.initialize(m, 3);
        SpanBatch batch = SpanBatch.of(m, List.of(a, b));
        SpanLogits l = model.forward(new ParameterStore(m, false), batch, false);
        assertThat(l.start().getShape()).isEqualTo(new Shape(2, 1, 7));
        float[] start = l.start().toFloatArray();
        assertThat(start[7 + 5]).isLessThan(-5000); // padding of the shorter input
        assertThat(start[0]).isLessThan(-5000); // [CLS] is not selectable
        assertThat(start[4]).isGreaterThan(-100);
        // padding changes nothing: the batch loss is the mean of the two inputs' own losses
        double both = loss(model, m, List.of(a, b));
        double alone = (loss(model, m, List.of(a)) + loss(model, m, List.of(b))) / 2;
        assertThat(both).isCloseTo(alone, within(1e-4)).isGreaterThan(0);
      }
      assertThat(new SplinterModel(c, SpanHeadKind.QASS).namedParameters())
          .containsKey("qass.start_classifier")
          .containsKey("encoder.layers.0.attn.qkv.weight");
    }
    assertThatThrownBy(() -> new SplinterConfig(100, 64, 30, 1, 4, 64))
        .hasMessageContaining("heads 4 must be >= 1 and divide dim 30");
    // the large preset widens the encoder and keeps base's head width (32) and positions
    SplinterConfig base = SplinterConfig.base();
    SplinterConfig large = SplinterConfig.large();
    assertThat(large.dim() / large.heads()).isEqualTo(base.dim() / base.heads()).isEqualTo(32);
    assertThat(large.dim()).isGreaterThan(base.dim());
    assertThat(large.layers()).isGreaterThan(base.layers());
    assertThat(large.maxLength()).isEqualTo(base.maxLength());
    assertThatThrownBy(() -> SplinterConfig.size("xxl", 100, 64)).hasMessageContaining("allowed: [xs, s, m, l]");
  }

  private static double loss(SplinterModel model, NDManager m, List<SpanInput> inputs) {
    SpanBatch batch = SpanBatch.of(m, inputs);
    SpanLogits l = model.forward(new ParameterStore(m, false), batch, false);
    return SpanLoss.loss(l, batch.startTargets(), batch.endTargets(), batch.questions()).getFloat();
  }

  private static boolean[] sel(int n, int from, int to) {
    boolean[] s = new boolean[n];
    for (int i = from; i <= to; i++) {
      s[i] = true;
    }
    return s;
  }
}
