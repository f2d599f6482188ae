package dev.mediagen.coref;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CoNLL-2012 coreference files (OntoNotes {@code *_conll}, LitBank {@code *.conll}, and the
 * reference scorer's test files) into {@link CorefDocument}s.
 *
 * <p>Format: each document part lies between {@code #begin document (name); part NNN} and {@code
 * #end document}; one token per line; a blank line ends a sentence. Columns are separated by tabs
 * when the document's first token line has a tab, otherwise by runs of spaces (OntoNotes' aligned
 * files). The last column is the coreference cell (see {@link CorefColumn}); the word is column 4
 * when a line has at least five columns, otherwise column 1 (the scorer's two-column test files
 * have no word column).
 *
 * <p>Brackets are matched per cluster number, last opened first closed, read left to right within a
 * cell. (The reference scorer reads a cell's {@code (N} before its {@code N)}; the two differ only
 * for a cell that closes and reopens the same cluster, {@code 3)|(3}, which the reference misreads
 * and this reader reads as written. No LitBank file has one.)
 *
 * <p>Every problem (a closing bracket with no open one, a mention never closed, a column count
 * unlike the rest of the document, a missing {@code #end document}) is a {@link
 * ConllFormatException} naming the file, the line and the problem.
 */
public final class ConllReader {

  private static final Pattern BEGIN =
      Pattern.compile(
          "^#\\s*begin document\\s*(?:\\((.*)\\)|(\\S.*?))\\s*;?\\s*(?:part\\s+(\\d+))?\\s*$");
  private static final Pattern END = Pattern.compile("^#\\s*end document\\b.*");
  private static final Pattern FIELD = Pattern.compile("\\S+");

  private ConllReader() {}

  /** Reads every document of a UTF-8 file. */
  public static List<CorefDocument> read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /** Reads every document of a string; {@code source} names it in error messages. */
  public static List<CorefDocument> read(String text, String source) throws IOException {
    return read(new BufferedReader(new StringReader(text)), source);
  }

  /** Reads every document from {@code in}; {@code source} names it in error messages. */
  public static List<CorefDocument> read(BufferedReader in, String source) throws IOException {
    List<CorefDocument> docs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    DocumentBuilder doc = null;
    int lineNo = 0;
    for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
      lineNo++;
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      Matcher begin = BEGIN.matcher(line);
      if (begin.matches()) {
        if (doc != null) {
          throw new ConllFormatException(
              source,
              lineNo,
              "'#begin document' before the '#end document' of document "
                  + doc.name()
                  + " (begun at line "
                  + doc.beginLine
                  + ")");
        }
        String id = begin.group(1) != null ? begin.group(1) : begin.group(2);
        int part = begin.group(3) == null ? 0 : parsePart(begin.group(3), source, lineNo);
        doc = new DocumentBuilder(source, id.trim(), part, line, lineNo);
        if (!names.add(doc.name())) {
          throw new ConllFormatException(
              source, lineNo, "document " + doc.name() + " appears twice");
        }
      } else if (END.matcher(line).matches()) {
        if (doc == null) {
          throw new ConllFormatException(source, lineNo, "'#end document' with no open document");
        }
        docs.add(doc.finish(lineNo));
        doc = null;
      } else if (line.isBlank()) {
        if (doc != null) {
          doc.endSentence();
        }
      } else if (doc == null) {
        if (!line.startsWith("#")) {
          throw new ConllFormatException(
              source, lineNo, "token line outside a document (no '#begin document' before it)");
        }
      } else if (line.startsWith("#")) {
        throw new ConllFormatException(
            source, lineNo, "unexpected comment line inside document " + doc.name() + ": " + line);
      } else {
        doc.addToken(line, lineNo);
      }
    }
    if (doc != null) {
      throw new ConllFormatException(
          source,
          lineNo + 1,
          "missing '#end document' for document "
              + doc.name()
              + " begun at line "
              + doc.beginLine
              + " (end of file reached)");
    }
    return docs;
  }

  private static int parsePart(String digits, String source, int lineNo)
      throws ConllFormatException {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new ConllFormatException(source, lineNo, "part number " + digits + " is too large");
    }
  }

  /** The state of one document while its lines are read. */
  private static final class DocumentBuilder {
    private final String source;
    private final String docId;
    private final int part;
    private final String header;
    private final int beginLine;
    private final List<List<String>> sentences = new ArrayList<>();
    private List<String> sentence = new ArrayList<>();
    private final List<ConllLine> lines = new ArrayList<>();
    private final Map<Integer, List<Mention>> clusters = new TreeMap<>();

    /** Per cluster number, the still-open mentions as {token, line}, most recent on top. */
    private final Map<Integer, Deque<int[]>> open = new TreeMap<>();

    private int columns = -1;
    private boolean tabs;
    private int columnsLine;

    DocumentBuilder(String source, String docId, int part, String header, int beginLine) {
      this.source = source;
      this.docId = docId;
      this.part = part;
      this.header = header;
      this.beginLine = beginLine;
    }

    String name() {
      return "\"" + docId + "\" part " + part;
    }

    void addToken(String line, int lineNo) throws ConllFormatException {
      if (columns < 0) {
        tabs = line.indexOf('\t') >= 0;
      }
      List<int[]> fields = fields(line);
      if (columns < 0) {
        columns = fields.size();
        columnsLine = lineNo;
        if (columns < 2) {
          throw new ConllFormatException(
              source,
              lineNo,
              "a token line needs at least 2 columns (a token and the coreference cell), got 1");
        }
      }
      boolean strayTrailingField =
          fields.size() == columns + 1 && fields.get(columns)[0] == fields.get(columns)[1];
      if (fields.size() != columns && !strayTrailingField) {
        throw new ConllFormatException(
            source,
            lineNo,
            fields.size()
                + " columns, but the document's first token line (line "
                + columnsLine
                + ") has "
                + columns);
      }
      int[] cell = fields.get(columns - 1);
      String coref = line.substring(cell[0], cell[1]);
      int[] word = fields.get(columns >= 5 ? 3 : 0);
      int token = lines.size();
      lines.add(new ConllLine(line.substring(0, cell[0]), coref, line.substring(cell[1])));
      sentence.add(line.substring(word[0], word[1]));
      List<CorefColumn.Bracket> brackets;
      try {
        brackets = CorefColumn.parse(coref);
      } catch (IllegalArgumentException e) {
        throw new ConllFormatException(source, lineNo, e.getMessage());
      }
      for (CorefColumn.Bracket b : brackets) {
        switch (b.kind()) {
          case SINGLE -> addMention(b.cluster(), new Mention(token, token));
          case OPEN ->
              open.computeIfAbsent(b.cluster(), k -> new ArrayDeque<>())
                  .push(new int[] {token, lineNo});
          case CLOSE -> {
            Deque<int[]> stack = open.get(b.cluster());
            if (stack == null || stack.isEmpty()) {
              throw new ConllFormatException(
                  source,
                  lineNo,
                  "closing bracket '"
                      + b
                      + "' but no mention of cluster "
                      + b.cluster()
                      + " is open in document "
                      + name());
            }
            addMention(b.cluster(), new Mention(stack.pop()[0], token));
          }
          default -> throw new IllegalStateException("unknown bracket " + b);
        }
      }
    }

    /** Start and end offsets of each column of a line. */
    private List<int[]> fields(String line) {
      List<int[]> out = new ArrayList<>();
      if (tabs) {
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
          if (i == line.length() || line.charAt(i) == '\t') {
            out.add(new int[] {start, i});
            start = i + 1;
          }
        }
      } else {
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
          out.add(new int[] {m.start(), m.end()});
        }
      }
      return out;
    }

    private void addMention(int cluster, Mention m) {
      clusters.computeIfAbsent(cluster, k -> new ArrayList<>()).add(m);
    }

    void endSentence() {
      if (!sentence.isEmpty()) {
        sentences.add(sentence);
        sentence = new ArrayList<>();
      }
    }

    CorefDocument finish(int lineNo) throws ConllFormatException {
      for (Map.Entry<Integer, Deque<int[]>> e : open.entrySet()) {
        if (!e.getValue().isEmpty()) {
          throw new ConllFormatException(
              source,
              e.getValue().peek()[1],
              "mention '("
                  + e.getKey()
                  + "' of document "
                  + name()
                  + " is never closed (unbalanced brackets; '#end document' at line "
                  + lineNo
                  + ")");
        }
      }
      endSentence();
      List<List<Mention>> clusterList = new ArrayList<>();
      for (List<Mention> c : clusters.values()) {
        c.sort(null);
        clusterList.add(c);
      }
      return new CorefDocument(
          docId, part, header, sentences, lines, clusterList, new ArrayList<>(clusters.keySet()));
    }
  }
}
