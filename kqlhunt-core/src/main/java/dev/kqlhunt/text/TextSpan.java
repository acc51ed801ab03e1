package dev.kqlhunt.text;

/**
 * A range of characters in a {@link SourceText}: an offset and a length, both in UTF-16 code units.
 * Line and column are computed on demand from the source's {@link LineMap}.
 */
public record TextSpan(int start, int length) {
  public static final TextSpan EMPTY = new TextSpan(0, 0);

  public TextSpan {
    if (start < 0) throw new IllegalArgumentException("start < 0: " + start);
    if (length < 0) throw new IllegalArgumentException("length < 0: " + length);
  }

  public static TextSpan of(int start, int end) {
    return new TextSpan(start, end - start);
  }

  public int end() {
    return start + length;
  }

  /** The smallest span that covers both. */
  public TextSpan union(TextSpan other) {
    return of(Math.min(start, other.start), Math.max(end(), other.end()));
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end();
  }

  public TextSpan shift(int delta) {
    return new TextSpan(start + delta, length);
  }
}
