package dev.mediagen.coref;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The document-level train/dev/test split of LitBank used throughout the project: the sorted
 * document ids shuffled with {@code java.util.Random(SEED)}, the first 10% (rounded) to test, the
 * next 10% to dev, the rest (80%) to train. LitBank's own papers use 10-fold cross-validation; one
 * fixed split keeps runs comparable and cheap. The result is also kept as a resource ({@value
 * #RESOURCE}), so the ids are readable without running code and a test checks that the two agree.
 *
 * @param train document ids for training, sorted
 * @param dev document ids for model selection, sorted
 * @param test document ids for the reported numbers, sorted
 */
public record LitbankSplit(List<String> train, List<String> dev, List<String> test) {

  /** The seed of the shuffle. */
  public static final long SEED = 20210101L;

  /** Classpath location of the split as {@code split<TAB>docId} lines. */
  public static final String RESOURCE = "/dev/mediagen/coref/litbank-split.tsv";

  /** Names of the three parts, as used on the command line. */
  public static final List<String> NAMES = List.of("train", "dev", "test");

  public LitbankSplit {
    train = List.copyOf(new TreeSet<>(train));
    dev = List.copyOf(new TreeSet<>(dev));
    test = List.copyOf(new TreeSet<>(test));
    Set<String> all = new HashSet<>();
    for (List<String> part : List.of(train, dev, test)) {
      for (String id : part) {
        if (!all.add(id)) {
          throw new IllegalArgumentException("document " + id + " is in more than one split");
        }
      }
    }
  }

  /** The split of the given ids with the given seed (duplicates ignored). */
  public static LitbankSplit compute(Collection<String> docIds, long seed) {
    List<String> ids = new ArrayList<>(new TreeSet<>(docIds));
    Collections.shuffle(ids, new Random(seed));
    int nTest = (int) Math.round(ids.size() * 0.1);
    int nDev = (int) Math.round(ids.size() * 0.1);
    return new LitbankSplit(
        ids.subList(nTest + nDev, ids.size()),
        ids.subList(nTest, nTest + nDev),
        ids.subList(0, nTest));
  }

  /** The project's split, read from {@value #RESOURCE}. */
  public static LitbankSplit standard() {
    List<String> train = new ArrayList<>();
    List<String> dev = new ArrayList<>();
    List<String> test = new ArrayList<>();
    try (InputStream in = LitbankSplit.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        switch (f[0]) {
          case "train" -> train.add(f[1]);
          case "dev" -> dev.add(f[1]);
          case "test" -> test.add(f[1]);
          default -> throw new IllegalStateException(RESOURCE + ": unknown split '" + f[0] + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LitbankSplit(train, dev, test);
  }

  /** The ids of one part: {@code train}, {@code dev} or {@code test}. */
  public List<String> ids(String split) {
    return switch (split) {
      case "train" -> train;
      case "dev" -> dev;
      case "test" -> test;
      default ->
          throw new IllegalArgumentException(
              "unknown split '" + split + "', allowed: " + String.join(", ", NAMES));
    };
  }

  /** The documents of {@code docs} that belong to one part, in their given order. */
  public List<CorefDocument> select(List<CorefDocument> docs, String split) {
    Set<String> ids = new HashSet<>(ids(split));
    return docs.stream().filter(d -> ids.contains(d.docId())).toList();
  }

  /** The split as the resource file's text. */
  public String toTsv() {
    StringBuilder sb = new StringBuilder();
    sb.append(
            "# LitBank coreference split (see dev.mediagen.coref.LitbankSplit): the sorted"
                + " document\n")
        .append("# ids shuffled with java.util.Random(")
        .append(SEED)
        .append("); first 10% test, next")
        .append(" 10% dev, rest train.\n# split\tdoc_id\n");
    for (String split : NAMES) {
      for (String id : ids(split)) {
        sb.append(split).append('\t').append(id).append('\n');
      }
    }
    return sb.toString();
  }
}
