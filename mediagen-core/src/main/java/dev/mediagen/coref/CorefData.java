package dev.mediagen.coref;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/** Loading CoNLL corpora and their frozen states for training and evaluation. */
public final class CorefData {
  private CorefData() {}

  /**
   * The documents of a CoNLL file, or of every {@code *.conll} / {@code *_conll} file of a
   * directory (sorted by name).
   */
  public static List<CorefDocument> read(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("coreference data " + path + " does not exist");
    }
    if (!Files.isDirectory(path)) {
      return ConllReader.read(path);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(path)) {
      files = s.filter(p -> p.toString().endsWith(".conll") || p.toString().endsWith("_conll")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(path + " is a directory without *.conll or *_conll files");
    }
    List<CorefDocument> docs = new ArrayList<>();
    for (Path f : files) {
      docs.addAll(ConllReader.read(f));
    }
    return docs;
  }

  /** The frozen states of each document (from the cache where present); reports each one done. */
  public static List<float[]> states(List<CorefDocument> docs, StateCache cache, IntConsumer done)
      throws IOException {
    List<float[]> out = new ArrayList<>();
    for (CorefDocument d : docs) {
      out.add(cache.states(d));
      done.accept(out.size());
    }
    return out;
  }

  /** Documents paired with their states as training examples. */
  public static List<CorefExample> examples(List<CorefDocument> docs, List<float[]> states) {
    List<CorefExample> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      out.add(CorefExample.of(docs.get(i), states.get(i)));
    }
    return out;
  }
}
