package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coreference column of CoNLL-2012: a cell holds {@code -} (or {@code _}, or nothing) when no
 * mention starts or ends at the token, otherwise brackets {@code (12} (a mention of cluster 12
 * starts), {@code 12)} (one ends) and {@code (12)} (a one-token mention), joined by {@code |} or
 * simply run together (the reference scorer's own test files write {@code (1(3(3}).
 */
final class CorefColumn {

  /** What a bracket does at its token. */
  enum Kind {
    OPEN,
    CLOSE,
    SINGLE
  }

  /** One bracket of a cell. */
  record Bracket(Kind kind, int cluster) {
    @Override
    public String toString() {
      return switch (kind) {
        case OPEN -> "(" + cluster;
        case CLOSE -> cluster + ")";
        case SINGLE -> "(" + cluster + ")";
      };
    }
  }

  private static final Pattern BRACKET = Pattern.compile("\\((\\d+)\\)|\\((\\d+)|(\\d+)\\)");

  private CorefColumn() {}

  /** True for the cells that mean "no bracket here": empty, {@code -} or {@code _}. */
  static boolean isBlank(String cell) {
    return cell.isEmpty() || cell.equals("-") || cell.equals("_");
  }

  /**
   * The brackets of a cell, left to right.
   *
   * @throws IllegalArgumentException naming the cell and the offending character when the cell
   *     holds anything but brackets and {@code |} separators
   */
  static List<Bracket> parse(String cell) {
    List<Bracket> out = new ArrayList<>();
    if (isBlank(cell)) {
      return out;
    }
    Matcher m = BRACKET.matcher(cell);
    int pos = 0;
    while (pos < cell.length()) {
      if (cell.charAt(pos) == '|') {
        pos++;
        continue;
      }
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException(
            "cannot parse coreference cell '"
                + cell
                + "': unexpected '"
                + cell.charAt(pos)
                + "' at character "
                + (pos + 1)
                + " (expected (N, N), (N) or |)");
      }
      if (m.group(1) != null) {
        out.add(new Bracket(Kind.SINGLE, clusterId(m.group(1), cell)));
      } else if (m.group(2) != null) {
        out.add(new Bracket(Kind.OPEN, clusterId(m.group(2), cell)));
      } else {
        out.add(new Bracket(Kind.CLOSE, clusterId(m.group(3), cell)));
      }
      pos = m.end();
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot parse coreference cell '" + cell + "': no bracket");
    }
    return out;
  }

  /** The brackets joined with {@code |}, or {@code -} when there are none. */
  static String format(List<Bracket> brackets) {
    if (brackets.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    for (Bracket b : brackets) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(b);
    }
    return sb.toString();
  }

  private static int clusterId(String digits, String cell) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "cluster id "
              + digits
              + " in cell '"
              + cell
              + "' is out of range 0.."
              + Integer.MAX_VALUE);
    }
  }
}
