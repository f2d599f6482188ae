package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllWriterTest {

  @TempDir Path tmp;

  @Test
  void everyLitbankFileComesBackByteForByte() throws IOException {
    List<Path> files = CorefTestData.litbankFiles();
    assertThat(files).hasSize(100);
    for (Path file : files) {
      String original = Files.readString(file, StandardCharsets.UTF_8);
      String written = ConllWriter.toConll(ConllReader.read(file));
      if (!written.equals(original)) {
        // name the first differing line rather than dump two 140 KB strings
        String[] a = original.split("\n", -1);
        String[] b = written.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
          assertThat(b[i]).as("%s line %d", file.getFileName(), i + 1).isEqualTo(a[i]);
        }
        assertThat(b.length).as("%s line count", file.getFileName()).isEqualTo(a.length);
      }
    }
  }

  @Test
  void canonicalCellsEncodeTheSameClustersForAllOfLitbank() throws IOException {
    // blank every coreference cell, so the writer must spell every bracket from the clusters alone
    for (Path file : CorefTestData.litbankFiles()) {
      CorefDocument doc = ConllReader.read(file).get(0);
      List<ConllLine> blank =
          doc.lines().stream().map(l -> new ConllLine(l.prefix(), "", l.suffix())).toList();
      CorefDocument stripped =
          new CorefDocument(
              doc.docId(),
              doc.part(),
              doc.header(),
              doc.sentences(),
              blank,
              doc.clusters(),
              doc.clusterIds());
      CorefDocument back = ConllReader.read(ConllWriter.toConll(List.of(stripped)), "x").get(0);
      assertThat(back.clusters()).as(file.getFileName().toString()).isEqualTo(doc.clusters());
      assertThat(back.clusterIds()).isEqualTo(doc.clusterIds());
      assertThat(back.tokens()).isEqualTo(doc.tokens());
    }
  }

  @Test
  void predictionKeepsTheOtherColumnsAndWritesNewClusters() throws IOException {
    CorefDocument gold = ConllReader.read(ConllReaderTest.TWO_PARTS, "two.conll").get(0);
    List<List<Mention>> predicted =
        List.of(
            List.of(new Mention(0, 0), new Mention(5, 7)),
            List.of(new Mention(2, 3), new Mention(8, 8)));
    Path out = tmp.resolve("pred.conll");
    ConllWriter.write(List.of(gold.withClusters(predicted)), out);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(1)).isEqualTo("nw/a\t0\t0\tAlice\t_\t(0)");
    assertThat(lines.get(2)).isEqualTo("nw/a\t0\t1\tmet\t_\t-");
    assertThat(lines.get(3)).isEqualTo("nw/a\t0\t2\ther\t_\t(1");
    assertThat(lines.get(7)).isEqualTo("nw/a\t0\t0\tThe\t_\t(0");
    assertThat(lines.get(10)).isEqualTo("nw/a\t0\t3\tthe\t_\t(1)");
    CorefDocument back = ConllReader.read(out).get(0);
    assertThat(back.clusters()).isEqualTo(predicted);
    for (int t = 0; t < gold.tokenCount(); t++) {
      assertThat(back.lines().get(t).prefix()).isEqualTo(gold.lines().get(t).prefix());
    }
  }

  @Test
  void canonicalOrderClosesInnerFirstAndOpensOuterFirst() throws IOException {
    CorefDocument doc =
        CorefDocument.fromTokens("d", 0, List.of(List.of("a", "b", "c", "d")))
            .withClusters(
                List.of(
                    List.of(new Mention(0, 3)),
                    List.of(new Mention(1, 3)),
                    List.of(new Mention(3, 3)),
                    List.of(new Mention(1, 2))));
    String text = ConllWriter.toConll(List.of(doc));
    assertThat(text.split("\n")[1]).endsWith("\t(0");
    assertThat(text.split("\n")[2]).endsWith("\t(1|(3");
    assertThat(text.split("\n")[3]).endsWith("\t3)");
    assertThat(text.split("\n")[4]).endsWith("\t1)|0)|(2)");
    assertThat(ConllReader.read(text, "x").get(0).clusters()).isEqualTo(doc.clusters());
  }

  @Test
  void writesDocumentsBuiltFromRawTokens() throws IOException {
    CorefDocument doc =
        CorefDocument.fromTokens(
            "story", 2, List.of(List.of("Mary", "ran", "."), List.of("She", "won", ".")));
    String text = ConllWriter.toConll(List.of(doc));
    assertThat(text)
        .startsWith(
            "#begin document (story); part 002\n"
                + "story\t2\t0\tMary\t_\t_\t_\t_\t_\t_\t_\t_\t-\n");
    assertThat(text).endsWith("story\t2\t2\t.\t_\t_\t_\t_\t_\t_\t_\t_\t-\n\n#end document\n");
    CorefDocument withCoref =
        doc.withClusters(List.of(List.of(new Mention(0, 0), new Mention(3, 3))));
    CorefDocument back = ConllReader.read(ConllWriter.toConll(List.of(withCoref)), "x").get(0);
    assertThat(back.sentences()).isEqualTo(doc.sentences());
    assertThat(back.part()).isEqualTo(2);
    assertThat(back.clusters()).isEqualTo(withCoref.clusters());
  }

  @Test
  void crossingMentionsOfOneClusterAreRefused() {
    CorefDocument doc =
        CorefDocument.fromTokens("d", 0, List.of(List.of("a", "b", "c", "d")))
            .withClusters(List.of(List.of(new Mention(0, 2), new Mention(1, 3))));
    assertThatThrownBy(() -> ConllWriter.toConll(List.of(doc)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0,2] and [1,3]")
        .hasMessageContaining("cross");
  }

  @Test
  void writeReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
    Path out = tmp.resolve("sub/out.conll");
    CorefDocument doc = CorefDocument.fromTokens("d", 0, List.of(List.of("x")));
    ConllWriter.write(List.of(doc, CorefDocument.fromTokens("e", 0, List.of(List.of("y")))), out);
    ConllWriter.write(List.of(doc), out);
    assertThat(ConllReader.read(out)).extracting(CorefDocument::docId).containsExactly("d");
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("out.conll");
    }
  }

  @Test
  void multiPartFileRoundTrips() throws IOException {
    List<CorefDocument> docs = ConllReader.read(ConllReaderTest.TWO_PARTS, "two.conll");
    assertThat(ConllWriter.toConll(docs)).isEqualTo(ConllReaderTest.TWO_PARTS);
    List<CorefDocument> copy = new ArrayList<>(docs);
    assertThat(ConllReader.read(ConllWriter.toConll(copy), "again")).isEqualTo(docs);
  }
}
