package dev.kqlhunt.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) tree reader and writer.
 *
 * <p>Values map to Java as: object → {@link LinkedHashMap} (member order kept; a repeated key keeps
 * the last value), array → {@link ArrayList}, string → {@link String}, integer that fits → {@link
 * Long}, larger integer → {@link BigDecimal}, other number → {@link Double}, {@code true/false} →
 * {@link Boolean}, {@code null} → {@code null}.
 *
 * <p>Errors throw {@link JsonException} with the position. Nesting is limited to {@value #MAX_DEPTH}
 * levels so hostile input cannot overflow the stack. Thread-safe: no shared state.
 */
public final class Json {
  public static final int MAX_DEPTH = 512;

  private Json() {}

  /** Parses exactly one JSON value; only white space may follow it. */
  public static Object parse(String text) {
    JsonTreeReader reader = new JsonTreeReader(text);
    Object value = reader.readValue(0);
    reader.expectEnd();
    return value;
  }

  /** Serialises a tree of the types above (and any {@link Number}/{@link CharSequence}) compactly. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  public static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence s) {
      quote(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Double d) {
      writeDouble(d, out);
    } else if (value instanceof Float f) {
      writeDouble(f.doubleValue(), out);
    } else if (value instanceof BigDecimal bd) {
      out.append(bd.toPlainString());
    } else if (value instanceof Number n) {
      out.append(n.toString());
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out);
    } else if (value instanceof List<?> list) {
      writeArray(list, out);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) out.append(',');
      first = false;
      quote(String.valueOf(e.getKey()), out);
      out.append(':');
      write(e.getValue(), out);
    }
    out.append('}');
  }

  private static void writeArray(List<?> list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) out.append(',');
      write(list.get(i), out);
    }
    out.append(']');
  }

  private static void writeDouble(double d, StringBuilder out) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      // JSON has no NaN/Infinity; Kusto prints them as strings in JSON results.
      quote(Double.toString(d), out);
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append((long) d);
    } else {
      out.append(d);
    }
  }

  /** Appends {@code s} as a JSON string literal, escaping what RFC 8259 requires. */
  public static void quote(CharSequence s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  public static String quote(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    quote(s, out);
    return out.toString();
  }

  /** Recursive-descent reader over one string. */
  private static final class JsonTreeReader {
    private final String text;
    private int pos;

    JsonTreeReader(String text) {
      this.text = text;
    }

    Object readValue(int depth) {
      if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
      skipWhitespace();
      if (pos >= text.length()) throw error("unexpected end of input, expected a value");
      char c = text.charAt(pos);
      return switch (c) {
        case '{' -> readObject(depth);
        case '[' -> readArray(depth);
        case '"' -> readString();
        case 't' -> readLiteral("true", Boolean.TRUE);
        case 'f' -> readLiteral("false", Boolean.FALSE);
        case 'n' -> readLiteral("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) yield readNumber();
          throw error("unexpected character '" + printable(c) + "'");
        }
      };
    }

    private Map<String, Object> readObject(int depth) {
      pos++; // {
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') throw error("expected a member name in double quotes");
        String key = readString();
        skipWhitespace();
        expect(':');
        map.put(key, readValue(depth + 1));
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == '}') return map;
        if (c != ',') {
          pos--;
          throw error("expected ',' or '}' in object");
        }
      }
    }

    private List<Object> readArray(int depth) {
      pos++; // [
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        list.add(readValue(depth + 1));
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == ']') return list;
        if (c != ',') {
          pos--;
          throw error("expected ',' or ']' in array");
        }
      }
    }

    private String readString() {
      int start = ++pos; // opening quote
      StringBuilder sb = null;
      while (true) {
        if (pos >= text.length()) throw error("unterminated string");
        char c = text.charAt(pos);
        if (c == '"') {
          String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
          pos++;
          return s;
        }
        if (c < 0x20) throw error("unescaped control character in string");
        if (c == '\\') {
          if (sb == null) sb = new StringBuilder();
          sb.append(text, start, pos);
          pos++;
          sb.append(readEscape());
          start = pos;
        } else {
          pos++;
        }
      }
    }

    private char readEscape() {
      if (pos >= text.length()) throw error("unterminated escape");
      char c = text.charAt(pos++);
      int simple = JsonEscapes.simple(c);
      if (simple == JsonEscapes.UNICODE) return readUnicodeEscape();
      if (simple == JsonEscapes.INVALID) {
        pos--;
        throw error("invalid escape '\\" + printable(c) + "'");
      }
      return (char) simple;
    }

    private char readUnicodeEscape() {
      if (pos + 4 > text.length()) throw error("truncated \\u escape");
      int value = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(text.charAt(pos + i), 16);
        if (digit < 0) throw error("invalid hex digit in \\u escape");
        value = value * 16 + digit;
      }
      pos += 4;
      return (char) value;
    }

    private Object readNumber() {
      int start = pos;
      if (peek() == '-') pos++;
      if (peek() == '0') {
        pos++;
      } else if (isDigit(peek())) {
        while (isDigit(peek())) pos++;
      } else {
        throw error("invalid number");
      }
      boolean integral = true;
      if (peek() == '.') {
        integral = false;
        pos++;
        if (!isDigit(peek())) throw error("expected a digit after '.'");
        while (isDigit(peek())) pos++;
      }
      if (peek() == 'e' || peek() == 'E') {
        integral = false;
        pos++;
        if (peek() == '+' || peek() == '-') pos++;
        if (!isDigit(peek())) throw error("expected a digit in the exponent");
        while (isDigit(peek())) pos++;
      }
      String s = text.substring(start, pos);
      if (integral) {
        if (s.length() < 19) return Long.parseLong(s);
        BigDecimal big = new BigDecimal(s);
        try {
          return big.longValueExact();
        } catch (ArithmeticException tooLarge) {
          return big;
        }
      }
      return Double.parseDouble(s);
    }

    private Object readLiteral(String word, Object value) {
      if (!text.startsWith(word, pos)) throw error("invalid literal, expected '" + word + "'");
      pos += word.length();
      return value;
    }

    void expectEnd() {
      skipWhitespace();
      if (pos < text.length()) throw error("unexpected text after the JSON value");
    }

    private void expect(char c) {
      if (peek() != c) throw error("expected '" + c + "'");
      pos++;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        pos++;
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
      return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private JsonException error(String reason) {
      int at = Math.min(pos, text.length());
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return new JsonException(reason, at, line, at - lineStart + 1);
    }
  }
}
