package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllReaderTest {

  /** Two parts of one document; nested, joined, same-cluster-nested brackets and singletons. */
  static final String TWO_PARTS =
      """
      #begin document (nw/a); part 000
      nw/a\t0\t0\tAlice\t_\t(0)
      nw/a\t0\t1\tmet\t_\t-
      nw/a\t0\t2\ther\t_\t(1|(0)
      nw/a\t0\t3\tsister\t_\t1)
      nw/a\t0\t4\t.\t_\t-

      nw/a\t0\t0\tThe\t_\t(2|(3
      nw/a\t0\t1\tman\t_\t3)
      nw/a\t0\t2\twho\t_\t2)
      nw/a\t0\t3\tthe\t_\t(4
      nw/a\t0\t4\tking\t_\t(4
      nw/a\t0\t5\tsaw\t_\t4)
      nw/a\t0\t6\tleft\t_\t4)

      #end document
      #begin document (nw/a); part 001
      nw/a\t1\t0\tIt\t_\t(7)
      nw/a\t1\t1\trained\t_\t-

      #end document
      """;

  @Test
  void readsPartsSentencesAndNestedClusters() throws IOException {
    List<CorefDocument> docs = ConllReader.read(TWO_PARTS, "two.conll");
    assertThat(docs).hasSize(2);
    CorefDocument a = docs.get(0);
    assertThat(a.docId()).isEqualTo("nw/a");
    assertThat(a.part()).isZero();
    assertThat(a.sentences())
        .containsExactly(
            List.of("Alice", "met", "her", "sister", "."),
            List.of("The", "man", "who", "the", "king", "saw", "left"));
    assertThat(a.clusterIds()).containsExactly(0, 1, 2, 3, 4);
    assertThat(a.clusters())
        .containsExactly(
            List.of(new Mention(0, 0), new Mention(2, 2)),
            List.of(new Mention(2, 3)),
            List.of(new Mention(5, 7)),
            List.of(new Mention(5, 6)),
            // "(4" at 8 and 9: the later open closes first (9..10), then the outer one (8..11)
            List.of(new Mention(8, 11), new Mention(9, 10)));
    CorefDocument b = docs.get(1);
    assertThat(b.part()).isEqualTo(1);
    assertThat(b.clusters()).containsExactly(List.of(new Mention(0, 0)));
    assertThat(b.clusterIds()).containsExactly(7);
  }

  @Test
  void keepsEveryColumnOfTheLine() throws IOException {
    CorefDocument a = ConllReader.read(TWO_PARTS, "two.conll").get(0);
    ConllLine her = a.lines().get(2);
    assertThat(her.prefix()).isEqualTo("nw/a\t0\t2\ther\t_\t");
    assertThat(her.coref()).isEqualTo("(1|(0)");
    assertThat(her.suffix()).isEmpty();
    assertThat(a.header()).isEqualTo("#begin document (nw/a); part 000");
  }

  @Test
  void readsScorerTestFilesWithSpacesOrAStrayTrailingTab() throws IOException {
    // TC-A.key: {a}{bc}{def}, tab-separated, last line ends in an extra tab, header without a part
    CorefDocument key = ConllReader.read(CorefTestData.scorerTestFile("TC-A.key")).get(0);
    assertThat(key.docId()).isEqualTo("LuoTestCase");
    assertThat(key.tokenCount()).isEqualTo(20);
    assertThat(key.clusters())
        .containsExactly(
            List.of(new Mention(0, 1)),
            List.of(new Mention(3, 6), new Mention(9, 9)),
            List.of(new Mention(11, 12), new Mention(14, 14), new Mention(16, 18)));
    assertThat(key.lines().get(19).suffix()).isEqualTo("\t");
    // TC-F.key: two space-separated columns, no word column
    CorefDocument f = ConllReader.read(CorefTestData.scorerTestFile("TC-F.key")).get(0);
    assertThat(f.part()).isZero();
    assertThat(f.clusters()).hasSize(1);
    assertThat(f.clusters().get(0)).hasSize(4);
  }

  @Test
  void closingBracketWithoutOpenNamesFileAndLine() {
    String text = "#begin document (d); part 0\nd\t0\t0\tx\t(1\nd\t0\t1\ty\t2)\n\n#end document\n";
    assertThatThrownBy(() -> ConllReader.read(text, "bad.conll"))
        .isInstanceOf(ConllFormatException.class)
        .hasMessageStartingWith("bad.conll:3: ")
        .hasMessageContaining("closing bracket '2)'");
  }

  @Test
  void mentionNeverClosedIsReportedWhereItOpens() {
    String text = "#begin document (d); part 0\nd\t0\t0\tx\t(1\nd\t0\t1\ty\t-\n\n#end document\n";
    assertThatThrownBy(() -> ConllReader.read(text, "open.conll"))
        .isInstanceOf(ConllFormatException.class)
        .hasMessageStartingWith("open.conll:2: ")
        .hasMessageContaining("never closed")
        .hasMessageContaining("line 5");
  }

  @Test
  void columnCountUnlikeTheDocumentIsAnError() {
    String text = "#begin document (d); part 0\nd\t0\t0\tx\t_\t-\nd\t0\t1\ty\t-\n\n#end document\n";
    assertThatThrownBy(() -> ConllReader.read(text, "cols.conll"))
        .isInstanceOf(ConllFormatException.class)
        .hasMessageStartingWith("cols.conll:3: ")
        .hasMessageContaining("5 columns")
        .hasMessageContaining("(line 2) has 6");
  }

  @Test
  void missingEndDocumentIsAnError() {
    String eof = "#begin document (d); part 0\nd\t0\t0\tx\t-\n";
    assertThatThrownBy(() -> ConllReader.read(eof, "eof.conll"))
        .isInstanceOf(ConllFormatException.class)
        .hasMessageStartingWith("eof.conll:3: ")
        .hasMessageContaining("missing '#end document'");
    String twice = "#begin document (d); part 0\nd\t0\t0\tx\t-\n#begin document (e); part 0\n";
    assertThatThrownBy(() -> ConllReader.read(twice, "nested.conll"))
        .hasMessageStartingWith("nested.conll:3: ")
        .hasMessageContaining("before the '#end document'");
  }

  @Test
  void malformedCellAndStrayTokenLineAreErrors() {
    String cell = "#begin document (d); part 0\nd\t0\t0\tx\t(a)\n#end document\n";
    assertThatThrownBy(() -> ConllReader.read(cell, "cell.conll"))
        .hasMessageStartingWith("cell.conll:2: ")
        .hasMessageContaining("cannot parse coreference cell '(a)'");
    assertThatThrownBy(() -> ConllReader.read("d\t0\t0\tx\t-\n", "stray.conll"))
        .hasMessageStartingWith("stray.conll:1: ")
        .hasMessageContaining("outside a document");
  }
}
