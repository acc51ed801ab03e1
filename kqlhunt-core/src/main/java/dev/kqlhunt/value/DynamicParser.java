package dev.kqlhunt.value;

import dev.kqlhunt.value.Dynamic.DynArray;
import dev.kqlhunt.value.Dynamic.DynBag;
import dev.kqlhunt.value.Dynamic.DynDateTime;
import dev.kqlhunt.value.Dynamic.DynGuid;
import dev.kqlhunt.value.Dynamic.DynLong;
import dev.kqlhunt.value.Dynamic.DynReal;
import dev.kqlhunt.value.Dynamic.DynString;
import dev.kqlhunt.value.Dynamic.DynTimespan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Parses dynamic values from text, in two dialects (scalar-data-types/dynamic.md):
 *
 * <ul>
 *   <li>{@link #parseJson}: strict JSON, for {@code parse_json()} and ingestion.
 *   <li>{@link #parseLiteral}: the body of a {@code dynamic(...)} literal in query text, which is
 *       lexed like the query: KQL string literals (single-quoted {@code dynamic(['a', 'b'])},
 *       ubiquitous in Sentinel rules; verbatim {@code @'c:\x'}; obfuscated {@code h'...'};
 *       adjacent literals concatenate), {@code //} comments, and embedded Kusto literals: {@code datetime(...)}, {@code time(...)}/{@code timespan(...)},
 *       {@code guid(...)}, {@code long(...)}, {@code int(...)}, {@code real(...)}, {@code bool(...)}.
 * </ul>
 *
 * Integers that fit a long are {@code long}, other numbers {@code real}. A repeated key keeps its
 * first position and its last value. Never throws: failures are a {@link Result} with the offset
 * of the error. Nesting deeper than {@value #MAX_DEPTH} is an error, so hostile input cannot
 * overflow the stack. Not thread-safe per instance; the static methods are.
 */
public final class DynamicParser {
  public static final int MAX_DEPTH = 256;

  /** A parsed value, or an error message with the offset where parsing stopped. */
  public record Result(Dynamic value, int errorOffset, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private static final class Failure extends RuntimeException {
    final int offset;

    Failure(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }

  private final String text;
  private final boolean literal;
  private int pos;

  private DynamicParser(String text, boolean literal) {
    this.text = text;
    this.literal = literal;
  }

  public static Result parseJson(String text) {
    return new DynamicParser(text, false).run();
  }

  public static Result parseLiteral(String text) {
    return new DynamicParser(text, true).run();
  }

  private Result run() {
    try {
      Dynamic v = value(0);
      skipSpace();
      if (pos != text.length()) throw fail("unexpected text after the value");
      return new Result(v, -1, null);
    } catch (Failure f) {
      return new Result(null, f.offset, f.getMessage());
    }
  }

  private Dynamic value(int depth) {
    if (depth > MAX_DEPTH) throw fail("nesting deeper than " + MAX_DEPTH);
    skipSpace();
    if (pos >= text.length()) throw fail("expected a value");
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> bag(depth);
      case '[' -> array(depth);
      case '"' -> new DynString(literal ? kqlStrings() : string('"'));
      case '\'' -> {
        if (!literal) throw fail("JSON strings use double quotes");
        yield new DynString(kqlStrings());
      }
      default -> {
        if (literal && atKqlString()) yield new DynString(kqlStrings());
        yield (c == '-' || (c >= '0' && c <= '9')) ? number() : word();
      }
    };
  }

  private Dynamic bag(int depth) {
    pos++;
    Map<String, Dynamic> props = new LinkedHashMap<>();
    skipSpace();
    if (peek('}')) return new DynBag(props);
    while (true) {
      skipSpace();
      char q = pos < text.length() ? text.charAt(pos) : 0;
      if (q != '"' && !(literal && q == '\'')) throw fail("expected a property name");
      String key = string(q);
      skipSpace();
      expect(':');
      props.put(key, value(depth + 1));
      skipSpace();
      if (peek('}')) return new DynBag(props);
      expect(',');
    }
  }

  private Dynamic array(int depth) {
    pos++;
    List<Dynamic> elements = new ArrayList<>();
    skipSpace();
    if (peek(']')) return new DynArray(elements);
    while (true) {
      elements.add(value(depth + 1));
      skipSpace();
      if (peek(']')) return new DynArray(elements);
      expect(',');
    }
  }

  /** Whether a KQL string literal starts here: a quote, optionally after {@code h}/{@code H} and {@code @}. */
  private boolean atKqlString() {
    int i = pos;
    if (i < text.length() && (text.charAt(i) == 'h' || text.charAt(i) == 'H')) i++;
    if (i < text.length() && text.charAt(i) == '@') i++;
    return i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'');
  }

  /** One or more adjacent KQL string literals, concatenated as KQL does (string.md). */
  private String kqlStrings() {
    StringBuilder sb = new StringBuilder(kqlString());
    while (true) {
      int save = pos;
      skipSpace();
      if (!atKqlString()) {
        pos = save;
        return sb.toString();
      }
      sb.append(kqlString());
    }
  }

  /** {@code 'x'}, {@code "x"}, verbatim {@code @'x'} (a doubled quote is a quote), {@code h'x'}. */
  private String kqlString() {
    if (text.charAt(pos) == 'h' || text.charAt(pos) == 'H') pos++;
    if (text.charAt(pos) != '@') return string(text.charAt(pos));
    int start = pos++;
    char quote = text.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != quote) {
        sb.append(c);
      } else if (pos < text.length() && text.charAt(pos) == quote) {
        sb.append(quote);
        pos++;
      } else {
        return sb.toString();
      }
    }
    throw new Failure(start, "unterminated string");
  }

  private String string(char quote) {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) return sb.toString();
      if (c == '\\') {
        sb.append(escape());
      } else if (c < 0x20) {
        throw fail("control character in string");
      } else {
        sb.append(c);
      }
    }
    throw new Failure(start, "unterminated string");
  }

  private char escape() {
    if (pos >= text.length()) throw fail("unterminated escape");
    char e = text.charAt(pos++);
    return switch (e) {
      case '"', '\\', '/', '\'' -> e;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> throw new Failure(pos - 1, "bad escape \\" + e);
    };
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) throw fail("short \\u escape");
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos++), 16);
      if (d < 0) throw new Failure(pos - 1, "bad hex digit in \\u escape");
      v = v * 16 + d;
    }
    return (char) v;
  }

  private Dynamic number() {
    int start = pos;
    peek('-'); // an optional sign
    boolean integral = true;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c >= '0' && c <= '9') {
        pos++;
      } else if (c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && isExponent())) {
        integral = false;
        pos++;
      } else {
        break;
      }
    }
    String n = text.substring(start, pos);
    if (n.equals("-") || n.endsWith(".") || n.startsWith(".") || n.startsWith("-.")) {
      throw new Failure(start, "malformed number");
    }
    try {
      if (integral) {
        try {
          return new DynLong(Long.parseLong(n));
        } catch (NumberFormatException tooBig) {
          return new DynReal(Double.parseDouble(n));
        }
      }
      return new DynReal(Double.parseDouble(n));
    } catch (NumberFormatException e) {
      throw new Failure(start, "malformed number");
    }
  }

  private boolean isExponent() {
    char prev = text.charAt(pos - 1);
    return prev == 'e' || prev == 'E';
  }

  /** {@code true}, {@code false}, {@code null}, and in literals {@code name(...)}. */
  private Dynamic word() {
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
    String w = text.substring(start, pos);
    switch (w) {
      case "true":
        return Dynamic.TRUE;
      case "false":
        return Dynamic.FALSE;
      case "null":
        return Dynamic.NULL;
      default:
        break;
    }
    if (!literal || w.isEmpty() || !peek('(')) throw new Failure(start, "expected a value");
    int close = text.indexOf(')', pos);
    if (close < 0) throw new Failure(start, "unterminated " + w + "(...)");
    String arg = text.substring(pos, close).strip();
    pos = close + 1;
    return embedded(w.toLowerCase(Locale.ROOT), arg, start);
  }

  private Dynamic embedded(String type, String arg, int at) {
    if (arg.equals("null")) return Dynamic.NULL;
    Dynamic v =
        switch (type) {
          case "datetime", "date" -> ticks(DateTimeParser.parse(arg), true);
          case "time", "timespan" -> ticks(Timespans.parse(arg), false);
          case "guid" -> guid(Guids.parse(arg));
          case "long", "int" -> integral(Conversions.toLong(arg));
          case "real", "double" -> real(Conversions.toReal(arg));
          case "bool", "boolean" -> bool(Conversions.toBool(arg));
          default -> throw new Failure(at, "unknown literal " + type + "(...)");
        };
    if (v == null) throw new Failure(at, "bad " + type + " literal");
    return v;
  }

  private static Dynamic ticks(long t, boolean datetime) {
    if (t == Long.MIN_VALUE) return null;
    return datetime ? new DynDateTime(t) : new DynTimespan(t);
  }

  private static Dynamic guid(UUID g) {
    return g == null ? null : new DynGuid(g);
  }

  private static Dynamic integral(long v) {
    return v == Conversions.NULL_LONG ? null : new DynLong(v);
  }

  private static Dynamic real(double v) {
    return Conversions.isNullReal(v) ? null : new DynReal(v);
  }

  private static Dynamic bool(byte b) {
    return b == KustoBool.NULL ? null : Dynamic.of(b == KustoBool.TRUE);
  }

  /** Skips white space, and in literals also {@code //} comments (the query lexer allows them). */
  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (literal && c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
        while (pos < text.length() && text.charAt(pos) != '\n') pos++;
      } else {
        return;
      }
    }
  }

  private boolean peek(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) throw fail("expected '" + c + "'");
  }

  private Failure fail(String message) {
    return new Failure(pos, message);
  }
}
