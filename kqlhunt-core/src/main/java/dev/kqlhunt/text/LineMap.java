package dev.kqlhunt.text;

import java.util.Arrays;

/**
 * Maps character offsets to 1-based line and column numbers. Lines end at {@code \n}, {@code \r\n} or a
 * lone {@code \r}. Built once per text in O(n); each lookup is a binary search.
 */
public final class LineMap {
  private final int[] lineStarts;
  private final int textLength;

  public LineMap(CharSequence text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i++;
      }
      if (c == '\n' || c == '\r') {
        if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.textLength = n;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line of the offset; offsets past the end map to the last line. */
  public int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, textLength)));
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** 1-based column of the offset, counted in UTF-16 code units. */
  public int column(int offset) {
    int clamped = Math.max(0, Math.min(offset, textLength));
    return clamped - lineStarts[line(clamped) - 1] + 1;
  }

  /** Offset where the 1-based line starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** Offset just past the last character of the line, before its terminator. */
  public int lineEnd(int line, CharSequence text) {
    int end = line < lineStarts.length ? lineStarts[line] : textLength;
    while (end > lineStarts[line - 1] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }
}
