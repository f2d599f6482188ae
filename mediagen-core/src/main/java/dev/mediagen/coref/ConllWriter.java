package dev.mediagen.coref;

import dev.mediagen.coref.CorefColumn.Bracket;
import dev.mediagen.coref.CorefColumn.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@link CorefDocument}s as CoNLL-2012. Every column but the coreference cell comes from the
 * document's original token lines, unchanged; the cell is rebuilt from the clusters.
 *
 * <p>A rebuilt cell orders its brackets so that they nest when read left to right: closing brackets
 * first (the innermost mention first), then one-token mentions, then opening brackets (the
 * outermost mention first), ties by cluster number; this is s2e's {@code output_conll} order. When
 * the original cell holds exactly the same brackets in another order (LitBank's follow the order of
 * its brat annotations, which the clusters do not carry), the original spelling is kept, so a file
 * read and written back is identical, byte for byte.
 *
 * <p>Output goes to a temporary file in the target directory, then is moved over the target, so a
 * reader never sees half a file.
 */
public final class ConllWriter {

  private static final Comparator<Bracket> BY_CLUSTER = Comparator.comparingInt(Bracket::cluster);

  private ConllWriter() {}

  /** Writes the documents to {@code file} atomically (UTF-8, {@code \n} line ends). */
  public static void write(List<CorefDocument> docs, Path file) throws IOException {
    writeAtomically(file, toConll(docs));
  }

  /** The documents as CoNLL text. */
  public static String toConll(List<CorefDocument> docs) {
    StringBuilder sb = new StringBuilder();
    for (CorefDocument doc : docs) {
      appendDocument(doc, sb);
    }
    return sb.toString();
  }

  private static void appendDocument(CorefDocument doc, StringBuilder sb) {
    requireWritable(doc);
    List<List<Bracket>> cells = brackets(doc);
    sb.append(doc.header()).append('\n');
    int token = 0;
    for (List<String> sentence : doc.sentences()) {
      for (int i = 0; i < sentence.size(); i++, token++) {
        ConllLine line = doc.lines().get(token);
        sb.append(line.withCoref(cell(line.coref(), cells.get(token)))).append('\n');
      }
      sb.append('\n');
    }
    sb.append("#end document\n");
  }

  /** The original cell if it spells the same brackets, else the canonical spelling. */
  private static String cell(String original, List<Bracket> brackets) {
    List<Bracket> before;
    try {
      before = new ArrayList<>(CorefColumn.parse(original));
    } catch (IllegalArgumentException e) {
      return CorefColumn.format(brackets);
    }
    List<Bracket> now = new ArrayList<>(brackets);
    Comparator<Bracket> order = Comparator.comparing(Bracket::kind).thenComparing(BY_CLUSTER);
    before.sort(order);
    now.sort(order);
    return before.equals(now) ? original : CorefColumn.format(brackets);
  }

  /** Per token, its brackets in canonical (nesting) order. */
  private static List<List<Bracket>> brackets(CorefDocument doc) {
    int n = doc.tokenCount();
    List<List<long[]>> closes = new ArrayList<>();
    List<List<long[]>> singles = new ArrayList<>();
    List<List<long[]>> opens = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      closes.add(new ArrayList<>());
      singles.add(new ArrayList<>());
      opens.add(new ArrayList<>());
    }
    for (int c = 0; c < doc.clusters().size(); c++) {
      int id = doc.clusterIds().get(c);
      for (Mention m : doc.clusters().get(c)) {
        if (m.start() == m.end()) {
          singles.get(m.start()).add(new long[] {id, 0});
        } else {
          opens.get(m.start()).add(new long[] {id, m.end()});
          closes.get(m.end()).add(new long[] {id, m.start()});
        }
      }
    }
    // {cluster, other end}: closes innermost (latest start) first, opens outermost (latest end)
    // first
    Comparator<long[]> otherEndDescending =
        Comparator.<long[]>comparingLong(a -> -a[1]).thenComparingLong(a -> a[0]);
    List<List<Bracket>> out = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      List<Bracket> cell = new ArrayList<>();
      closes.get(t).sort(otherEndDescending);
      singles.get(t).sort(otherEndDescending);
      opens.get(t).sort(otherEndDescending);
      closes.get(t).forEach(a -> cell.add(new Bracket(Kind.CLOSE, (int) a[0])));
      singles.get(t).forEach(a -> cell.add(new Bracket(Kind.SINGLE, (int) a[0])));
      opens.get(t).forEach(a -> cell.add(new Bracket(Kind.OPEN, (int) a[0])));
      out.add(cell);
    }
    return out;
  }

  /**
   * Brackets are matched per cluster, so two mentions of one cluster that cross ({@code s1 < s2 <
   * e1 < e2}) cannot be written: reading them back would pair the wrong ends.
   */
  private static void requireWritable(CorefDocument doc) {
    for (int c = 0; c < doc.clusters().size(); c++) {
      List<Mention> ms = doc.clusters().get(c);
      for (Mention a : ms) {
        for (Mention b : ms) {
          if (a.start() < b.start() && b.start() < a.end() && a.end() < b.end()) {
            throw new IllegalArgumentException(
                "document "
                    + doc.name()
                    + ": mentions "
                    + a
                    + " and "
                    + b
                    + " of cluster "
                    + doc.clusterIds().get(c)
                    + " cross, which CoNLL brackets cannot express; split them into two clusters");
          }
        }
      }
    }
  }

  /**
   * Writes {@code text} to a temporary file beside {@code file}, then moves it over {@code file}.
   */
  static void writeAtomically(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
