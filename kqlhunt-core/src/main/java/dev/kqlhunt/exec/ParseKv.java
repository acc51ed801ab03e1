package dev.kqlhunt.exec;

import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code parse-kv}: extracts the listed keys from a string column. With delimiters, the text is split
 * into pairs on {@code pair_delimiter} (outside quotes), each pair into key and value on the first
 * {@code kv_delimiter}; {@code greedy} lets a value run on up to the pair delimiter that precedes the
 * next key. Without delimiters, any non-alphanumeric run separates tokens: a listed key followed by a
 * separator takes the next token (or quoted text) as its value. Keys and values are trimmed; the first
 * occurrence of a key wins; a missing key is null (an empty string for string columns); a value that
 * does not convert to its column's type is null.
 */
final class ParseKv {
  private ParseKv() {}

  static Table parse(ExprEvaluator eval, Table input, OperatorSpec.ParseKv spec, List<ColumnSymbol> columns) {
    Vector source = eval.evaluate(spec.source(), input);
    int n = input.rowCount();
    Map<String, ColumnBuilder> extracted = new HashMap<>();
    for (ColumnSymbol k : spec.keys()) extracted.put(k.name(), new ColumnBuilder(k.type(), n));
    for (int r = 0; r < n; r++) {
      Object v = Cells.get(source, r);
      String text = v == null ? "" : Coerce.toStringValue(v, ScalarType.UNKNOWN);
      Map<String, String> found = spec.pairDelimiter() == null && spec.kvDelimiter() == null
          ? byKeyNames(text, spec) : byDelimiters(text, spec);
      for (ColumnSymbol k : spec.keys()) {
        String value = found.get(k.name());
        extracted.get(k.name()).append(value == null ? null : Coerce.to(k.type(), value));
      }
    }
    List<Vector> vectors = new ArrayList<>(columns.size());
    for (ColumnSymbol c : columns) {
      ColumnBuilder b = extracted.get(c.name());
      vectors.add(b != null ? b.build() : Executor.typed(input.vector(input.indexOf(c.name())), c));
    }
    return new Table(columns, vectors, n);
  }

  /** Splits on the delimiters, honouring quotes; first occurrence of each key wins. */
  static Map<String, String> byDelimiters(String text, OperatorSpec.ParseKv spec) {
    String pair = spec.pairDelimiter() == null ? " " : spec.pairDelimiter();
    String kv = spec.kvDelimiter() == null ? "=" : spec.kvDelimiter();
    Map<String, String> out = new HashMap<>();
    Cursor c = new Cursor(text, spec);
    while (!c.atEnd()) {
      c.skipSpaces();
      String key = c.readUntil(kv, pair);
      if (!c.startsWith(kv)) { // a fragment without a key: skip it
        if (c.startsWith(pair)) c.pos += pair.length();
        continue;
      }
      c.pos += kv.length();
      if (!pair.equals(" ")) c.skipSpaces(); // with a space delimiter, a blank ends an empty value
      String value = spec.greedy() ? c.readGreedy(pair, kv) : c.readUntil(pair, null);
      if (c.startsWith(pair)) c.pos += pair.length();
      out.putIfAbsent(key.trim(), value.trim());
    }
    return out;
  }

  /** Key-name mode: each listed key, at a token start, followed by a separator, takes the next token. */
  static Map<String, String> byKeyNames(String text, OperatorSpec.ParseKv spec) {
    Map<String, String> out = new HashMap<>();
    for (ColumnSymbol k : spec.keys()) {
      String key = k.name();
      int from = 0;
      while (true) {
        int at = text.indexOf(key, from);
        if (at < 0) break;
        int end = at + key.length();
        from = at + 1;
        boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
        if (!startOk || end >= text.length() || Character.isLetterOrDigit(text.charAt(end))) continue;
        Cursor c = new Cursor(text, spec);
        c.pos = end;
        while (!c.atEnd() && !Character.isLetterOrDigit(text.charAt(c.pos)) && c.quoteAt() < 0) c.pos++;
        if (c.atEnd()) break;
        String value;
        if (c.quoteAt() >= 0) {
          value = c.readQuoted();
        } else {
          int s = c.pos;
          while (!c.atEnd() && (Character.isLetterOrDigit(text.charAt(c.pos)) || text.charAt(c.pos) == '_')) c.pos++;
          value = text.substring(s, c.pos);
        }
        out.put(key, value.trim());
        break;
      }
    }
    return out;
  }

  /** A position in the text with the quote and escape rules of the operator. */
  private static final class Cursor {
    final String text;
    final String quotes;
    final String escapes;
    int pos;

    Cursor(String text, OperatorSpec.ParseKv spec) {
      this.text = text;
      this.quotes = spec.quote() == null ? "" : spec.quote();
      this.escapes = spec.escape() == null ? "" : spec.escape();
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    boolean startsWith(String s) {
      return s != null && !s.isEmpty() && text.startsWith(s, pos);
    }

    void skipSpaces() {
      while (!atEnd() && text.charAt(pos) == ' ') pos++;
    }

    /** The index in {@code quotes} of the opening quote at the cursor, or -1. */
    int quoteAt() {
      if (atEnd() || quotes.isEmpty()) return -1;
      // One character: open and close alike; two: an open/close pair.
      return text.charAt(pos) == quotes.charAt(0) ? 0 : -1;
    }

    char closing() {
      return quotes.length() > 1 ? quotes.charAt(1) : quotes.charAt(0);
    }

    /** The quoted text at the cursor, unescaped; the cursor moves past the closing quote. */
    String readQuoted() {
      char close = closing();
      pos++;
      StringBuilder sb = new StringBuilder();
      while (!atEnd()) {
        char ch = text.charAt(pos);
        if (escapes.indexOf(ch) >= 0 && pos + 1 < text.length()) {
          sb.append(text.charAt(pos + 1));
          pos += 2;
          continue;
        }
        pos++;
        if (ch == close) break;
        sb.append(ch);
      }
      return sb.toString();
    }

    /** Text up to {@code stop} or {@code alsoStop} (or a quoted run); the cursor stays on the delimiter. */
    String readUntil(String stop, String alsoStop) {
      if (quoteAt() >= 0) {
        String q = readQuoted();
        // Anything between the closing quote and the delimiter is dropped.
        while (!atEnd() && !startsWith(stop) && !startsWith(alsoStop)) pos++;
        return q;
      }
      int s = pos;
      while (!atEnd() && !startsWith(stop) && !startsWith(alsoStop)) pos++;
      return text.substring(s, pos);
    }

    /** A greedy value: up to the pair delimiter after which a key and its kv delimiter follow. */
    String readGreedy(String pair, String kv) {
      if (quoteAt() >= 0) return readUntil(pair, null);
      int s = pos;
      while (!atEnd()) {
        if (startsWith(pair) && startsKey(pos + pair.length(), pair, kv)) break;
        pos++;
      }
      return text.substring(s, pos);
    }

    private boolean startsKey(int at, String pair, String kv) {
      int k = text.indexOf(kv, at);
      if (k < 0) return false;
      int p = text.indexOf(pair, at);
      return p < 0 || k < p;
    }
  }
}
