package dev.kqlhunt.value;

import dev.kqlhunt.value.Dynamic.DynArray;
import dev.kqlhunt.value.Dynamic.DynBag;
import dev.kqlhunt.value.Dynamic.DynBool;
import dev.kqlhunt.value.Dynamic.DynDateTime;
import dev.kqlhunt.value.Dynamic.DynGuid;
import dev.kqlhunt.value.Dynamic.DynLong;
import dev.kqlhunt.value.Dynamic.DynNull;
import dev.kqlhunt.value.Dynamic.DynReal;
import dev.kqlhunt.value.Dynamic.DynString;
import dev.kqlhunt.value.Dynamic.DynTimespan;
import java.math.BigDecimal;

/**
 * The {@code to*()} conversion functions. Bad input gives null, never an error.
 *
 * <p>Null sentinels, so the kernels stay primitive: {@link #NULL_LONG} (Long.MIN_VALUE) for long,
 * datetime and timespan, {@link #NULL_INT} (Integer.MIN_VALUE) for int, {@link #NULL_REAL} (a NaN
 * with a private payload; test with {@link #isNullReal}, since an ordinary NaN is a value) for
 * real, {@link KustoBool#NULL} for bool, Java null for guid and decimal.
 *
 * <ul>
 *   <li>Strings to numbers: surrounding white space is ignored; {@code tolong}/{@code toint} take an
 *       optional sign and decimal digits only ({@code "1.5"} is null), out-of-range is null; {@code
 *       toreal} takes decimal and exponent forms plus {@code NaN}, {@code Infinity}, {@code
 *       -Infinity}, but not Java's {@code 1d}/hex forms.
 *   <li>Reals to integers truncate toward zero ({@code toint(2.3)} is 2); NaN, infinities and
 *       out-of-range values are null.
 *   <li>{@code tobool}: {@code "true"}/{@code "false"} in any case, or an integer (non-zero is
 *       true); numbers: non-zero is true.
 *   <li>{@code tostring}: see {@link #toStringOf(Dynamic)}; null of any type is the empty string.
 * </ul>
 */
public final class Conversions {
  private Conversions() {}

  public static final long NULL_LONG = Long.MIN_VALUE;
  public static final int NULL_INT = Integer.MIN_VALUE;
  public static final double NULL_REAL = Double.longBitsToDouble(0x7ff80000_0000deadL);

  public static boolean isNullReal(double d) {
    return Double.doubleToRawLongBits(d) == 0x7ff80000_0000deadL;
  }

  // ---- strings to scalars ----

  public static long toLong(String s) {
    String t = s.strip();
    int i = (t.startsWith("-") || t.startsWith("+")) ? 1 : 0;
    if (i == t.length() || t.length() - i > 19) return NULL_LONG;
    for (int j = i; j < t.length(); j++) {
      char c = t.charAt(j);
      if (c < '0' || c > '9') return NULL_LONG;
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return NULL_LONG;
    }
  }

  public static int toInt(String s) {
    long v = toLong(s);
    return (v == NULL_LONG || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) ? NULL_INT : (int) v;
  }

  public static double toReal(String s) {
    String t = s.strip();
    switch (t) {
      case "NaN":
        return Double.NaN;
      case "Infinity", "+Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (t.isEmpty()) return NULL_REAL;
    boolean digit = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ("+-.eE".indexOf(c) < 0) {
        return NULL_REAL;
      }
    }
    if (!digit) return NULL_REAL;
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return NULL_REAL;
    }
  }

  public static byte toBool(String s) {
    String t = s.strip();
    if (t.equalsIgnoreCase("true")) return KustoBool.TRUE;
    if (t.equalsIgnoreCase("false")) return KustoBool.FALSE;
    long v = toLong(t);
    return v == NULL_LONG ? KustoBool.NULL : KustoBool.of(v != 0);
  }

  /** {@code todecimal(string)}; Java null when not a number. */
  public static BigDecimal toDecimal(String s) {
    double check = toReal(s);
    if (isNullReal(check) || Double.isNaN(check) || Double.isInfinite(check)) return null;
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ---- between numeric types ----

  /** Truncation toward zero; null for NaN, infinities and values outside the long range. */
  public static long toLong(double d) {
    if (isNullReal(d) || Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) return NULL_LONG;
    return (long) d;
  }

  public static int toInt(double d) {
    if (isNullReal(d) || Double.isNaN(d) || d >= 0x1p31 || d <= -0x1p31 - 1) return NULL_INT;
    return (int) d;
  }

  // ---- to string ----

  public static String toStringOf(long value) {
    return value == NULL_LONG ? "" : Long.toString(value);
  }

  public static String toStringOf(double value) {
    return isNullReal(value) ? "" : RealFormat.format(value);
  }

  /**
   * {@code tostring(dynamic)}: a string element without quotes, null as empty, other scalars in
   * their Kusto text form ({@code 1}, {@code 1.5}, {@code true}, a datetime as {@link
   * DateTimes#format}), arrays and bags as compact JSON.
   */
  public static String toStringOf(Dynamic value) {
    return switch (value) {
      case DynNull n -> "";
      case DynString s -> s.value();
      case DynBool b -> b.value() ? "true" : "false";
      case DynLong l -> Long.toString(l.value());
      case DynReal r -> RealFormat.format(r.value());
      case DynDateTime d -> DateTimes.format(d.ticks());
      case DynTimespan t -> Timespans.format(t.ticks());
      case DynGuid g -> Guids.format(g.value());
      case DynArray a -> DynamicJson.write(a);
      case DynBag b -> DynamicJson.write(b);
    };
  }

  // ---- from dynamic ----

  /** {@code tolong(dynamic)}: numbers (reals truncate), numeric strings, bools as 1/0. */
  public static long toLong(Dynamic value) {
    return switch (value) {
      case DynLong l -> l.value();
      case DynReal r -> toLong(r.value());
      case DynString s -> toLong(s.value());
      case DynBool b -> b.value() ? 1 : 0;
      default -> NULL_LONG;
    };
  }

  /** {@code toreal(dynamic)}. */
  public static double toReal(Dynamic value) {
    return switch (value) {
      case DynLong l -> (double) l.value();
      case DynReal r -> r.value();
      case DynString s -> toReal(s.value());
      case DynBool b -> b.value() ? 1 : 0;
      default -> NULL_REAL;
    };
  }

  /** {@code tobool(dynamic)}. */
  public static byte toBool(Dynamic value) {
    return switch (value) {
      case DynBool b -> KustoBool.of(b.value());
      case DynLong l -> KustoBool.of(l.value() != 0);
      case DynReal r -> Double.isNaN(r.value()) ? KustoBool.NULL : KustoBool.of(r.value() != 0);
      case DynString s -> toBool(s.value());
      default -> KustoBool.NULL;
    };
  }

  /** {@code todatetime(dynamic)}: datetimes, and strings in a datetime format. */
  public static long toDateTime(Dynamic value) {
    return switch (value) {
      case DynDateTime d -> d.ticks();
      case DynString s -> DateTimeParser.parse(s.value());
      default -> NULL_LONG;
    };
  }

  /** {@code totimespan(dynamic)}: timespans, and strings in a timespan format. */
  public static long toTimespan(Dynamic value) {
    return switch (value) {
      case DynTimespan t -> t.ticks();
      case DynString s -> Timespans.parse(s.value());
      default -> NULL_LONG;
    };
  }
}
