package dev.kqlhunt.exec;

/**
 * Numerical special functions for {@link MathFunctions}: the gamma function (Lanczos approximation,
 * exact factorials for small positive integers so {@code gamma(5)} is exactly 24), the error function
 * (a positive-term series near zero, a continued fraction for the tail), and the regularized
 * incomplete beta function (a continued fraction evaluated by Lentz's method) with its inverse.
 */
final class SpecialFunctions {
  private SpecialFunctions() {}

  /** Lanczos coefficients for g = 7, n = 9 (published constants). */
  private static final double[] LANCZOS = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7};
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  static double gamma(double x) {
    if (Double.isNaN(x)) return x;
    if (x == Math.rint(x)) {
      if (x <= 0) return Double.NaN;
      if (x <= 171) {
        double f = 1;
        for (int i = 2; i < x; i++) f *= i;
        return f;
      }
      return Double.POSITIVE_INFINITY;
    }
    if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
    if (x > 171.7) return Double.POSITIVE_INFINITY;
    return Math.exp(logGamma(x));
  }

  /** {@code ln |Γ(x)|}. */
  static double logGamma(double x) {
    if (Double.isNaN(x)) return x;
    if (x <= 0 && x == Math.rint(x)) return Double.POSITIVE_INFINITY;
    if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
    double t = z + 7.5;
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  static double erf(double x) {
    if (Double.isNaN(x)) return x;
    double ax = Math.abs(x);
    if (ax >= 2.5) return Math.copySign(1 - erfcTail(ax), x);
    // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum x (2x^2)^n / (1*3*...*(2n+1)): all terms positive.
    double term = x;
    double sum = x;
    double twoX2 = 2 * x * x;
    for (int n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= twoX2 / (2 * n + 1);
      sum += term;
    }
    return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
  }

  static double erfc(double x) {
    if (Double.isNaN(x)) return x;
    if (x >= 2.5) return erfcTail(x);
    if (x <= -2.5) return 2 - erfcTail(-x);
    return 1 - erf(x);
  }

  /** erfc(x) for x >= 2.5 by its continued fraction, evaluated from the back. */
  private static double erfcTail(double x) {
    double f = x;
    for (int k = 80; k >= 1; k--) f = x + (k / 2.0) / f;
    return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
  }

  private static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  static double betaPdf(double x, double a, double b) {
    if ((x == 0 && a < 1) || (x == 1 && b < 1)) return Double.POSITIVE_INFINITY;
    return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
  }

  /** The regularized incomplete beta function I_x(a, b), for x in [0, 1] and a, b > 0. */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
    // The fraction converges fast below the mean; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) above.
    if (x < (a + 1) / (a + b + 2)) return front * betaFraction(x, a, b) / a;
    return 1 - front * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 500; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + even * d;
      c = 1 + even / c;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + odd * d;
      c = 1 + odd / c;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = Math.abs(c) < tiny ? tiny : c;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    return h;
  }

  /** The x with I_x(a, b) = p, by bisection (the CDF is monotone on [0, 1]). */
  static double betaInverse(double p, double a, double b) {
    if (p <= 0) return 0;
    if (p >= 1) return 1;
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 200 && hi - lo > 1e-17; i++) {
      double mid = (lo + hi) / 2;
      if (regularizedBeta(mid, a, b) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
}
