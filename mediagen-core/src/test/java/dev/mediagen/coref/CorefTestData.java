package dev.mediagen.coref;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find LitBank and the reference scorer's test files. */
final class CorefTestData {

  private CorefTestData() {}

  /** {@code data/litbank/coref/conll} of the project, found from the working directory upwards. */
  static Path litbankDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("data/litbank/coref/conll");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "data/litbank/coref/conll not found above " + Path.of("").toAbsolutePath());
  }

  /** The 100 LitBank files, sorted by name. */
  static List<Path> litbankFiles() {
    try (Stream<Path> files = Files.list(litbankDir())) {
      return files.filter(p -> p.toString().endsWith(".conll")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the reference scorer's test suite (test resources). */
  static Path scorerTestFile(String name) {
    try {
      return Path.of(CorefTestData.class.getResource("scorer-tests/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource scorer-tests/" + name, e);
    }
  }
}
