package dev.kqlhunt.value;

/**
 * Character classes and case folding shared by the string kernels.
 *
 * <p>Case-insensitive comparison is ordinal-ignore-case as .NET defines it (Kusto's engine
 * semantics for {@code =~}, {@code has}, {@code contains}, ...): two chars are equal when their
 * simple upper-case mappings are equal. So {@code 'ſ'} (U+017F) equals {@code 's'}, but the Kelvin
 * sign (U+212A) does not equal {@code 'k'} (Java's {@code equalsIgnoreCase} would say it does).
 * ASCII takes a branch-only fast path.
 */
final class CharFold {
  private CharFold() {}

  /**
   * Whether {@code c} belongs to a term: ASCII letters and digits, and any non-ASCII letter or digit.
   * Everything else (punctuation, white space, {@code _}, control characters) separates terms.
   */
  static boolean isTermChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /** The case-folded form: the simple upper-case mapping. */
  static char fold(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') ? (char) (c - 32) : c;
    }
    return Character.toUpperCase(c);
  }
}
