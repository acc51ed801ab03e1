package dev.kqlhunt.value;

import java.math.BigDecimal;

/**
 * Prints a {@code real} the way Kusto does ({@code tostring(real)}, result cells, reals inside
 * dynamic JSON): the shortest digits that round-trip, in plain notation when the decimal exponent
 * is in {@code [-4, 15)} and in scientific notation otherwise, with {@code E}, a sign and at least
 * two exponent digits — the .NET Core 3.0+ {@code double.ToString()} rules that Kusto inherits.
 * Integral values have no fraction: {@code 1.0} prints {@code 1}, {@code 1e20} prints {@code
 * 1E+20}, {@code 0.00001} prints {@code 1E-05}. Non-finite values print {@code NaN}, {@code ∞} and
 * {@code -∞} (isfinite-function.md shows exactly these cells). Thread-safe.
 *
 * <p>Documented result tables mostly show 15 significant digits (an older display rule: {@code
 * atan2(1,1)} as {@code 0.785398163397448}), some 17; compare reals numerically in conformance
 * tests rather than as text.
 */
public final class RealFormat {
  private RealFormat() {}

  public static String format(double value) {
    StringBuilder out = new StringBuilder(24);
    append(value, out);
    return out.toString();
  }

  public static void append(double value, StringBuilder out) {
    if (Double.isNaN(value)) {
      out.append("NaN");
      return;
    }
    if (Double.isInfinite(value)) {
      out.append(value > 0 ? "\u221E" : "-\u221E");
      return;
    }
    if (value == 0) {
      out.append(1 / value < 0 ? "-0" : "0");
      return;
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
      return;
    }
    // Double.toString gives the shortest round-tripping digits (JDK 19+); re-lay them out.
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - 1 - exact.scale();
    if (value < 0) out.append('-');
    if (exponent >= 15 || exponent < -4) {
      scientific(digits, exponent, out);
    } else {
      plain(digits, exponent, out);
    }
  }

  private static void scientific(String digits, int exponent, StringBuilder out) {
    out.append(digits.charAt(0));
    if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
    out.append('E').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) out.append('0');
    out.append(abs);
  }

  private static void plain(String digits, int exponent, StringBuilder out) {
    if (exponent < 0) {
      out.append("0.");
      for (int i = -1; i > exponent; i--) out.append('0');
      out.append(digits);
      return;
    }
    int intDigits = exponent + 1;
    if (digits.length() <= intDigits) {
      out.append(digits);
      for (int i = digits.length(); i < intDigits; i++) out.append('0');
    } else {
      out.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
    }
  }
}
