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
  void v2TurnsOnCameraTextAndBucketsAndRoundTripsThroughJson() throws Exception {
    WorldConfig v2 = WorldConfig.v2();
    assertThat(v2.cameraProbability()).isEqualTo(0.5);
    assertThat(v2.textProbability()).isEqualTo(0.3);
    assertThat(v2.hasCamera()).isTrue();
    assertThat(v2.buckets()).hasSize(6);
    // everything else is defaults()
    assertThat(v2.withCameraProbability(0).withTextProbability(0).withBuckets(List.of()))
        .isEqualTo(D);
    assertThat(D.cameraProbability()).isZero();
    assertThat(D.hasCamera()).isFalse();
    assertThat(D.buckets()).isEmpty();
    assertThat(WorldConfig.tiny().cameraProbability()).isZero();
    assertThat(WorldConfig.tiny().buckets()).isEmpty();
    // the with* copies keep the v2 fields
    assertThat(v2.withSize(64).buckets()).isEqualTo(v2.buckets());
    assertThat(v2.withFrames(16).cameraProbability()).isEqualTo(0.5);
    assertThat(v2.withTextProbability(0.1).buckets()).isEqualTo(v2.buckets());
    String json = dev.mediagen.io.Json.toJson(v2);
    assertThat(json).contains("\"cameraProbability\": 0.5").contains("\"buckets\"");
    assertThat(dev.mediagen.io.Json.fromJson(json, WorldConfig.class)).isEqualTo(v2);
    // null buckets (a JSON config without the field) mean none
    assertThat(
            new WorldConfig(
                    32,
                    8,
                    D.fps(),
                    D.countWeights(),
                    D.heldOut(),
                    0.35,
                    D.motionWeights(),
                    0.15,
                    0.45,
                    0.0,
                    0.0,
                    null)
                .buckets())
        .isEmpty();
    assertThatThrownBy(() -> D.withCameraProbability(1.5))
        .hasMessageContaining("cameraProbability 1.5")
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
