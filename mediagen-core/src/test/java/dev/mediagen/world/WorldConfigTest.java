package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorldConfigTest {
  private static final WorldConfig D = WorldConfig.defaults();

  @Test
  void presetsHaveTheDocumentedValues() {
    assertThat(D.size()).isEqualTo(32);
    assertThat(D.frames()).isEqualTo(8);
    assertThat(D.fps()).containsExactly(4, 8);
    assertThat(D.countWeights()).containsExactly(0.5, 0.35, 0.15);
    assertThat(D.heldOut()).hasSize(4);
    assertThat(D.isHeldOut(new ColourShape(0, ShapeKind.TRIANGLE))).isTrue();
    assertThat(D.isHeldOut(new ColourShape(0, ShapeKind.CIRCLE))).isFalse();
    assertThat(WorldConfig.tiny().size()).isEqualTo(16);
    assertThat(D.withSize(64).size()).isEqualTo(64);
  }

  @Test
  void badValuesNameTheValueAndRange() {
    assertThatThrownBy(() -> D.withSize(8))
        .hasMessageContaining("size 8")
        .hasMessageContaining("[16, 256]");
    assertThatThrownBy(() -> D.withFrames(17))
        .hasMessageContaining("frames 17")
        .hasMessageContaining("[1, 16]");
    assertThatThrownBy(
            () ->
                new WorldConfig(
                    32,
                    8,
                    List.of(0),
                    D.countWeights(),
                    D.heldOut(),
                    0.3,
                    D.motionWeights(),
                    0.1,
                    0.2,
                    0.0))
        .hasMessageContaining("fps 0");
    assertThatThrownBy(
            () ->
                new WorldConfig(
                    32,
                    8,
                    D.fps(),
                    List.of(1.0, 1.0, 1.0, 1.0),
                    D.heldOut(),
                    0.3,
                    D.motionWeights(),
                    0.1,
                    0.2,
                    0.0))
        .hasMessageContaining("4 entries");
    assertThatThrownBy(
            () ->
                new WorldConfig(
                    32,
                    8,
                    D.fps(),
                    D.countWeights(),
                    D.heldOut(),
                    1.5,
                    D.motionWeights(),
                    0.1,
                    0.2,
                    0.0))
        .hasMessageContaining("stripedProbability 1.5");
    assertThatThrownBy(
            () ->
                new WorldConfig(
                    32,
                    8,
                    D.fps(),
                    D.countWeights(),
                    D.heldOut(),
                    0.3,
                    List.of(1.0, 1.0),
                    0.1,
                    0.2,
                    0.0))
        .hasMessageContaining("expected 6");
    assertThatThrownBy(
            () ->
                new WorldConfig(
                    32,
                    8,
                    D.fps(),
                    D.countWeights(),
                    D.heldOut(),
                    0.3,
                    D.motionWeights(),
                    0.3,
                    0.2,
                    0.0))
        .hasMessageContaining("[0.3, 0.2]");
  }

  @Test
  void textProbabilityIsValidatedAndOffByDefault() {
    assertThat(D.textProbability()).isZero();
    assertThat(WorldConfig.tiny().textProbability()).isZero();
    assertThat(D.withTextProbability(0.5).textProbability()).isEqualTo(0.5);
    assertThatThrownBy(() -> D.withTextProbability(-0.1))
        .hasMessageContaining("textProbability -0.1")
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void heldOutMustKeepEveryColourAndShapeSeen() {
    List<ColourShape> allRed =
        List.of(
            new ColourShape(0, ShapeKind.CIRCLE),
            new ColourShape(0, ShapeKind.SQUARE),
            new ColourShape(0, ShapeKind.TRIANGLE));
    assertThatThrownBy(
            () ->
                new WorldConfig(
                    32,
                    8,
                    D.fps(),
                    D.countWeights(),
                    allRed,
                    0.3,
                    D.motionWeights(),
                    0.1,
                    0.2,
                    0.0))
        .hasMessageContaining("every shape of colour red");
    List<ColourShape> allCircles = new java.util.ArrayList<>();
    for (int c = 0; c < Palette.objectColours(); c++) {
      allCircles.add(new ColourShape(c, ShapeKind.CIRCLE));
    }
    assertThatThrownBy(
            () ->
                new WorldConfig(
                    32,
                    8,
                    D.fps(),
                    D.countWeights(),
                    allCircles,
                    0.3,
                    D.motionWeights(),
                    0.1,
                    0.2,
                    0.0))
        .hasMessageContaining("every colour of shape CIRCLE");
  }
}
