package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Conversions;
import dev.kqlhunt.value.DateTimeParser;
import dev.kqlhunt.value.DateTimes;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import dev.kqlhunt.value.KustoBool;
import dev.kqlhunt.value.RealFormat;
import dev.kqlhunt.value.Timespans;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Conversions of boxed values ({@link Cells}, plus ingest's Java types) to each representation, with
 * Kusto's {@code to<type>()} meaning: what does not convert is null. Long results use {@link
 * #NULL_LONG} for null so callers stay unboxed.
 */
final class Coerce {
  static final long NULL_LONG = Long.MIN_VALUE;

  private Coerce() {}

  static long toLong(Object v) {
    return switch (v) {
      case null -> NULL_LONG;
      case Long l -> l;
      case Integer i -> i;
      case Double d -> Double.isNaN(d) || Double.isInfinite(d) ? NULL_LONG : Conversions.toLong(d);
      case Boolean b -> b ? 1 : 0;
      case String s -> Conversions.toLong(s);
      case Dynamic d -> Conversions.toLong(d);
      case BigDecimal b -> b.longValue();
      case Instant i -> ticksOf(i);
      case Duration d -> d.toNanos() / 100;
      default -> NULL_LONG;
    };
  }

  static long toDateTime(Object v) {
    return switch (v) {
      case null -> NULL_LONG;
      case Long l -> l;
      case Instant i -> ticksOf(i);
      case String s -> DateTimeParser.parse(s);
      case Dynamic d -> Conversions.toDateTime(d);
      default -> NULL_LONG;
    };
  }

  static long toTimespan(Object v) {
    return switch (v) {
      case null -> NULL_LONG;
      case Long l -> l;
      case Integer i -> i;
      case Duration d -> d.toNanos() / 100;
      case String s -> Timespans.parse(s);
      case Dynamic d -> Conversions.toTimespan(d);
      default -> NULL_LONG;
    };
  }

  static Double toReal(Object v) {
    double d = switch (v) {
      case null -> Conversions.NULL_REAL;
      case Double x -> x;
      case Long l -> (double) l;
      case Integer i -> (double) i;
      case BigDecimal b -> b.doubleValue();
      case Boolean b -> b ? 1.0 : 0.0;
      case String s -> Conversions.toReal(s);
      case Dynamic x -> Conversions.toReal(x);
      default -> Conversions.NULL_REAL;
    };
    return Conversions.isNullReal(d) ? null : d;
  }

  static Boolean toBool(Object v) {
    byte b = switch (v) {
      case null -> KustoBool.NULL;
      case Boolean x -> KustoBool.of(x);
      case Long l -> KustoBool.of(l != 0);
      case Integer i -> KustoBool.of(i != 0);
      case Double d -> KustoBool.of(d != 0);
      case String s -> Conversions.toBool(s);
      case Dynamic d -> Conversions.toBool(d);
      default -> KustoBool.NULL;
    };
    return b == KustoBool.NULL ? null : b == KustoBool.TRUE;
  }

  /** {@code tostring(v)} given {@code v}'s static type (which says how to print a Long). */
  static String toStringValue(Object v, ScalarType type) {
    return switch (v) {
      case null -> "";
      case String s -> s;
      case Long l -> type == ScalarType.DATETIME ? DateTimes.format(l)
          : type == ScalarType.TIMESPAN ? Timespans.format(l) : Long.toString(l);
      case Integer i -> Integer.toString(i);
      case Double d -> RealFormat.format(d);
      case Boolean b -> b ? "true" : "false";
      case Dynamic d -> Conversions.toStringOf(d);
      case Instant i -> DateTimes.format(ticksOf(i));
      case Duration d -> Timespans.format(d.toNanos() / 100);
      case UUID u -> u.toString();
      case BigDecimal b -> b.toPlainString();
      default -> v.toString();
    };
  }

  /** {@code todynamic(v)}: scalars wrapped, JSON trees (maps and lists from ingest) converted. */
  static Dynamic toDynamic(Object v) {
    return switch (v) {
      case null -> Dynamic.NULL;
      case Dynamic d -> d;
      case Long l -> Dynamic.of(l);
      case Integer i -> Dynamic.of((long) i);
      case Double d -> Dynamic.of(d);
      case Boolean b -> Dynamic.of(b);
      case String s -> Dynamic.of(s);
      case BigDecimal b -> Dynamic.of(b.doubleValue());
      case Instant i -> new Dynamic.DynDateTime(ticksOf(i));
      case Duration d -> new Dynamic.DynTimespan(d.toNanos() / 100);
      case UUID u -> new Dynamic.DynGuid(u);
      case Map<?, ?> m -> DynamicJson.fromTree(m);
      case List<?> l -> DynamicJson.fromTree(l);
      default -> Dynamic.of(v.toString());
    };
  }

  /** Converts a boxed value to the representation of {@code type}. */
  static Object to(ScalarType type, Object v) {
    return switch (ColumnBuilder.storageType(type)) {
      case INT, LONG -> box(toLong(v));
      case DATETIME -> box(toDateTime(v));
      case TIMESPAN -> box(toTimespan(v));
      case REAL -> toReal(v);
      case BOOL -> toBool(v);
      case STRING -> toStringValue(v, ScalarType.UNKNOWN);
      default -> Cells.fromDynamic(toDynamic(v));
    };
  }

  static Long box(long v) {
    return v == NULL_LONG ? null : v;
  }

  static long ticksOf(Instant i) {
    return DateTimes.UNIX_EPOCH_TICKS + i.getEpochSecond() * DateTimes.TICKS_PER_SECOND + i.getNano() / 100;
  }
}
