package dev.mediagen.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FuseSpecTest {
  @Test
  void parsesTheThreeFormsAndNamesBadValues() {
    assertThat(FuseSpec.parse("retrieve")).isEqualTo(new FuseSpec(FuseMode.RETRIEVE, null));
    assertThat(FuseSpec.parse("crop:a/b.png")).isEqualTo(new FuseSpec(FuseMode.CROP, Path.of("a/b.png")));
    assertThat(FuseSpec.parse("scene:map.png").mode()).isEqualTo(FuseMode.SCENE);
    assertThatThrownBy(() -> FuseSpec.parse("juggle")).hasMessageContaining("unknown fuse mode 'juggle'")
        .hasMessageContaining("retrieve, crop:FILE, scene:FILE");
    assertThatThrownBy(() -> FuseSpec.parse("crop:")).hasMessageContaining("needs a file");
    assertThatThrownBy(() -> FuseSpec.parse("scene")).hasMessageContaining("needs a file");
    assertThatThrownBy(() -> FuseSpec.parse(" ")).hasMessageContaining("empty fuse mode");
  }
}
