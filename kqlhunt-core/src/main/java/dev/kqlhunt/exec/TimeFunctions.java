package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Bins;
import dev.kqlhunt.value.DateTimeFormat;
import dev.kqlhunt.value.DateTimePart;
import dev.kqlhunt.value.DateTimes;
import java.util.HashMap;
import java.util.Map;

/**
 * Time functions on ticks ({@link DateTimes}), plus {@code bin}/{@code floor} for every numeric
 * type. {@code now()} and {@code ago()} read the query's reference time, fixed for the whole query.
 */
final class TimeFunctions {
  private TimeFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types, QueryContext ctx) {
    long now = ctx.now();
    return switch (name) {
      case "now" -> a -> a.length == 0 ? (Object) now : plus(now, a[0]);
      case "ago" -> a -> a[0] == null ? null : (Object) (now - (Long) a[0]);
      case "bin", "floor" -> a -> bin(a, types[0]);
      case "bin_at" -> a -> binAt(a, types[0]);
      case "startofday" -> a -> ticks(a, (t, o) -> DateTimes.startOfDay(t, o));
      case "startofweek" -> a -> ticks(a, (t, o) -> DateTimes.startOfWeek(t, o));
      case "startofmonth" -> a -> ticks(a, (t, o) -> DateTimes.startOfMonth(t, o));
      case "startofyear" -> a -> ticks(a, (t, o) -> DateTimes.startOfYear(t, o));
      case "endofday" -> a -> ticks(a, (t, o) -> DateTimes.endOfDay(t, o));
      case "endofweek" -> a -> ticks(a, (t, o) -> DateTimes.endOfWeek(t, o));
      case "endofmonth" -> a -> ticks(a, (t, o) -> DateTimes.endOfMonth(t, o));
      case "endofyear" -> a -> ticks(a, (t, o) -> DateTimes.endOfYear(t, o));
      case "dayofweek" -> a -> a[0] == null ? null : (Object) DateTimes.dayOfWeek((Long) a[0]);
      case "getyear" -> a -> part(DateTimePart.YEAR, a[0]);
      case "getmonth", "monthofyear" -> a -> part(DateTimePart.MONTH, a[0]);
      case "dayofmonth" -> a -> part(DateTimePart.DAY, a[0]);
      case "dayofyear" -> a -> part(DateTimePart.DAY_OF_YEAR, a[0]);
      case "hourofday" -> a -> part(DateTimePart.HOUR, a[0]);
      case "datetime_part" -> a -> part(partOf(a[0]), a[1]);
      case "datetime_diff" -> a -> diff(a);
      case "datetime_add" -> a -> add(a);
      case "format_datetime" -> formatDateTime();
      case "make_datetime" -> a -> makeDateTime(a);
      case "make_timespan" -> a -> makeTimespan(a);
      case "unixtime_microseconds_todatetime" -> a -> fromUnix(a[0], 10);
      case "unixtime_nanoseconds_todatetime" -> a -> {
        Double d = Coerce.toReal(ScalarOps.unwrap(a[0]));
        return d == null ? null : (Object) (DateTimes.UNIX_EPOCH_TICKS + Math.round(d / 100));
      };
      case "unixtime_seconds_todatetime" -> a -> fromUnix(a[0], DateTimes.TICKS_PER_SECOND);
      case "unixtime_milliseconds_todatetime" -> a -> fromUnix(a[0], DateTimes.TICKS_PER_MILLISECOND);
      // A dynamic datetime unwraps to ticks (a Long), which must not be taken for a number.
      case "todatetime" -> a -> a[0] instanceof dev.kqlhunt.value.Dynamic.DynDateTime d ? Coerce.box(d.ticks())
          : Coerce.box(Coerce.toDateTime(ScalarOps.unwrap(a[0]) instanceof Long l && types[0] != ScalarType.DATETIME ? null : ScalarOps.unwrap(a[0])));
      case "totimespan", "totime" -> a -> Coerce.box(Coerce.toTimespan(ScalarOps.unwrap(a[0])));
      default -> null;
    };
  }

  private interface TickOp {
    long apply(long ticks, long offset);
  }

  private static Object ticks(Object[] a, TickOp op) {
    if (a[0] == null) return null;
    long offset = a.length > 1 && a[1] != null ? Coerce.toLong(a[1]) : 0;
    long r = op.apply((Long) a[0], offset);
    return r == DateTimes.NULL ? null : r;
  }

  private static Object plus(long now, Object offset) {
    return offset == null ? null : (Object) (now + (Long) offset);
  }

  private static Object bin(Object[] a, ScalarType type) {
    Object v = ScalarOps.unwrap(a[0]);
    Object size = ScalarOps.unwrap(a[1]);
    if (v == null || size == null) return null;
    if (v instanceof Double || size instanceof Double || type == ScalarType.REAL) {
      double r = Bins.bin(Coerce.toReal(v), Coerce.toReal(size));
      return Double.isNaN(r) ? null : r;
    }
    long r = Bins.bin(Coerce.toLong(v), Coerce.toLong(size));
    return r == Long.MIN_VALUE ? null : r;
  }

  private static Object binAt(Object[] a, ScalarType type) {
    if (a[0] == null || a[1] == null || a[2] == null) return null;
    if (type == ScalarType.REAL) return Bins.binAt(Coerce.toReal(a[0]), Coerce.toReal(a[1]), Coerce.toReal(a[2]));
    long r = Bins.binAt(Coerce.toLong(a[0]), Coerce.toLong(a[1]), Coerce.toLong(a[2]));
    return r == Long.MIN_VALUE ? null : r;
  }

  private static DateTimePart partOf(Object name) {
    DateTimePart p = name == null ? null : DateTimePart.fromName(name.toString());
    if (p == null) throw new ExecutionException(ExecError.BAD_ARGUMENT, "datetime part", "unknown part '" + name + "'");
    return p;
  }

  private static Object part(DateTimePart p, Object ticks) {
    return ticks == null ? null : (Object) DateTimes.part(p, (Long) ticks);
  }

  private static Object diff(Object[] a) {
    if (a[1] == null || a[2] == null) return null;
    return DateTimes.diff(partOf(a[0]), (Long) a[1], (Long) a[2]);
  }

  private static Object add(Object[] a) {
    if (a[1] == null || a[2] == null) return null;
    long r = DateTimes.add(partOf(a[0]), Coerce.toLong(a[1]), (Long) a[2]);
    return r == DateTimes.NULL ? null : r;
  }

  private static ScalarFunction formatDateTime() {
    Map<String, DateTimeFormat> formats = new HashMap<>();
    return a -> {
      if (a[0] == null) return "";
      String pattern = Coerce.toStringValue(a[1], ScalarType.STRING);
      return formats.computeIfAbsent(pattern, DateTimeFormat::compile).format((Long) a[0]);
    };
  }

  /** {@code make_datetime(year, month, day[, hour, minute, second])}; the second may have a fraction. */
  private static Object makeDateTime(Object[] a) {
    for (Object v : a) if (v == null) return null;
    long[] p = new long[5];
    for (int i = 0; i < 5 && i < a.length; i++) p[i] = Coerce.toLong(a[i]);
    double seconds = a.length > 5 ? Coerce.toReal(a[5]) : 0;
    if (p[1] < 1 || p[1] > 12 || p[2] < 1 || p[2] > 31 || seconds < 0 || seconds >= 60) return null;
    try {
      long base = DateTimes.of((int) p[0], (int) p[1], (int) p[2], (int) p[3], (int) p[4], 0, 0);
      return base + Math.round(seconds * DateTimes.TICKS_PER_SECOND);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code make_timespan(hour, minute[, second])} or {@code make_timespan(day, hour, minute, second)}. */
  private static Object makeTimespan(Object[] a) {
    for (Object v : a) if (v == null) return null;
    double[] p = new double[a.length];
    for (int i = 0; i < a.length; i++) p[i] = Coerce.toReal(a[i]);
    double ticks = switch (a.length) {
      case 2 -> p[0] * DateTimes.TICKS_PER_HOUR + p[1] * DateTimes.TICKS_PER_MINUTE;
      case 3 -> p[0] * DateTimes.TICKS_PER_HOUR + p[1] * DateTimes.TICKS_PER_MINUTE + p[2] * DateTimes.TICKS_PER_SECOND;
      default -> p[0] * DateTimes.TICKS_PER_DAY + p[1] * DateTimes.TICKS_PER_HOUR + p[2] * DateTimes.TICKS_PER_MINUTE
          + p[3] * DateTimes.TICKS_PER_SECOND;
    };
    return Math.round(ticks);
  }

  private static Object fromUnix(Object v, long unit) {
    Double d = Coerce.toReal(ScalarOps.unwrap(v));
    if (d == null) return null;
    return DateTimes.UNIX_EPOCH_TICKS + Math.round(d * unit);
  }
}
