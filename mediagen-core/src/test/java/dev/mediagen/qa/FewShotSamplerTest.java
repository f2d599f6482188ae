package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FewShotSamplerTest {

  private static final MrqaDataset TRAIN = QaDatasets.generate(11, 1100, 0, 0).train();

  private static List<String> qids(MrqaDataset ds) {
    return ds.examples().stream().map(e -> e.question().qid()).toList();
  }

  @Test
  void sizesAreExactNestedAndOneQuestionPerLine() {
    for (int seed : FewShotSampler.SEEDS) {
      List<String> q16 = qids(FewShotSampler.sample(TRAIN, 16, seed));
      List<String> q128 = qids(FewShotSampler.sample(TRAIN, 128, seed));
      List<String> q1024 = qids(FewShotSampler.sample(TRAIN, 1024, seed));
      assertThat(q16).hasSize(16).doesNotHaveDuplicates();
      assertThat(q1024).hasSize(1024).doesNotHaveDuplicates();
      assertThat(q128.subList(0, 16)).isEqualTo(q16);
      assertThat(q1024.subList(0, 128)).isEqualTo(q128);
    }
    MrqaDataset s = FewShotSampler.sample(TRAIN, 16, 42);
    assertThat(s.contexts()).hasSize(16).allSatisfy(c -> assertThat(c.qas()).hasSize(1));
  }

  @Test
  void deterministicPerSeedAndSeedsDiffer() {
    assertThat(FewShotSampler.sample(TRAIN, 128, 42))
        .isEqualTo(FewShotSampler.sample(TRAIN, 128, 42));
    assertThat(new HashSet<>(qids(FewShotSampler.sample(TRAIN, 128, 42))))
        .isNotEqualTo(new HashSet<>(qids(FewShotSampler.sample(TRAIN, 128, 43))));
  }

  @Test
  void writesSplinterFileNamesThatReadBack(@TempDir Path dir) throws IOException {
    assertThat(FewShotSampler.fileName("squad", 42, 128))
        .isEqualTo("squad-train-seed-42-num-examples-128.jsonl");
    List<Path> files =
        FewShotSampler.writeAll(TRAIN, "factworld", dir, List.of(16, 128), List.of(42, 43));
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "factworld-train-seed-42-num-examples-16.jsonl",
                "factworld-train-seed-43-num-examples-16.jsonl",
            "factworld-train-seed-42-num-examples-128.jsonl",
                "factworld-train-seed-43-num-examples-128.jsonl");
    assertThat(MrqaReader.read(files.get(2))).isEqualTo(FewShotSampler.sample(TRAIN, 128, 42));
  }

  @Test
  void rejectsSizesBeyondTheData() {
    assertThatThrownBy(() -> FewShotSampler.sample(TRAIN, 5000, 42))
        .hasMessageContaining("few-shot size 5000 must be in [1, 1100]");
  }
}
