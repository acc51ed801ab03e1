package dev.kqlhunt.syntax;

import dev.kqlhunt.text.TextSpan;

/**
 * One lexical token: its kind, where it starts, how long it is, its text as written and, for literals
 * and bracketed names, its decoded value (String for strings and names, Long for longs and timespans
 * in ticks, Double for reals, the inner text for typed literals). {@code gapBefore} is true when
 * whitespace or a comment precedes it, which matters where Kusto demands adjacency ({@code 1d}).
 */
public record Token(TokenKind kind, int start, int length, String text, Object value, boolean gapBefore) {
  public int end() {
    return start + length;
  }

  public TextSpan span() {
    return new TextSpan(start, length);
  }

  /** True for an identifier token spelled exactly {@code word} (KQL keywords are case-sensitive). */
  public boolean is(String word) {
    return kind == TokenKind.IDENTIFIER && text.equals(word);
  }
}
