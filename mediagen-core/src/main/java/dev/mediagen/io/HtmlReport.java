package dev.mediagen.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a static, self-contained HTML report (inline CSS, no scripts, no network): headings,
 * paragraphs, tables, key/value lists and images referenced by paths relative to the report, so the
 * report directory can be moved or zipped as a whole. All text is HTML-escaped; the output is
 * well-formed XML (void elements self-closed) and deterministic.
 *
 * <pre>{@code
 * new HtmlReport("Movie Gen tiny").heading("Samples").gallery(items)
 *     .table(header, rows).write(dir.resolve("index.html"));
 * }</pre>
 */
public final class HtmlReport {
  /** A picture in a gallery: a path relative to the report and a caption. */
  public record Item(String relPath, String caption) {}

  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:2rem auto;"
              + "max-width:72rem;padding:0 1rem;color:#222;line-height:1.45}",
          "h1{font-size:1.7rem;border-bottom:2px solid #4e79a7;padding-bottom:.3rem}",
          "h2{font-size:1.3rem;margin-top:2rem}",
          "table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}",
          "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}",
          "th{background:#f0f3f7}",
          "tr:nth-child(even) td{background:#fafafa}",
          "dl.kv{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}",
          "dl.kv dt{font-weight:600}dl.kv dd{margin:0;font-family:monospace}",
          "figure{margin:.5rem;display:inline-block;vertical-align:top;text-align:center}",
          "figure img{image-rendering:pixelated;max-width:100%;border:1px solid #ddd}",
          "figcaption{font-size:.85rem;color:#555;max-width:16rem;margin:.2rem auto 0}",
          "div.gallery{display:flex;flex-wrap:wrap;gap:.5rem}");

  private final String title;
  private final List<String> body = new ArrayList<>();

  /** A report whose page title and top heading are {@code title}. */
  public HtmlReport(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  /** A section heading (h2). */
  public HtmlReport heading(String text) {
    body.add("<h2>" + escape(text) + "</h2>");
    return this;
  }

  /** A paragraph of plain text (escaped; newlines kept as line breaks). */
  public HtmlReport paragraph(String text) {
    body.add("<p>" + escape(text).replace("\n", "<br/>") + "</p>");
    return this;
  }

  /** A table; every row must have as many cells as the header. */
  public HtmlReport table(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
    for (String h : header) {
      sb.append("<th>").append(escape(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "table row " + i + " has " + row.size() + " cells but the header has " + header.size());
      }
      sb.append("<tr>");
      for (String cell : row) {
        sb.append("<td>").append(escape(cell)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    body.add(sb.append("</tbody>\n</table>").toString());
    return this;
  }

  /** One image with a caption ({@code caption} may be null). */
  public HtmlReport image(String relPath, String caption) {
    body.add(figure(new Item(relPath, caption)));
    return this;
  }

  /** Images side by side, wrapping. */
  public HtmlReport gallery(List<Item> items) {
    StringBuilder sb = new StringBuilder("<div class=\"gallery\">\n");
    for (Item item : items) {
      sb.append(figure(item)).append('\n');
    }
    body.add(sb.append("</div>").toString());
    return this;
  }

  /** A key/value list in the map's iteration order; values shown with {@code String.valueOf}. */
  public HtmlReport keyValues(Map<String, ?> values) {
    StringBuilder sb = new StringBuilder("<dl class=\"kv\">\n");
    values.forEach(
        (k, v) ->
            sb.append("<dt>")
                .append(escape(k))
                .append("</dt><dd>")
                .append(escape(String.valueOf(v)))
                .append("</dd>\n"));
    body.add(sb.append("</dl>").toString());
    return this;
  }

  /** The whole page. */
  public String render() {
    StringBuilder sb =
        new StringBuilder()
            .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .append("<title>")
            .append(escape(title))
            .append("</title>\n")
            .append("<style>\n")
            .append(CSS)
            .append("\n</style>\n</head>\n<body>\n")
            .append("<h1>")
            .append(escape(title))
            .append("</h1>\n");
    for (String part : body) {
      sb.append(part).append('\n');
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  /** Writes the page to {@code index} atomically (UTF-8). */
  public void write(Path index) throws IOException {
    AtomicFiles.writeString(index, render());
  }

  /** Escapes text for HTML element content and double- or single-quoted attributes. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String figure(Item item) {
    String rel = Objects.requireNonNull(item.relPath(), "image path");
    if (rel.startsWith("/") || rel.startsWith("\\") || rel.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      throw new IllegalArgumentException(
          "image path '" + rel + "' must be relative to the report (no leading '/', no scheme)");
    }
    String src = rel.replace("\\", "/").replace(" ", "%20");
    String alt = item.caption() == null ? rel : item.caption();
    return "<figure><img src=\""
        + escape(src)
        + "\" alt=\""
        + escape(alt)
        + "\"/>"
        + (item.caption() == null ? "" : "<figcaption>" + escape(item.caption()) + "</figcaption>")
        + "</figure>";
  }
}
