package dev.kqlhunt.value;

/**
 * A constant needle prepared for repeated case-sensitive or case-insensitive comparison: the raw
 * chars plus their ASCII lower/upper forms and folds, so the per-char test is two compares in the
 * common case.
 */
final class Needle {
  final char[] chars;
  private final char[] lower;
  private final char[] upper;
  private final char[] folded;
  final boolean caseSensitive;
  /**
   * The chars a match can start with, for the {@link String#indexOf(int, int)} scan (an intrinsic,
   * vectorised for Latin-1 strings); -1 when unused. Null when the first needle char is non-ASCII
   * in case-insensitive mode, where {@link #search} falls back to a char loop.
   */
  private final int[] firsts;

  Needle(String needle, boolean caseSensitive) {
    this.chars = needle.toCharArray();
    this.caseSensitive = caseSensitive;
    int n = chars.length;
    lower = new char[n];
    upper = new char[n];
    folded = new char[n];
    for (int i = 0; i < n; i++) {
      folded[i] = CharFold.fold(chars[i]);
      // ASCII fast path: a char equals the needle char when it is one of its two ASCII cases.
      upper[i] = folded[i];
      lower[i] = folded[i] < 128 ? Character.toLowerCase(folded[i]) : chars[i];
    }
    this.firsts = n == 0 ? null : firstChars();
  }

  private int[] firstChars() {
    char c = chars[0];
    if (caseSensitive) return new int[] {c, -1, -1};
    if (c >= 128) return null;
    // The only non-ASCII chars whose upper case is ASCII: dotless i and long s.
    int special = folded[0] == 'I' ? '\u0131' : folded[0] == 'S' ? '\u017F' : -1;
    return new int[] {lower[0], upper[0] != lower[0] ? upper[0] : -1, special};
  }

  /**
   * Whether the needle occurs in {@code s} with the given edges on term boundaries ({@link
   * TermMatcher}); both false is a plain substring search. Candidate starts are found with {@code
   * indexOf} on the possible first chars, each position cached so the scan stays linear.
   */
  boolean search(String s, boolean anchorStart, boolean anchorEnd) {
    int n = chars.length;
    int last = s.length() - n;
    if (n == 0) return true;
    if (last < 0) return false;
    if (firsts == null) return slowSearch(s, last, anchorStart, anchorEnd);
    int a = s.indexOf(firsts[0]);
    int b = firsts[1] < 0 ? -1 : s.indexOf(firsts[1]);
    int c = firsts[2] < 0 ? -1 : s.indexOf(firsts[2]);
    while (true) {
      int i = min(a, min(b, c));
      if (i < 0 || i > last) return false;
      if (accept(s, i, last, anchorStart, anchorEnd)) return true;
      if (a == i) a = s.indexOf(firsts[0], i + 1);
      if (b == i) b = s.indexOf(firsts[1], i + 1);
      if (c == i) c = s.indexOf(firsts[2], i + 1);
    }
  }

  private boolean slowSearch(String s, int last, boolean anchorStart, boolean anchorEnd) {
    for (int i = 0; i <= last; i++) {
      if (firstMatches(s.charAt(i)) && accept(s, i, last, anchorStart, anchorEnd)) return true;
    }
    return false;
  }

  private boolean accept(String s, int i, int last, boolean anchorStart, boolean anchorEnd) {
    if (anchorStart && i > 0 && CharFold.isTermChar(s.charAt(i - 1))) return false;
    if (anchorEnd && i < last && CharFold.isTermChar(s.charAt(i + chars.length))) return false;
    return matchesAt(s, i);
  }

  /** The smaller of two positions where -1 means "none". */
  private static int min(int x, int y) {
    if (x < 0) return y;
    if (y < 0) return x;
    return Math.min(x, y);
  }

  /**
   * Whether {@code c} can start a match: the cheap filter run on every position before the full
   * compare. Requires a non-empty needle.
   */
  boolean firstMatches(char c) {
    if (c == chars[0]) return true;
    if (caseSensitive) return false;
    return c == lower[0] || c == upper[0] || ((c | chars[0]) >= 128 && CharFold.fold(c) == folded[0]);
  }

  int length() {
    return chars.length;
  }

  /** Whether the needle occurs in {@code s} at {@code from}; the caller checks the bounds. */
  boolean matchesAt(String s, int from) {
    int n = chars.length;
    if (caseSensitive) {
      for (int i = 0; i < n; i++) {
        if (s.charAt(from + i) != chars[i]) return false;
      }
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(from + i);
      if (c != lower[i] && c != upper[i] && ((c | chars[i]) < 128 || CharFold.fold(c) != folded[i])) {
        return false;
      }
    }
    return true;
  }
}
