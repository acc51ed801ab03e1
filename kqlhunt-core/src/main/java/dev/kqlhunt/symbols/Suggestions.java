package dev.kqlhunt.symbols;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean ...?" for unknown names. Stateless; cost O(candidates × |name| × |candidate|).
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code name}, or null when none is close enough. A candidate equal to
   * {@code name} ignoring case always wins (KQL names are case-sensitive, so that is the commonest
   * slip). Otherwise the smallest case-insensitive edit distance (Damerau: adjacent swaps cost one) wins
   * if it is at most a third of the name's length (at least 1, at most 3); ties go to the candidate whose
   * case matches more, then to the shorter, then to the alphabetically first, so the answer is stable.
   */
  public static String closest(String name, Collection<String> candidates) {
    if (name == null || name.isEmpty()) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestCaseDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(name)) {
        continue;
      }
      String cl = c.toLowerCase(Locale.ROOT);
      if (cl.equals(lower)) {
        return c;
      }
      if (Math.abs(cl.length() - lower.length()) > limit) {
        continue;
      }
      int d = distance(lower, cl);
      if (d > limit) {
        continue;
      }
      int caseD = distance(name, c);
      if (d < bestDistance
          || (d == bestDistance && caseD < bestCaseDistance)
          || (d == bestDistance && caseD == bestCaseDistance && isBetterTie(c, best))) {
        best = c;
        bestDistance = d;
        bestCaseDistance = caseD;
      }
    }
    return best;
  }

  private static boolean isBetterTie(String c, String best) {
    if (best == null) {
      return true;
    }
    return c.length() != best.length() ? c.length() < best.length() : c.compareTo(best) < 0;
  }

  /** Optimal-string-alignment distance: insert, delete, substitute and swap of adjacent chars cost 1. */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
