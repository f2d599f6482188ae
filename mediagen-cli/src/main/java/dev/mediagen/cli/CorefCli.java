package dev.mediagen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mediagen.coref.ConllReader;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.Prf;
import dev.mediagen.coref.Scores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** What the {@code coref} subcommands share: reading CoNLL inputs, printing and saving scores. */
final class CorefCli {

  private CorefCli() {}

  /** LitBank's CoNLL files in the project. */
  static Path defaultData() {
    return Paths.home().resolve("data").resolve("litbank").resolve("coref").resolve("conll");
  }

  /** Where frozen MiniLM states are cached. */
  static Path defaultCache() {
    return Paths.home().resolve(".cache").resolve("coref-states");
  }

  /** The shipped s2e checkpoint. */
  static Path defaultCheckpoint() {
    return Paths.home().resolve("models").resolve("coref-s2e");
  }

  /**
   * The documents of a CoNLL file, or of every {@code *.conll} / {@code *_conll} file of a
   * directory (sorted by name).
   */
  static List<CorefDocument> readDocuments(Path path, String option) throws IOException {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(option + " " + path + " does not exist");
    }
    if (!Files.isDirectory(path)) {
      return ConllReader.read(path);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(path)) {
      files =
          s.filter(p -> p.toString().endsWith(".conll") || p.toString().endsWith("_conll"))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          option + " " + path + " is a directory without *.conll or *_conll files");
    }
    List<CorefDocument> docs = new ArrayList<>();
    for (Path f : files) {
      docs.addAll(ConllReader.read(f));
    }
    return docs;
  }

  /** A fixed-width table of recall, precision and F1 in percent. */
  static void printTable(Scores s, PrintWriter out) {
    out.printf(Locale.ROOT, "%-9s %8s %10s %8s%n", "metric", "recall", "precision", "F1");
    row(out, "MUC", s.muc());
    row(out, "B3", s.bcub());
    row(out, "CEAF-e", s.ceafe());
    out.printf(Locale.ROOT, "%-9s %8s %10s %8.2f%n", "CoNLL", "", "", 100 * s.conllF1());
    out.flush();
  }

  private static void row(PrintWriter out, String name, Prf prf) {
    out.printf(
        Locale.ROOT,
        "%-9s %8.2f %10.2f %8.2f%n",
        name,
        100 * prf.r(),
        100 * prf.p(),
        100 * prf.f1());
  }

  /**
   * Writes {@code {"muc":{"p","r","f1"},"bcub":{…},"ceafe":{…},"conll_f1":…}} (fractions) to a
   * temporary file, then moves it over {@code file}.
   */
  static void writeJson(Scores s, Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("muc", prf(s.muc()));
    json.put("bcub", prf(s.bcub()));
    json.put("ceafe", prf(s.ceafe()));
    json.put("conll_f1", s.conllF1());
    String text =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
            + "\n";
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
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

  private static Map<String, Double> prf(Prf prf) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("p", prf.p());
    m.put("r", prf.r());
    m.put("f1", prf.f1());
    return m;
  }
}
