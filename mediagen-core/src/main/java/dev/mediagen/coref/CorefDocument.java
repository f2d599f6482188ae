package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One CoNLL-2012 document part: its tokens by sentence, the original token lines (so a writer can
 * give every other column back unchanged) and its coreference clusters.
 *
 * <p>Clusters are lists of {@link Mention}s, inclusive spans over the document-level token index.
 * Singletons (clusters of one mention) are kept: LitBank annotates them. {@code clusterIds} holds
 * the number each cluster carries in the coreference column ({@code (12} ...), parallel to {@code
 * clusters}; the reader keeps the file's numbers so that a file is written back exactly, and {@link
 * #withClusters} numbers new clusters 0, 1, 2, ...
 *
 * @param docId the name inside {@code #begin document (name); part NNN}
 * @param part the part number ({@code 0} when the header has none)
 * @param header the {@code #begin document} line as read, written back unchanged
 * @param sentences the tokens (the word column) sentence by sentence
 * @param lines one {@link ConllLine} per token, in document order
 * @param clusters the coreference clusters
 * @param clusterIds the coreference-column number of each cluster
 */
public record CorefDocument(
    String docId,
    int part,
    String header,
    List<List<String>> sentences,
    List<ConllLine> lines,
    List<List<Mention>> clusters,
    List<Integer> clusterIds) {

  public CorefDocument {
    if (docId == null || docId.isEmpty()) {
      throw new IllegalArgumentException("docId must be a non-empty string, got '" + docId + "'");
    }
    if (part < 0) {
      throw new IllegalArgumentException("part must be >= 0, got " + part);
    }
    if (header == null || !header.startsWith("#")) {
      throw new IllegalArgumentException("header must be a '#begin document' line, got " + header);
    }
    sentences = sentences.stream().map(List::copyOf).toList();
    lines = List.copyOf(lines);
    clusters = clusters.stream().map(List::copyOf).toList();
    clusterIds = List.copyOf(clusterIds);
    int tokens = sentences.stream().mapToInt(List::size).sum();
    if (lines.size() != tokens) {
      throw new IllegalArgumentException(
          "document " + docId + ": " + lines.size() + " token lines for " + tokens + " tokens");
    }
    if (clusterIds.size() != clusters.size()) {
      throw new IllegalArgumentException(
          "document "
              + docId
              + ": "
              + clusterIds.size()
              + " cluster ids for "
              + clusters.size()
              + " clusters");
    }
    Set<Integer> seen = new HashSet<>();
    for (int id : clusterIds) {
      if (id < 0 || !seen.add(id)) {
        throw new IllegalArgumentException(
            "document " + docId + ": cluster ids must be distinct and >= 0, got " + clusterIds);
      }
    }
    for (List<Mention> cluster : clusters) {
      if (cluster.isEmpty()) {
        throw new IllegalArgumentException("document " + docId + ": a cluster has no mention");
      }
      for (Mention m : cluster) {
        if (m.end() >= tokens) {
          throw new IllegalArgumentException(
              "document "
                  + docId
                  + ": mention "
                  + m
                  + " ends past the last token ("
                  + tokens
                  + " tokens, allowed range 0.."
                  + (tokens - 1)
                  + ")");
        }
      }
    }
  }

  /**
   * A document built from raw tokens, for prediction on plain text: no clusters, and token lines in
   * LitBank's 13-column layout (doc id, part, index in sentence, word, {@code _} placeholders, then
   * the coreference cell {@code -}).
   */
  public static CorefDocument fromTokens(String docId, int part, List<List<String>> sentences) {
    List<ConllLine> lines = new ArrayList<>();
    for (List<String> sentence : sentences) {
      for (int i = 0; i < sentence.size(); i++) {
        String word = sentence.get(i);
        if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException(
              "document " + docId + ": token '" + word + "' must be non-empty without whitespace");
        }
        String prefix = docId + "\t" + part + "\t" + i + "\t" + word + "\t_\t_\t_\t_\t_\t_\t_\t_\t";
        lines.add(new ConllLine(prefix, "-", ""));
      }
    }
    String header = "#begin document (" + docId + "); part " + String.format("%03d", part);
    return new CorefDocument(docId, part, header, sentences, lines, List.of(), List.of());
  }

  /** The same document with other clusters (a prediction), numbered 0, 1, 2, ... */
  public CorefDocument withClusters(List<List<Mention>> newClusters) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < newClusters.size(); i++) {
      ids.add(i);
    }
    return new CorefDocument(docId, part, header, sentences, lines, newClusters, ids);
  }

  /** How documents are told apart and named in messages: {@code "name" part N}. */
  public String name() {
    return "\"" + docId + "\" part " + part;
  }

  /** Number of tokens in the document. */
  public int tokenCount() {
    return lines.size();
  }

  /** All tokens in document order. */
  public List<String> tokens() {
    List<String> out = new ArrayList<>(tokenCount());
    sentences.forEach(out::addAll);
    return out;
  }

  /** All mentions of all clusters, in reading order. */
  public List<Mention> mentions() {
    List<Mention> out = new ArrayList<>();
    clusters.forEach(out::addAll);
    out.sort(null);
    return out;
  }
}
