package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  @TempDir Path dir;

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void escapesTextEverywhere() {
    String evil = "<script>alert('x') & \"y\"</script>";
    String html =
        new HtmlReport(evil)
            .heading(evil)
            .paragraph(evil)
            .table(List.of(evil), List.of(List.of(evil)))
            .image("img/a.png", evil)
            .keyValues(Map.of(evil, evil))
            .render();
    assertThat(html).doesNotContain("<script>").doesNotContain("'x'");
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    assertThat(HtmlReport.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
  }

  @Test
  void structureIsWellFormedAndInOrder() throws Exception {
    Map<String, Object> kv = new LinkedHashMap<>();
    kv.put("seed", 7);
    kv.put("steps", 1000);
    HtmlReport report =
        new HtmlReport("Tiny run")
            .keyValues(kv)
            .heading("Samples")
            .gallery(
                List.of(
                    new HtmlReport.Item("samples/a b.png", "a red circle"),
                    new HtmlReport.Item("samples/b.gif", null)))
            .heading("Scores")
            .paragraph("line one\nline two")
            .table(
                List.of("model", "acc"), List.of(List.of("tiny", "0.91"), List.of("base", "0.95")));
    Path index = dir.resolve("report/index.html");
    report.write(index);
    String html = Files.readString(index);
    assertThat(html).isEqualTo(report.render()).startsWith("<!DOCTYPE html>");

    Document doc = parse(html);
    Element body = (Element) doc.getElementsByTagName("body").item(0);
    List<String> order = new ArrayList<>();
    for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        order.add(e.getTagName());
      }
    }
    assertThat(order).containsExactly("h1", "dl", "h2", "div", "h2", "p", "table");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Tiny run");
    assertThat(doc.getElementsByTagName("style").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("dt").item(1).getTextContent()).isEqualTo("steps");
    assertThat(doc.getElementsByTagName("dd").item(1).getTextContent()).isEqualTo("1000");
    NodeList imgs = doc.getElementsByTagName("img");
    assertThat(imgs.getLength()).isEqualTo(2);
    assertThat(((Element) imgs.item(0)).getAttribute("src")).isEqualTo("samples/a%20b.png");
    assertThat(((Element) imgs.item(0)).getAttribute("alt")).isEqualTo("a red circle");
    assertThat(doc.getElementsByTagName("figcaption").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("br").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("th").getLength()).isEqualTo(2);
    NodeList cells = doc.getElementsByTagName("td");
    assertThat(cells.getLength()).isEqualTo(4);
    assertThat(cells.item(3).getTextContent()).isEqualTo("0.95");
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
  }

  @Test
  void rejectsRaggedTablesAndAbsoluteImagePaths() {
    HtmlReport r = new HtmlReport("t");
    assertThatThrownBy(() -> r.table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))))
        .hasMessageContaining("table row 1 has 1 cells but the header has 2");
    assertThatThrownBy(() -> r.image("/abs/x.png", "c"))
        .hasMessageContaining("'/abs/x.png' must be relative");
    assertThatThrownBy(() -> r.image("https://example.org/x.png", "c"))
        .hasMessageContaining("must be relative");
  }
}
