package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise series functions (series-add-function.md and siblings): arithmetic, comparisons and
 * math on dynamic arrays, a scalar argument applying to every element; the result has the longer
 * input's length and is null where an element is missing or not numeric. Also {@code series_sum},
 * {@code series_product}, {@code series_magnitude}, {@code series_dot_product}, {@code
 * series_cosine_similarity}, {@code series_pearson_correlation} and {@code series_fill_const/forward/
 * backward/linear}. Numbers come out as reals.
 */
final class SeriesMath {
  private SeriesMath() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    if (!name.startsWith("series_")) return null;
    return switch (name.substring(7)) {
      case "add" -> a -> binary(a, Double::sum);
      case "subtract" -> a -> binary(a, (x, y) -> x - y);
      case "multiply" -> a -> binary(a, (x, y) -> x * y);
      case "divide" -> a -> binary(a, (x, y) -> x / y);
      case "pow" -> a -> binary(a, Math::pow);
      case "greater" -> a -> compare(a, c -> c > 0);
      case "greater_equals" -> a -> compare(a, c -> c >= 0);
      case "less" -> a -> compare(a, c -> c < 0);
      case "less_equals" -> a -> compare(a, c -> c <= 0);
      case "equals" -> a -> compare(a, c -> c == 0);
      case "not_equals" -> a -> compare(a, c -> c != 0);
      case "abs" -> a -> unary(a[0], Math::abs);
      case "sign" -> a -> unary(a[0], Math::signum);
      case "exp" -> a -> unary(a[0], Math::exp);
      case "log" -> a -> unary(a[0], Math::log);
      case "floor" -> a -> unary(a[0], Math::floor);
      case "ceiling" -> a -> unary(a[0], Math::ceil);
      case "sin" -> a -> unary(a[0], Math::sin);
      case "cos" -> a -> unary(a[0], Math::cos);
      case "tan" -> a -> unary(a[0], Math::tan);
      case "asin" -> a -> unary(a[0], Math::asin);
      case "acos" -> a -> unary(a[0], Math::acos);
      case "atan" -> a -> unary(a[0], Math::atan);
      case "sum" -> a -> fold(a[0], 0, Double::sum);
      case "product" -> a -> fold(a[0], 1, (x, y) -> x * y);
      case "magnitude" -> a -> {
        Object s = fold(a[0], 0, (x, y) -> x + y * y);
        return s == null ? null : Math.sqrt((Double) s);
      };
      case "dot_product" -> a -> pairwise(a, 0);
      case "cosine_similarity" -> a -> pairwise(a, 1);
      case "pearson_correlation" -> a -> pairwise(a, 2);
      case "fill_const" -> a -> fillConst(a);
      case "fill_forward", "fill_backward" -> a -> fillCarry(a, name.endsWith("forward"));
      case "fill_linear" -> a -> fillLinear(a);
      default -> null;
    };
  }

  /** The elements as reals (NaN for a null or non-numeric element), or null when {@code v} is no array. */
  private static double[] reals(Object v) {
    List<Dynamic> e = CollectionFunctions.array(v);
    if (e == null) return null;
    double[] x = new double[e.size()];
    for (int i = 0; i < x.length; i++) {
      Object u = ScalarOps.unwrap(e.get(i));
      Double d = u instanceof Long || u instanceof Double || u instanceof Boolean ? Coerce.toReal(u) : null;
      x[i] = d == null ? Double.NaN : d;
    }
    return x;
  }

  /** An array argument, or a scalar repeated {@code n} times. */
  private static double[] operand(Object v, int n) {
    double[] x = reals(v);
    if (x != null) return x;
    Double d = Coerce.toReal(ScalarOps.unwrap(v));
    double[] out = new double[n];
    java.util.Arrays.fill(out, d == null ? Double.NaN : d);
    return out;
  }

  private static int length(Object[] a) {
    int n = -1;
    for (Object v : a) {
      List<Dynamic> e = CollectionFunctions.array(v);
      if (e != null) n = Math.max(n, e.size());
    }
    return n;
  }

  private static Object binary(Object[] a, DoubleBinaryOperator f) {
    return elementwise(a, (x, y) -> Dynamic.of(f.applyAsDouble(x, y)));
  }

  private interface Test {
    boolean of(int comparison);
  }

  private static Object compare(Object[] a, Test t) {
    return elementwise(a, (x, y) -> Dynamic.of(t.of(Double.compare(x, y))));
  }

  private interface Element {
    Dynamic of(double x, double y);
  }

  /** Applies {@code e} to each pair of elements; a missing or non-numeric element gives null there. */
  private static Object elementwise(Object[] a, Element e) {
    int n = length(a);
    if (n < 0) return null;
    double[] x = operand(a[0], n);
    double[] y = operand(a[1], n);
    List<Dynamic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean missing = i >= x.length || i >= y.length || Double.isNaN(x[i]) || Double.isNaN(y[i]);
      out.add(missing ? Dynamic.NULL : e.of(x[i], y[i]));
    }
    return new Dynamic.DynArray(out);
  }

  private static Object unary(Object v, DoubleUnaryOperator f) {
    double[] x = reals(v);
    if (x == null) return null;
    List<Dynamic> out = new ArrayList<>(x.length);
    for (double d : x) out.add(Double.isNaN(d) ? Dynamic.NULL : Dynamic.of(f.applyAsDouble(d)));
    return new Dynamic.DynArray(out);
  }

  private static Object fold(Object v, double start, DoubleBinaryOperator f) {
    double[] x = reals(v);
    if (x == null) return null;
    double acc = start;
    for (double d : x) if (!Double.isNaN(d)) acc = f.applyAsDouble(acc, d);
    return acc;
  }

  /** 0: dot product; 1: cosine similarity; 2: Pearson correlation (of the common length). */
  private static Object pairwise(Object[] a, int kind) {
    int n = length(a);
    if (n < 0) return null;
    double[] x = operand(a[0], n);
    double[] y = operand(a[1], n);
    int m = Math.min(x.length, y.length);
    if (kind == 2) {
      double mx = 0;
      double my = 0;
      for (int i = 0; i < m; i++) {
        mx += x[i] / m;
        my += y[i] / m;
      }
      double sxy = 0;
      double sxx = 0;
      double syy = 0;
      for (int i = 0; i < m; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
      }
      return sxy / Math.sqrt(sxx * syy);
    }
    double dot = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < m; i++) {
      dot += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
    return kind == 0 ? dot : dot / Math.sqrt(xx * yy);
  }

  /** Elements that are null (or missing) replaced by the constant (default 0). */
  private static Object fillConst(Object[] a) {
    List<Dynamic> e = CollectionFunctions.array(a[0]);
    if (e == null) return null;
    Dynamic fill = a.length > 1 ? Coerce.toDynamic(a[1]) : Dynamic.of(0L);
    List<Dynamic> out = new ArrayList<>(e.size());
    for (Dynamic d : e) out.add(d instanceof Dynamic.DynNull ? fill : d);
    return new Dynamic.DynArray(out);
  }

  /** Nulls take the previous (forward) or next (backward) non-null element; ends without one stay null. */
  private static Object fillCarry(Object[] a, boolean forward) {
    List<Dynamic> e = CollectionFunctions.array(a[0]);
    if (e == null) return null;
    Dynamic[] out = e.toArray(new Dynamic[0]);
    Dynamic carry = null;
    for (int k = 0; k < out.length; k++) {
      int i = forward ? k : out.length - 1 - k;
      if (out[i] instanceof Dynamic.DynNull) {
        if (carry != null) out[i] = carry;
      } else {
        carry = out[i];
      }
    }
    return new Dynamic.DynArray(List.of(out));
  }

  /** Nulls between two values interpolated linearly; leading and trailing nulls take the nearest value. */
  private static Object fillLinear(Object[] a) {
    double[] x = reals(a[0]);
    if (x == null) return null;
    int n = x.length;
    int prev = -1;
    for (int i = 0; i <= n; i++) {
      if (i < n && Double.isNaN(x[i])) continue;
      if (prev < 0 && i < n) {
        for (int k = 0; k < i; k++) x[k] = x[i];
      } else if (prev >= 0 && i == n) {
        for (int k = prev + 1; k < n; k++) x[k] = x[prev];
      } else if (prev >= 0) {
        for (int k = prev + 1; k < i; k++) x[k] = x[prev] + (x[i] - x[prev]) * (k - prev) / (i - prev);
      }
      prev = i;
    }
    List<Dynamic> out = new ArrayList<>(n);
    for (double d : x) out.add(Double.isNaN(d) ? Dynamic.NULL : Dynamic.of(d));
    return new Dynamic.DynArray(out);
  }
}
