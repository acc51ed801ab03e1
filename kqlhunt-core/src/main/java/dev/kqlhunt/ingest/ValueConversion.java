package dev.kqlhunt.ingest;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.json.JsonException;
import dev.kqlhunt.symbols.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Converts one JSON-like (or already-typed) value to the Java representation of a column type:
 *
 * <table>
 *   <caption>typed representation</caption>
 *   <tr><th>type</th><th>Java</th><th>accepted input</th></tr>
 *   <tr><td>bool</td><td>Boolean</td><td>booleans; {@code true/false} (any case), {@code 1/0} as text or number</td></tr>
 *   <tr><td>int</td><td>Integer</td><td>as long, within 32 bits</td></tr>
 *   <tr><td>long</td><td>Long</td><td>integers; integral reals; decimal text of an integer ({@code "12"}, {@code "12.0"})</td></tr>
 *   <tr><td>real</td><td>Double</td><td>numbers; number text incl. {@code NaN}, {@code Infinity}</td></tr>
 *   <tr><td>decimal</td><td>BigDecimal</td><td>numbers; number text</td></tr>
 *   <tr><td>string</td><td>String</td><td>anything: numbers and booleans printed, objects/arrays as compact JSON</td></tr>
 *   <tr><td>datetime</td><td>Instant</td><td>Instant; text in a {@link DateTimes} style. Numbers are rejected: their unit is unknowable</td></tr>
 *   <tr><td>timespan</td><td>Duration</td><td>Duration; {@code [-][d.]hh:mm:ss[.fffffff]} text</td></tr>
 *   <tr><td>guid</td><td>UUID</td><td>UUID; 36-character text, optionally in braces</td></tr>
 *   <tr><td>dynamic</td><td>JSON-like tree</td><td>objects, arrays and scalars as they are; text that starts with
 *       {@code {} or {@code [} is parsed as JSON (kept as text when it is not valid JSON, as Kusto's
 *       {@code todynamic} does)</td></tr>
 * </table>
 *
 * Null stays null for every type. An empty text is null for every type but string (Kusto strings
 * are never null, and the portal CSV writes nulls as empty cells). Anything else that does not convert
 * throws {@link BadValue} with the reason.
 */
public final class ValueConversion {
  private static final DateTimeFormatter KUSTO_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** A value that does not convert; stackless, it is expected on bad data. */
  public static final class BadValue extends Exception {
    BadValue(String reason) {
      super(reason, null, false, false);
    }
  }

  private ValueConversion() {}

  public static Object convert(ScalarType type, Object v) throws BadValue {
    if (v == null) return null;
    if (v instanceof String s && s.isEmpty()) return type == ScalarType.STRING ? "" : null;
    return switch (type) {
      case STRING -> toText(v);
      case LONG -> toLong(v);
      case INT -> toInt(v);
      case REAL -> toReal(v);
      case DECIMAL -> toDecimal(v);
      case BOOL -> toBool(v);
      case DATETIME -> toDatetime(v);
      case TIMESPAN -> toTimespan(v);
      case GUID -> toGuid(v);
      case DYNAMIC -> toDynamic(v);
      case UNKNOWN -> v;
    };
  }

  /** How a value prints as a string cell. */
  public static String toText(Object v) {
    return switch (v) {
      case String s -> s;
      case Double d -> formatReal(d);
      case BigDecimal d -> d.toPlainString();
      case Instant i -> KUSTO_DATETIME.format(i);
      case Duration d -> Timespans.format(d);
      case Map<?, ?> m -> Json.write(jsonSafe(m));
      case List<?> l -> Json.write(jsonSafe(l));
      default -> String.valueOf(v);
    };
  }

  private static String formatReal(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    return Double.toString(d);
  }

  private static Long toLong(Object v) throws BadValue {
    switch (v) {
      case Long l -> {
        return l;
      }
      case Integer i -> {
        return i.longValue();
      }
      case Double d -> {
        if (d == Math.rint(d) && Math.abs(d) < 9.2e18) return (long) d.doubleValue();
        throw new BadValue("not an integer");
      }
      case BigDecimal d -> {
        return exactLong(d);
      }
      case String s -> {
        String t = s.strip();
        if (t.isEmpty()) return null;
        if (isPlainInteger(t)) {
          try {
            return Long.parseLong(t);
          } catch (NumberFormatException e) {
            throw new BadValue("out of the long range");
          }
        }
        try {
          return exactLong(new BigDecimal(t));
        } catch (NumberFormatException e) {
          throw new BadValue("not a number");
        }
      }
      default -> throw new BadValue("a " + kind(v) + " is not a long");
    }
  }

  private static boolean isPlainInteger(String t) {
    int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
    if (i == t.length()) return false;
    for (; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
    return true;
  }

  private static Long exactLong(BigDecimal d) throws BadValue {
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new BadValue(d.scale() > 0 && d.stripTrailingZeros().scale() > 0 ? "not an integer" : "out of the long range");
    }
  }

  private static Integer toInt(Object v) throws BadValue {
    Long l = toLong(v);
    if (l == null) return null;
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw new BadValue("out of the int range");
    return l.intValue();
  }

  private static Double toReal(Object v) throws BadValue {
    if (v instanceof Number n && !(v instanceof BigDecimal)) return n.doubleValue();
    if (v instanceof BigDecimal d) return d.doubleValue();
    if (v instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) return null;
      if (t.equalsIgnoreCase("nan")) return Double.NaN;
      if (t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("+infinity")) return Double.POSITIVE_INFINITY;
      if (t.equalsIgnoreCase("-infinity")) return Double.NEGATIVE_INFINITY;
      try {
        return new BigDecimal(t).doubleValue(); // no hex floats, no "1d" suffixes
      } catch (NumberFormatException e) {
        throw new BadValue("not a number");
      }
    }
    throw new BadValue("a " + kind(v) + " is not a real");
  }

  private static BigDecimal toDecimal(Object v) throws BadValue {
    if (v instanceof BigDecimal d) return d;
    if (v instanceof Long || v instanceof Integer) return BigDecimal.valueOf(((Number) v).longValue());
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) throw new BadValue("not a finite number");
      return BigDecimal.valueOf(d);
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw new BadValue("not a number");
      }
    }
    throw new BadValue("a " + kind(v) + " is not a decimal");
  }

  private static Boolean toBool(Object v) throws BadValue {
    if (v instanceof Boolean b) return b;
    if (v instanceof Long l && (l == 0 || l == 1)) return l == 1;
    if (v instanceof String s) {
      String t = s.strip();
      if (t.equalsIgnoreCase("true") || t.equals("1")) return true;
      if (t.equalsIgnoreCase("false") || t.equals("0")) return false;
    }
    throw new BadValue("not a boolean");
  }

  private static Instant toDatetime(Object v) throws BadValue {
    if (v instanceof Instant i) return i;
    if (v instanceof String s) {
      Instant i = DateTimes.parse(s);
      if (i == null) throw new BadValue("unparseable datetime");
      return i;
    }
    throw new BadValue("a " + kind(v) + " is not a datetime");
  }

  private static Duration toTimespan(Object v) throws BadValue {
    if (v instanceof Duration d) return d;
    if (v instanceof String s) {
      Duration d = Timespans.parse(s.strip());
      if (d == null) throw new BadValue("unparseable timespan");
      return d;
    }
    throw new BadValue("a " + kind(v) + " is not a timespan");
  }

  private static UUID toGuid(Object v) throws BadValue {
    if (v instanceof UUID u) return u;
    if (v instanceof String s) {
      String t = s.strip();
      if (t.length() == 38 && t.charAt(0) == '{' && t.charAt(37) == '}') t = t.substring(1, 37);
      if (t.length() == 36 && t.charAt(8) == '-' && t.charAt(13) == '-' && t.charAt(18) == '-'
          && t.charAt(23) == '-') {
        try {
          return UUID.fromString(t);
        } catch (IllegalArgumentException e) {
          // fall through to the reject
        }
      }
    }
    throw new BadValue("not a guid");
  }

  private static Object toDynamic(Object v) {
    if (v instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) return null;
      char c = t.charAt(0);
      if (c == '{' || c == '[') {
        try {
          return Json.parse(t);
        } catch (JsonException e) {
          return s; // Kusto keeps invalid JSON as a string value
        }
      }
      return s;
    }
    return jsonSafe(v);
  }

  /** The value with datetimes, timespans and guids turned into their text, so JSON can hold it. */
  static Object jsonSafe(Object v) {
    return switch (v) {
      case null -> null;
      case Map<?, ?> m -> {
        java.util.LinkedHashMap<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), jsonSafe(x)));
        yield out;
      }
      case List<?> l -> {
        java.util.ArrayList<Object> out = new java.util.ArrayList<>(l.size());
        for (Object x : l) out.add(jsonSafe(x));
        yield out;
      }
      case Instant i -> KUSTO_DATETIME.format(i);
      case Duration d -> Timespans.format(d);
      case UUID u -> u.toString();
      default -> v;
    };
  }

  private static String kind(Object v) {
    return switch (v) {
      case Map<?, ?> m -> "JSON object";
      case List<?> l -> "JSON array";
      case Boolean b -> "boolean";
      case Number n -> "number";
      default -> v.getClass().getSimpleName();
    };
  }
}
