package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LitbankSplitTest {

  static List<String> litbankIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path f : CorefTestData.litbankFiles()) {
      ConllReader.read(f).forEach(d -> ids.add(d.docId()));
    }
    return ids;
  }

  @Test
  void resourceIsTheSeededSplitOfAllHundredDocuments() throws IOException {
    List<String> ids = litbankIds();
    assertThat(ids).hasSize(100).doesNotHaveDuplicates();
    LitbankSplit standard = LitbankSplit.standard();
    assertThat(standard).isEqualTo(LitbankSplit.compute(ids, LitbankSplit.SEED));
    assertThat(standard.train()).hasSize(80);
    assertThat(standard.dev()).hasSize(10);
    assertThat(standard.test()).hasSize(10);
    Set<String> union = new HashSet<>();
    union.addAll(standard.train());
    union.addAll(standard.dev());
    union.addAll(standard.test());
    assertThat(union).hasSize(100).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void splitDependsOnTheSeedOnly() throws IOException {
    List<String> ids = litbankIds();
    List<String> reversed = new ArrayList<>(ids);
    java.util.Collections.reverse(reversed);
    assertThat(LitbankSplit.compute(reversed, LitbankSplit.SEED))
        .isEqualTo(LitbankSplit.compute(ids, LitbankSplit.SEED));
    assertThat(LitbankSplit.compute(ids, LitbankSplit.SEED + 1).test())
        .isNotEqualTo(LitbankSplit.standard().test());
  }

  @Test
  void overlappingPartsAndUnknownNamesAreRejected() {
    assertThatThrownBy(() -> new LitbankSplit(List.of("a"), List.of("a"), List.of()))
        .hasMessageContaining("document a is in more than one split");
    assertThatThrownBy(() -> LitbankSplit.standard().ids("validation"))
        .hasMessageContaining("unknown split 'validation', allowed: train, dev, test");
  }

  @Test
  void selectKeepsOnlyThatPart() {
    LitbankSplit split = new LitbankSplit(List.of("a"), List.of("b"), List.of("c"));
    List<CorefDocument> docs =
        List.of(
            CorefDocument.fromTokens("c", 0, List.of(List.of("x"))),
            CorefDocument.fromTokens("a", 0, List.of(List.of("x"))));
    assertThat(split.select(docs, "test")).extracting(CorefDocument::docId).containsExactly("c");
    assertThat(split.select(docs, "dev")).isEmpty();
  }
}
