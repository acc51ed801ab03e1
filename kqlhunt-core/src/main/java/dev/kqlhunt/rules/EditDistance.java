package dev.kqlhunt.rules;

/** Levenshtein distance with an early cut-off, for "did you mean" suggestions. */
final class EditDistance {
  private EditDistance() {}

  /** The edit distance of {@code a} and {@code b}, or {@code limit} when it is at least {@code limit}. */
  static int levenshtein(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) return limit;
    int[] prev = new int[b.length() + 1];
    int[] curr = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      curr[0] = i;
      int rowMin = curr[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        curr[j] = Math.min(Math.min(curr[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, curr[j]);
      }
      if (rowMin >= limit) return limit;
      int[] t = prev;
      prev = curr;
      curr = t;
    }
    return Math.min(prev[b.length()], limit);
  }
}
