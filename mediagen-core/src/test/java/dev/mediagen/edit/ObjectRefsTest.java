package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObjectRefsTest {
  @Test
  void descriptionsSingleTheObjectOut() {
    // two red solid circles that differ only in size and place, and a green square
    Scene s =
        new Scene(
            32,
            32,
            1,
            8,
            0,
            List.of(
                SceneObject.still(ShapeKind.CIRCLE, 0, SizeKind.SMALL, Texture.SOLID, 6, 6),
                SceneObject.still(ShapeKind.CIRCLE, 0, SizeKind.LARGE, Texture.SOLID, 24, 8),
                SceneObject.still(ShapeKind.SQUARE, 1, SizeKind.SMALL, Texture.STRIPED, 16, 26)));
    SplittableRandom rng = new SplittableRandom(3);
    Set<String> first = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      first.add(ObjectRefs.describe(s, 0, rng));
    }
    // colour, shape, colour+shape and texture+shape all fit both circles: only size or place works
    for (String d : first) {
      assertThat(d.matches(".*\\b(small|little)\\b.*") || d.contains("top left")).as(d).isTrue();
    }
    assertThat(first).contains("the small circle", "the little ball", "the object at the top left");
    Set<String> square = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      square.add(ObjectRefs.describe(s, 2, rng));
    }
    assertThat(square)
        .contains("the green square", "the box", "the green one", "the striped block");
  }
}
