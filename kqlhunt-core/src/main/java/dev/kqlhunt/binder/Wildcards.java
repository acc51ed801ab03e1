package dev.kqlhunt.binder;

/** Column-name wildcards of {@code project-away}, {@code union T*}: {@code *} matches any run of characters. */
final class Wildcards {
  private Wildcards() {}

  static boolean matches(String pattern, String name) {
    return matches(pattern, 0, name, 0);
  }

  private static boolean matches(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) if (matches(p, pi + 1, s, k)) return true;
        return false;
      }
      if (si >= s.length() || s.charAt(si) != c) return false;
      pi++;
      si++;
    }
    return si == s.length();
  }
}
