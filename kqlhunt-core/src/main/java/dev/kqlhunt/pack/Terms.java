package dev.kqlhunt.pack;

/**
 * Terms and case folding as the engine's string kernels define them ({@code
 * dev.kqlhunt.value.CharFold}, package-private there): a term is a maximal run of ASCII letters and
 * digits or non-ASCII letters and digits; case-insensitive comparison compares the simple upper-case
 * mappings char by char. One deliberate difference: the Kelvin sign folds to {@code K} here, because
 * RE2's case folding ({@code matches regex} with {@code (?i)}) equates it with {@code k} (as it does
 * the long s with {@code s}, which the upper-case mapping already gives). A coarser fold only adds
 * candidates, so a key lookup still finds every value the engine's {@code has}, {@code =~}, {@code
 * startswith} or simple regex would match (a necessary condition). {@code TermsTest} checks the
 * agreement with the engine's matchers.
 */
final class Terms {
  private Terms() {}

  /** For each ASCII char: its fold when it is a term character, else 0 (a separator). */
  static final char[] ASCII_TERM_FOLD = new char[128];

  static {
    for (char c = 0; c < 128; c++) ASCII_TERM_FOLD[c] = isTermChar(c) ? fold(c) : 0;
  }

  /** The fold of {@code c} when it is a term character, else 0; what the tokenising loops use. */
  static char termFold(char c) {
    if (c < 128) return ASCII_TERM_FOLD[c];
    return isTermChar(c) ? fold(c) : 0;
  }

  static boolean isTermChar(char c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Character.isLetterOrDigit(c);
  }

  static char fold(char c) {
    if (c < 128) return (c >= 'a' && c <= 'z') ? (char) (c - 32) : c;
    if (c == '\u212A') return 'K';
    return Character.toUpperCase(c);
  }

  /** {@code s} folded char by char. */
  static String fold(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) out[i] = fold(s.charAt(i));
    return new String(out);
  }

  /**
   * The terms of {@code text}, folded, that are whole terms of any value containing {@code text} at a
   * place where the needle's start is a term boundary when {@code startBounded} and its end when
   * {@code endBounded}: a term of the text qualifies when each of its sides is a separator inside the
   * text or a bounded end. For {@code has} both ends are bounded (it anchors a needle edge that is a
   * term character), so every term qualifies; for {@code contains} neither is.
   */
  static java.util.List<String> wholeTerms(String text, boolean startBounded, boolean endBounded) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!isTermChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isTermChar(text.charAt(i))) i++;
      if ((start > 0 || startBounded) && (i < n || endBounded)) out.add(fold(text.substring(start, i)));
    }
    return out;
  }

  /** Whether every char of {@code s} is ASCII (RE2 and .NET fold ASCII letters alike, but for K and S). */
  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
    return true;
  }

  /** Calls {@code sink} with each term of {@code value}, folded, left to right. */
  static void forEachTerm(String value, java.util.function.Consumer<String> sink) {
    int i = 0;
    int n = value.length();
    char[] buffer = null;
    while (i < n) {
      if (!isTermChar(value.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isTermChar(value.charAt(i))) i++;
      if (buffer == null || buffer.length < i - start) buffer = new char[Math.max(16, i - start)];
      for (int k = start; k < i; k++) buffer[k - start] = fold(value.charAt(k));
      sink.accept(new String(buffer, 0, i - start));
    }
  }
}
