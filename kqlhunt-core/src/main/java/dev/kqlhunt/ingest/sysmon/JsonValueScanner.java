package dev.kqlhunt.ingest.sysmon;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream of concatenated JSON values ({@code evtx_dump} output: pretty-printed
 * objects written back to back, no commas) into one text per value, with the line it starts on. A
 * top-level array is split into its elements. Only brackets, strings and escapes are tracked; the
 * values themselves are parsed by the caller.
 *
 * <p>A value longer than {@code maxChars} is not buffered: it is reported with {@link
 * Handler#tooLarge}. Text outside any value is reported once per run with {@link Handler#stray}.
 * Input ending inside a value is reported with {@link Handler#truncated}. Not thread-safe.
 */
final class JsonValueScanner {
  interface Handler {
    void value(String text, long line);

    void tooLarge(long line, long chars);

    void stray(long line, String text);

    void truncated(long line, String text);
  }

  private final Reader in;
  private final int maxChars;
  private final Handler handler;
  private final StringBuilder value = new StringBuilder();
  private long line = 1;
  private long valueLine;
  private long valueChars;
  private int depth;
  private int recordDepth; // 0, or 1 inside a top-level array
  private boolean inString;
  private boolean escaped;
  private StringBuilder stray;
  private long strayLine;

  JsonValueScanner(Reader in, int maxChars, Handler handler) {
    this.in = in;
    this.maxChars = maxChars;
    this.handler = handler;
  }

  void run() throws IOException {
    char[] buf = new char[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      for (int i = 0; i < n; i++) {
        accept(buf[i]);
      }
    }
    flushStray();
    if (depth > recordDepth) {
      handler.truncated(valueLine, value.toString());
    }
  }

  private void accept(char c) {
    if (depth > recordDepth) {
      inValue(c);
    } else if (c == '{' || c == '[' && recordDepth == 1) {
      flushStray();
      startValue(c);
    } else if (c == '[' && depth == 0) {
      flushStray();
      recordDepth = 1;
      depth = 1;
    } else if (c == ']' && depth == 1 && recordDepth == 1) {
      depth = 0;
      recordDepth = 0;
    } else if (!Character.isWhitespace(c) && !(c == ',' && recordDepth == 1)) {
      if (stray == null) {
        stray = new StringBuilder();
        strayLine = line;
      }
      if (stray.length() < 200) {
        stray.append(c);
      }
    }
    if (c == '\n') {
      line++;
    }
  }

  private void startValue(char c) {
    value.setLength(0);
    valueLine = line;
    valueChars = 0;
    depth++;
    append(c);
  }

  private void inValue(char c) {
    append(c);
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
      }
      return;
    }
    switch (c) {
      case '"' -> inString = true;
      case '{', '[' -> depth++;
      case '}', ']' -> {
        depth--;
        if (depth == recordDepth) {
          endValue();
        }
      }
      default -> {}
    }
  }

  private void append(char c) {
    valueChars++;
    if (valueChars <= maxChars) {
      value.append(c);
    }
  }

  private void endValue() {
    if (valueChars > maxChars) {
      handler.tooLarge(valueLine, valueChars);
    } else {
      handler.value(value.toString(), valueLine);
    }
    value.setLength(0);
  }

  private void flushStray() {
    if (stray != null) {
      handler.stray(strayLine, stray.toString());
      stray = null;
    }
  }
}
