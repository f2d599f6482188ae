package dev.mediagen.coref;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a response covers exactly the key's documents with the key's tokens. Scoring compares
 * token positions, so a response built on other tokens would be scored silently wrong; the check
 * fails instead, naming the file, the document and the first position that differs. (The reference
 * scorer checks nothing; its own test files even change the words of a response, so word comparison
 * is optional.)
 */
public final class CorefAlignment {

  private CorefAlignment() {}

  /**
   * Requires the same documents (by name and part, in any order) with the same number of tokens
   * and, if {@code compareWords}, the same words.
   *
   * @param keySource names the key in messages (a file name)
   * @param responseSource names the response in messages
   * @throws IllegalArgumentException describing the first difference
   */
  public static void requireAligned(
      List<CorefDocument> key,
      String keySource,
      List<CorefDocument> response,
      String responseSource,
      boolean compareWords) {
    Map<String, CorefDocument> keyDocs = byName(key, keySource);
    Map<String, CorefDocument> responseDocs = byName(response, responseSource);
    for (String name : keyDocs.keySet()) {
      if (!responseDocs.containsKey(name)) {
        throw new IllegalArgumentException(
            responseSource + " has no document " + name + " (" + keySource + " has it)");
      }
    }
    for (String name : responseDocs.keySet()) {
      if (!keyDocs.containsKey(name)) {
        throw new IllegalArgumentException(
            responseSource + " has document " + name + ", which " + keySource + " does not have");
      }
    }
    for (CorefDocument k : keyDocs.values()) {
      requireSameTokens(k, keySource, responseDocs.get(k.name()), responseSource, compareWords);
    }
  }

  private static void requireSameTokens(
      CorefDocument key,
      String keySource,
      CorefDocument response,
      String responseSource,
      boolean compareWords) {
    List<String> a = key.tokens();
    List<String> b = response.tokens();
    int n = Math.min(a.size(), b.size());
    for (int t = 0; t <= n; t++) {
      if (t == n && a.size() == b.size()) {
        return;
      }
      if (t == n || (compareWords && !a.get(t).equals(b.get(t)))) {
        String what =
            t == n
                ? (a.size() < b.size()
                    ? keySource
                        + " ends after "
                        + a.size()
                        + " tokens, "
                        + responseSource
                        + " has "
                        + b.size()
                    : responseSource
                        + " ends after "
                        + b.size()
                        + " tokens, "
                        + keySource
                        + " has "
                        + a.size())
                : keySource
                    + " has '"
                    + a.get(t)
                    + "', "
                    + responseSource
                    + " has '"
                    + b.get(t)
                    + "'";
        throw new IllegalArgumentException(
            "document "
                + key.name()
                + ": tokens differ first at "
                + position(key, t)
                + ": "
                + what);
      }
    }
  }

  /** "sentence S, token I (document token T)", all 1-based for people. */
  private static String position(CorefDocument doc, int token) {
    int start = 0;
    for (int s = 0; s < doc.sentences().size(); s++) {
      int size = doc.sentences().get(s).size();
      if (token < start + size) {
        return "sentence "
            + (s + 1)
            + ", token "
            + (token - start + 1)
            + " (document token "
            + (token + 1)
            + ")";
      }
      start += size;
    }
    return "document token " + (token + 1) + " (past the end)";
  }

  private static Map<String, CorefDocument> byName(List<CorefDocument> docs, String source) {
    Map<String, CorefDocument> out = new LinkedHashMap<>();
    for (CorefDocument d : docs) {
      if (out.put(d.name(), d) != null) {
        throw new IllegalArgumentException(source + " has document " + d.name() + " twice");
      }
    }
    return out;
  }
}
