package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import java.util.function.DoubleUnaryOperator;

/**
 * Trigonometry, special functions ({@code gamma}, {@code loggamma}, {@code erf}, {@code erfc}, the
 * beta distribution) and bit operations ({@code binary_*}, {@code bitset_count_ones}). A null argument
 * gives null; a real argument outside a function's domain gives NaN, as .NET's {@code Math} does.
 * Special functions are accurate to about 1e-13 relative, well within the 15 digits Kusto prints.
 */
final class MathFunctions {
  private MathFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "pi" -> a -> Math.PI;
      case "cos" -> a -> real(a[0], Math::cos);
      case "sin" -> a -> real(a[0], Math::sin);
      case "tan" -> a -> real(a[0], Math::tan);
      case "acos" -> a -> real(a[0], Math::acos);
      case "asin" -> a -> real(a[0], Math::asin);
      case "atan" -> a -> real(a[0], Math::atan);
      case "cot" -> a -> real(a[0], x -> 1 / Math.tan(x));
      case "degrees" -> a -> real(a[0], x -> x * 180 / Math.PI);
      case "radians" -> a -> real(a[0], x -> x * Math.PI / 180);
      case "exp2" -> a -> real(a[0], x -> Math.pow(2, x));
      case "exp10" -> a -> real(a[0], x -> Math.pow(10, x));
      case "atan2" -> a -> {
        Double y = d(a[0]);
        Double x = d(a[1]);
        return y == null || x == null ? null : Math.atan2(y, x);
      };
      case "gamma" -> a -> real(a[0], SpecialFunctions::gamma);
      case "loggamma" -> a -> real(a[0], SpecialFunctions::logGamma);
      case "erf" -> a -> real(a[0], SpecialFunctions::erf);
      case "erfc" -> a -> real(a[0], SpecialFunctions::erfc);
      case "beta_cdf", "beta_pdf", "beta_inv" -> a -> beta(name, a);
      case "binary_and", "binary_or", "binary_xor", "binary_shift_left", "binary_shift_right" -> a -> bits(name, a);
      case "binary_not" -> a -> {
        long x = Coerce.toLong(ScalarOps.unwrap(a[0]));
        return x == Coerce.NULL_LONG ? null : (Object) ~x;
      };
      case "bitset_count_ones" -> a -> {
        long x = Coerce.toLong(ScalarOps.unwrap(a[0]));
        return x == Coerce.NULL_LONG ? null : (Object) (long) Long.bitCount(x);
      };
      default -> null;
    };
  }

  private static Double d(Object v) {
    return Coerce.toReal(ScalarOps.unwrap(v));
  }

  private static Object real(Object v, DoubleUnaryOperator f) {
    Double x = d(v);
    return x == null ? null : f.applyAsDouble(x);
  }

  private static Object bits(String name, Object[] a) {
    long x = Coerce.toLong(ScalarOps.unwrap(a[0]));
    long y = Coerce.toLong(ScalarOps.unwrap(a[1]));
    if (x == Coerce.NULL_LONG || y == Coerce.NULL_LONG) return null;
    return switch (name) {
      case "binary_and" -> x & y;
      case "binary_or" -> x | y;
      case "binary_xor" -> x ^ y;
      // .NET masks a long shift count to its low 6 bits, as Java does.
      case "binary_shift_left" -> x << y;
      default -> x >> y;
    };
  }

  /**
   * {@code beta_cdf(x, a, b)}, {@code beta_pdf(x, a, b)}, {@code beta_inv(p, a, b)}
   * (beta-cdf-function.md and siblings): {@code x} outside [0, 1] or a non-positive shape gives NaN;
   * a probability outside [0, 1] gives null for {@code beta_inv}.
   */
  private static Object beta(String name, Object[] a) {
    Double x = d(a[0]);
    Double alpha = d(a[1]);
    Double beta = d(a[2]);
    if (x == null || alpha == null || beta == null) return null;
    if (name.equals("beta_inv") && (x < 0 || x > 1)) return null;
    if (x < 0 || x > 1 || !(alpha > 0) || !(beta > 0)) return Double.NaN;
    return switch (name) {
      case "beta_cdf" -> SpecialFunctions.regularizedBeta(x, alpha, beta);
      case "beta_pdf" -> SpecialFunctions.betaPdf(x, alpha, beta);
      default -> SpecialFunctions.betaInverse(x, alpha, beta);
    };
  }
}
