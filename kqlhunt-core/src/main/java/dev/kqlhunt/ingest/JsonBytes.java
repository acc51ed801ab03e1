package dev.kqlhunt.ingest;

import dev.kqlhunt.json.JsonEscapes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON parser over UTF-8 bytes, for the ingest hot path: it decodes straight from the byte array
 * (no {@code Reader}, no intermediate {@code String} of the record), validates UTF-8 strictly inside
 * strings, and caches object keys so that the column names of a million records are allocated once.
 *
 * <p>Values: objects → {@code LinkedHashMap<String,Object>} (order kept; a duplicate key keeps the
 * last value), arrays → {@code ArrayList}, strings → {@code String}, integers → {@code Long} (or
 * {@code BigDecimal} beyond 64 bits), other numbers → {@code Double}, {@code true/false} → {@code
 * Boolean}, {@code null} → null. The same tree shape as {@code dev.kqlhunt.json.Json}.
 *
 * <p>Errors throw a stackless {@link JsonSyntaxError} with the byte offset. Nesting deeper than
 * {@link #MAX_DEPTH} is an error, so hostile input cannot overflow the stack.
 *
 * <p>Not thread-safe; reuse one instance per reading thread.
 */
public final class JsonBytes {
  public static final int MAX_DEPTH = 256;
  private static final int KEY_CACHE_SIZE = 1024; // power of two
  private static final int MAX_CACHED_KEY = 64;
  private static final int VALUE_CACHE_SIZE = 4096; // power of two
  private static final int MAX_CACHED_VALUE = 32;

  private final String[] keyCache = new String[KEY_CACHE_SIZE];
  private final String[] valueCache = new String[VALUE_CACHE_SIZE];
  private byte[] b;
  private int p;
  private int end;
  private int depth;
  private char[] chars = new char[256];
  private int lastRecordSize = 16;

  /** Parses the single JSON value in {@code bytes[off .. off+len)}, surrounding whitespace allowed. */
  public Object parse(byte[] bytes, int off, int len) throws JsonSyntaxError {
    reset(bytes, off, len);
    Object v = readValue();
    skipWhitespace();
    if (p < end) throw error("unexpected '" + printable(b[p]) + "' after the value");
    return v;
  }

  /** Positions the parser at {@code off}, for reading a document piece by piece. */
  public void reset(byte[] bytes, int off, int len) {
    this.b = bytes;
    this.p = off;
    this.end = off + len;
    this.depth = 0;
  }

  /** Current offset in the array. */
  public int position() {
    return p;
  }

  /** Skips whitespace; returns the next byte, or -1 at the end. */
  public int peek() {
    skipWhitespace();
    return p < end ? b[p] & 0xFF : -1;
  }

  /** Consumes {@code c} after optional whitespace, or fails. */
  public void expect(char c) throws JsonSyntaxError {
    if (peek() != c) throw p < end ? error("expected '" + c + "'") : truncated("'" + c + "'");
    p++;
  }

  /** Reads an object key and its colon; the parser is then at the value. */
  public String readKey() throws JsonSyntaxError {
    if (peek() != '"') throw p < end ? error("expected a property name") : truncated("a name");
    String k = readKeyString();
    expect(':');
    return k;
  }

  /** Reads one value at the current position. */
  public Object readValue() throws JsonSyntaxError {
    int c = peek();
    switch (c) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        p++;
        return readString();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      case -1:
        throw truncated("a value");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return readNumber();
        throw error("unexpected '" + printable((byte) c) + "'");
    }
  }

  /**
   * Skips one value structurally (strings, brackets and braces only; no UTF-8 or number validation),
   * to step over an element whose content was rejected. Returns false when the input ends first.
   */
  public boolean skipValue() {
    int level = 0;
    skipWhitespace();
    while (p < end) {
      byte c = b[p++];
      if (c == '"') {
        while (p < end && b[p] != '"') p += b[p] == '\\' ? 2 : 1;
        if (p >= end) return false;
        p++;
      } else if (c == '{' || c == '[') {
        level++;
      } else if (c == '}' || c == ']') {
        if (level == 0) {
          p--; // the end of the enclosing container: a scalar ended here
          return true;
        }
        if (--level == 0) return true;
      } else if (level == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
        p--;
        return true;
      }
      if (level == 0 && c == '"') return true;
    }
    return level == 0;
  }

  private Map<String, Object> readObject() throws JsonSyntaxError {
    if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
    p++;
    // Records of one input have the same columns: size the map like the last record to avoid rehashing.
    boolean top = depth == 1;
    LinkedHashMap<String, Object> map =
        top ? new LinkedHashMap<>(lastRecordSize * 4 / 3 + 1) : new LinkedHashMap<>();
    if (peek() == '}') {
      p++;
      depth--;
      return map;
    }
    while (true) {
      String key = readKey();
      map.put(key, readValue());
      int c = peek();
      p++;
      if (c == ',') continue;
      if (c == '}') break;
      p--;
      throw c < 0 ? truncated("',' or '}'") : error("expected ',' or '}'");
    }
    depth--;
    if (top) lastRecordSize = map.size();
    return map;
  }

  private List<Object> readArray() throws JsonSyntaxError {
    if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
    p++;
    ArrayList<Object> list = new ArrayList<>();
    if (peek() == ']') {
      p++;
      depth--;
      return list;
    }
    while (true) {
      list.add(readValue());
      int c = peek();
      p++;
      if (c == ',') continue;
      if (c == ']') break;
      p--;
      throw c < 0 ? truncated("',' or ']'") : error("expected ',' or ']'");
    }
    depth--;
    return list;
  }

  private Object literal(String word, Object value) throws JsonSyntaxError {
    int n = word.length();
    for (int i = 0; i < n; i++) {
      if (p + i >= end) throw truncated("'" + word + "'");
      if (b[p + i] != word.charAt(i)) throw error("invalid literal");
    }
    p += n;
    return value;
  }

  private Object readNumber() throws JsonSyntaxError {
    int s = p;
    boolean negative = b[p] == '-';
    if (negative) p++;
    int digitsStart = p;
    long v = 0;
    boolean overflow = false;
    while (p < end && b[p] >= '0' && b[p] <= '9') {
      int d = b[p] - '0';
      if (v > (Long.MAX_VALUE - d) / 10) overflow = true;
      v = v * 10 + d;
      p++;
    }
    if (p == digitsStart) throw p < end ? error("invalid number") : truncated("a number");
    if (b[digitsStart] == '0' && p - digitsStart > 1) throw errorAt(digitsStart, "leading zero");
    boolean integral = true;
    if (p < end && b[p] == '.') {
      integral = false;
      p++;
      int f = p;
      while (p < end && b[p] >= '0' && b[p] <= '9') p++;
      if (p == f) throw p < end ? error("invalid number") : truncated("a number");
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      integral = false;
      p++;
      if (p < end && (b[p] == '+' || b[p] == '-')) p++;
      int e = p;
      while (p < end && b[p] >= '0' && b[p] <= '9') p++;
      if (p == e) throw p < end ? error("invalid number") : truncated("a number");
    }
    if (integral && !overflow) return negative ? -v : v;
    String text = new String(b, s, p - s, StandardCharsets.ISO_8859_1);
    if (integral) {
      BigDecimal big = new BigDecimal(text);
      // -9223372036854775808 overflows the positive accumulator but is a long.
      return big.toBigInteger().bitLength() < 64 ? (Object) big.longValueExact() : big;
    }
    return Double.parseDouble(text);
  }

  private String readKeyString() throws JsonSyntaxError {
    int s = ++p;
    int h = 0;
    while (p < end) {
      byte c = b[p];
      if (c == '"') break;
      if (c == '\\' || c < 0x20) { // escapes, non-ASCII (negative) and controls: general path
        p = s;
        return readString();
      }
      h = 31 * h + c;
      p++;
    }
    if (p >= end) throw truncated("the end of a string");
    int len = p - s;
    p++;
    if (len > MAX_CACHED_KEY) return new String(b, s, len, StandardCharsets.ISO_8859_1);
    int slot = (h ^ (h >>> 16)) & (KEY_CACHE_SIZE - 1);
    String cached = keyCache[slot];
    if (cached != null && sameAscii(cached, s, len)) return cached;
    String key = new String(b, s, len, StandardCharsets.ISO_8859_1);
    keyCache[slot] = key;
    return key;
  }

  private boolean sameAscii(String k, int s, int len) {
    if (k.length() != len) return false;
    for (int i = 0; i < len; i++) if (k.charAt(i) != b[s + i]) return false;
    return true;
  }

  /**
   * A Latin-1 string of {@code b[s, s+len)}; short ones come from a cache, because telemetry repeats
   * its short values (action types, host and account names, empty strings) on every record.
   */
  private String shortAscii(int s, int len) {
    if (len == 0) return "";
    if (len > MAX_CACHED_VALUE) return new String(b, s, len, StandardCharsets.ISO_8859_1);
    int h = 0;
    for (int i = s; i < s + len; i++) h = 31 * h + b[i];
    int slot = (h ^ (h >>> 16)) & (VALUE_CACHE_SIZE - 1);
    String cached = valueCache[slot];
    if (cached != null && sameAscii(cached, s, len)) return cached;
    String v = new String(b, s, len, StandardCharsets.ISO_8859_1);
    valueCache[slot] = v;
    return v;
  }

  /** Reads a string whose opening quote was consumed. */
  private String readString() throws JsonSyntaxError {
    int s = p;
    // Fast path: plain ASCII without escapes becomes a Latin-1 (compact) String in one copy.
    while (p < end) {
      byte c = b[p];
      if (c == '"') {
        p++;
        return shortAscii(s, p - 1 - s);
      }
      if (c == '\\' || c < 0x20) break;
      p++;
    }
    if (p >= end) throw truncated("the end of a string");
    return readStringSlow(s);
  }

  private String readStringSlow(int s) throws JsonSyntaxError {
    int n = p - s;
    ensureChars(n + 16);
    for (int i = 0; i < n; i++) chars[i] = (char) b[s + i];
    while (true) {
      if (p >= end) throw truncated("the end of a string");
      int c = b[p];
      if (c == '"') {
        p++;
        return new String(chars, 0, n);
      }
      ensureChars(n + 2);
      if (c == '\\') {
        chars[n++] = readEscape();
      } else if (c >= 0x20) {
        chars[n++] = (char) c;
        p++;
      } else if (c >= 0) {
        throw error("control character 0x" + Integer.toHexString(c) + " in a string");
      } else {
        n = decodeUtf8(n);
      }
    }
  }

  private char readEscape() throws JsonSyntaxError {
    if (p + 1 >= end) throw truncated("an escape");
    byte e = b[p + 1];
    p += 2;
    int simple = JsonEscapes.simple(e);
    if (simple == JsonEscapes.UNICODE) return readHex4();
    if (simple == JsonEscapes.INVALID) throw errorAt(p - 1, "invalid escape '\\" + printable(e) + "'");
    return (char) simple;
  }

  private char readHex4() throws JsonSyntaxError {
    if (p + 4 > end) throw truncated("a \\u escape");
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(b[p + i], 16);
      if (d < 0) throw errorAt(p + i, "invalid \\u escape");
      v = v * 16 + d;
    }
    p += 4;
    return (char) v; // lone surrogates pass through, as in most JSON parsers
  }

  /** Decodes one multi-byte UTF-8 sequence at p into chars[n..]; returns the new n. */
  private int decodeUtf8(int n) throws JsonSyntaxError {
    int b0 = b[p] & 0xFF;
    int need;
    int cp;
    int min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      cp = b0 & 0x1F;
      min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      cp = b0 & 0x0F;
      min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      cp = b0 & 0x07;
      min = 0x10000;
    } else {
      throw badUtf8(p);
    }
    for (int i = 1; i <= need; i++) {
      if (p + i >= end) throw badUtf8(p);
      int bi = b[p + i] & 0xFF;
      if ((bi & 0xC0) != 0x80) throw badUtf8(p); // report where the bad sequence starts
      cp = (cp << 6) | (bi & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw badUtf8(p);
    p += need + 1;
    ensureChars(n + 2);
    if (cp >= 0x10000) {
      chars[n++] = Character.highSurrogate(cp);
      chars[n++] = Character.lowSurrogate(cp);
    } else {
      chars[n++] = (char) cp;
    }
    return n;
  }

  private void ensureChars(int n) {
    if (chars.length < n) chars = java.util.Arrays.copyOf(chars, Math.max(n, chars.length * 2));
  }

  private void skipWhitespace() {
    while (p < end) {
      byte c = b[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      p++;
    }
  }

  private JsonSyntaxError error(String message) {
    return errorAt(p, message);
  }

  private JsonSyntaxError errorAt(int at, String message) {
    return new JsonSyntaxError(IngestCode.MALFORMED_JSON, message, at, -1);
  }

  private JsonSyntaxError truncated(String expected) {
    return new JsonSyntaxError(
        IngestCode.TRUNCATED_INPUT, "expected " + expected + " but the record ends", p, -1);
  }

  private JsonSyntaxError badUtf8(int at) {
    int bad = b[Math.min(at, end - 1)] & 0xFF;
    return new JsonSyntaxError(IngestCode.INVALID_UTF8, "invalid UTF-8", at, bad);
  }

  private static String printable(byte c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c & 0xFF);
  }
}
