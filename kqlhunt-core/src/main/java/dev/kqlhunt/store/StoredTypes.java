package dev.kqlhunt.store;

import dev.kqlhunt.ingest.ValueConversion;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.DateTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which Kusto types the store keeps as which, and the conversion of ingest's typed values (see
 * {@link ValueConversion}) to the stored primitives. {@code guid} is kept as its text ({@code
 * string}), {@code decimal} as {@code real}, and a column of unknown type as {@code dynamic}: the
 * column vectors of the engine have no layout for the first two.
 */
final class StoredTypes {
  private StoredTypes() {}

  /** A value that does not convert to a column's stored type. */
  static final class Mismatch extends Exception {
    Mismatch(String why) {
      super(why, null, false, false);
    }
  }

  static ScalarType storedType(ScalarType t) {
    return switch (t) {
      case GUID, STRING -> ScalarType.STRING;
      case DECIMAL, REAL -> ScalarType.REAL;
      case UNKNOWN, DYNAMIC -> ScalarType.DYNAMIC;
      case INT, LONG, DATETIME, TIMESPAN, BOOL -> t;
    };
  }

  /** The stored type of an extra column (not in the schema), from its first non-null value. */
  static ScalarType inferType(Object v) {
    return switch (v) {
      case String s -> ScalarType.STRING;
      case Long l -> ScalarType.LONG;
      case Integer i -> ScalarType.LONG;
      case Double d -> ScalarType.REAL;
      case BigDecimal d -> ScalarType.REAL;
      case Boolean b -> ScalarType.BOOL;
      case Instant i -> ScalarType.DATETIME;
      case Duration d -> ScalarType.TIMESPAN;
      case java.util.UUID u -> ScalarType.STRING;
      default -> ScalarType.DYNAMIC;
    };
  }

  /** Ticks (100 ns since 0001-01-01) of an instant. */
  static long ticks(Instant t) {
    return DateTimes.UNIX_EPOCH_TICKS
        + Math.multiplyExact(t.getEpochSecond(), DateTimes.TICKS_PER_SECOND)
        + t.getNano() / 100;
  }

  static long ticks(Duration d) {
    return Math.addExact(Math.multiplyExact(d.getSeconds(), DateTimes.TICKS_PER_SECOND), d.getNano() / 100);
  }

  /** The long of an int/long/datetime/timespan value. */
  static long toLong(ScalarType type, Object v) throws Mismatch {
    try {
      return switch (v) {
        case Long l -> l;
        case Integer i -> i;
        case Instant t -> ticks(t);
        case Duration d -> ticks(d);
        default -> toLong(type, convertOrFail(type, v, Long.class, Integer.class, Instant.class, Duration.class));
      };
    } catch (ArithmeticException e) {
      throw new Mismatch("out of range");
    }
  }

  static double toReal(Object v) throws Mismatch {
    if (v instanceof Double d) return d;
    if (v instanceof Number n) return n.doubleValue();
    return ((Number) convertOrFail(ScalarType.REAL, v, Double.class)).doubleValue();
  }

  static boolean toBool(Object v) throws Mismatch {
    if (v instanceof Boolean b) return b;
    return (Boolean) convertOrFail(ScalarType.BOOL, v, Boolean.class);
  }

  static String toText(Object v) {
    return v instanceof String s ? s : ValueConversion.toText(v);
  }

  /** Compact JSON text of a dynamic value (a JSON-like tree or a typed scalar). */
  static String toDynamicText(Object v) {
    return switch (v) {
      case Map<?, ?> m -> ValueConversion.toText(m);
      case List<?> l -> ValueConversion.toText(l);
      case String s -> Json.quote(s);
      case Integer i -> Long.toString(i);
      case Long l -> Long.toString(l);
      case Boolean b -> b.toString();
      case Double d -> Json.write(d);
      case BigDecimal d -> Json.write(d);
      default -> Json.quote(ValueConversion.toText(v));
    };
  }

  private static Object convertOrFail(ScalarType type, Object v, Class<?>... accepted) throws Mismatch {
    Object c;
    try {
      c = ValueConversion.convert(type, v);
    } catch (ValueConversion.BadValue e) {
      throw new Mismatch(e.getMessage());
    }
    if (c == null) throw new Mismatch("empty");
    for (Class<?> k : accepted) if (k.isInstance(c)) return c;
    throw new Mismatch("a " + c.getClass().getSimpleName() + " is not a " + type.kustoName());
  }
}
