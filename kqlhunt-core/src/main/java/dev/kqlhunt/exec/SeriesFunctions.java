package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tuple-valued series functions the Sentinel corpus uses: {@code series_fit_line}, {@code
 * series_decompose}, {@code series_decompose_anomalies}. Each returns all its outputs at once; the
 * binder's {@code TupleElement} picks one ({@link RowWise}).
 *
 * <p>Decomposition (series-decompose-function.md): the period is the argument, or with -1 detected
 * as the lag in [4, n/2] with the highest autocorrelation of the linearly detrended series when
 * that is at least {@code seasonality_threshold} (0.6); the seasonal component is the mean of each
 * phase of the detrended series, centred on 0; the trend is {@code linefit} (least squares of the
 * deseasoned series, the default), {@code avg} or {@code none}; baseline = seasonal + trend,
 * residual = series - baseline. Anomalies (series-decompose-anomalies-function.md) score residuals
 * with Tukey's fences: {@code ctukey} (default) uses the 10th-90th percentile range, {@code tukey}
 * the quartiles; the score is the distance beyond a fence in units of that range, the flag is +1/-1
 * where the score's magnitude exceeds the threshold (1.5). Kusto's period detection differs in
 * detail, so seasonal series can score slightly differently; non-numeric elements count as 0.
 */
final class SeriesFunctions {
  private SeriesFunctions() {}

  /** The outputs of a tuple function for one row, or null when {@code name} is not one. */
  static Object[] tuple(String name, Object[] a, ScalarType[] types) {
    return switch (name) {
      case "series_fit_line" -> fitLine(a);
      case "series_decompose" -> decompose(a);
      case "series_decompose_anomalies" -> anomalies(a, types);
      case "series_stats" -> stats(a);
      default -> null;
    };
  }

  static boolean isTuple(String name) {
    return name.equals("series_fit_line") || name.equals("series_decompose") || name.equals("series_decompose_anomalies")
        || name.equals("series_stats");
  }

  /** {@code series_stats_dynamic}: the series_stats values plus sum and len, as a bag. */
  static ScalarFunction lookup(String name) {
    if (!name.equals("series_stats_dynamic")) return null;
    return a -> {
      Object[] st = stats(a);
      if (st[0] == null && st[4] == null) return null;
      String[] keys = {"min", "min_idx", "max", "max_idx", "avg", "stdev", "variance", "sum", "len"};
      java.util.Map<String, Dynamic> bag = new java.util.LinkedHashMap<>();
      for (int i = 0; i < keys.length; i++) bag.put(keys[i], Coerce.toDynamic(st[i]));
      return new Dynamic.DynBag(bag);
    };
  }

  /**
   * {min, min_idx, max, max_idx, avg, stdev (sample), variance (sample), sum, len} of the numeric
   * elements (series-stats-function.md); non-numeric elements are skipped, and non-finite ones too
   * when {@code ignore_nonfinite} is true.
   */
  private static Object[] stats(Object[] a) {
    List<Dynamic> e = CollectionFunctions.array(a[0]);
    if (e == null) return new Object[9];
    boolean ignoreNonFinite = a.length > 1 && Boolean.TRUE.equals(Coerce.toBool(ScalarOps.unwrap(a[1])));
    double min = Double.NaN;
    double max = Double.NaN;
    long minIdx = -1;
    long maxIdx = -1;
    double sum = 0;
    long n = 0;
    double mean = 0;
    double m2 = 0;
    for (int i = 0; i < e.size(); i++) {
      Object u = ScalarOps.unwrap(e.get(i));
      if (!(u instanceof Long || u instanceof Double)) continue;
      double x = Coerce.toReal(u);
      if (ignoreNonFinite && !Double.isFinite(x)) continue;
      if (minIdx < 0 || x < min) {
        min = x;
        minIdx = i;
      }
      if (maxIdx < 0 || x > max) {
        max = x;
        maxIdx = i;
      }
      sum += x;
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
    }
    if (n == 0) return new Object[] {null, null, null, null, null, null, null, 0.0, 0L};
    double variance = n > 1 ? m2 / (n - 1) : 0;
    return new Object[] {min, minIdx, max, maxIdx, mean, Math.sqrt(variance), variance, sum, n};
  }

  private static double[] values(Object v) {
    List<Dynamic> e = CollectionFunctions.array(v);
    if (e == null) return null;
    double[] x = new double[e.size()];
    for (int i = 0; i < x.length; i++) {
      Double d = Coerce.toReal(ScalarOps.unwrap(e.get(i)));
      x[i] = d == null ? 0 : d;
    }
    return x;
  }

  private static Dynamic array(double[] x) {
    List<Dynamic> out = new ArrayList<>(x.length);
    for (double d : x) out.add(Dynamic.of(d));
    return new Dynamic.DynArray(out);
  }

  /** {slope, interception} of the least-squares line through (i, y[i]). */
  private static double[] line(double[] y) {
    int n = y.length;
    if (n == 0) return new double[] {0, 0};
    double mx = (n - 1) / 2.0;
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (i - mx) * (y[i] - my);
      sxx += (i - mx) * (i - mx);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    return new double[] {slope, my - slope * mx};
  }

  private static Object[] fitLine(Object[] a) {
    double[] y = values(a[0]);
    if (y == null) return new Object[6];
    double[] l = line(y);
    double[] fit = new double[y.length];
    double my = Arrays.stream(y).average().orElse(0);
    double variance = 0;
    double rvariance = 0;
    for (int i = 0; i < y.length; i++) {
      fit[i] = l[1] + l[0] * i;
      variance += (y[i] - my) * (y[i] - my);
      rvariance += (y[i] - fit[i]) * (y[i] - fit[i]);
    }
    int n = Math.max(1, y.length);
    double rsquare = variance == 0 ? 1 : 1 - rvariance / variance;
    return new Object[] {rsquare, l[0], variance / n, rvariance / n, l[1], array(fit)};
  }

  /** {baseline, seasonal, trend, residual} of the series, or null when it is not an array. */
  private static double[][] parts(Object series, long period, String trend, double seasonalityThreshold) {
    double[] y = values(series);
    if (y == null) return null;
    int n = y.length;
    double[] seasonal = new double[n];
    int p = period < 0 ? detectPeriod(y, seasonalityThreshold) : (int) Math.min(period, n);
    if (p > 1) {
      double[] l = line(y);
      double[] sum = new double[p];
      int[] count = new int[p];
      for (int i = 0; i < n; i++) {
        sum[i % p] += y[i] - (l[1] + l[0] * i);
        count[i % p]++;
      }
      double mean = 0;
      for (int k = 0; k < p; k++) mean += count[k] == 0 ? 0 : sum[k] / count[k];
      mean /= p;
      for (int i = 0; i < n; i++) seasonal[i] = sum[i % p] / count[i % p] - mean;
    }
    double[] deseasoned = new double[n];
    for (int i = 0; i < n; i++) deseasoned[i] = y[i] - seasonal[i];
    double[] t = new double[n];
    switch (trend == null || trend.isEmpty() ? "linefit" : trend) {
      case "avg" -> Arrays.fill(t, Arrays.stream(deseasoned).average().orElse(0));
      case "none" -> { }
      default -> {
        double[] l = line(deseasoned);
        for (int i = 0; i < n; i++) t[i] = l[1] + l[0] * i;
      }
    }
    double[] baseline = new double[n];
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      baseline[i] = seasonal[i] + t[i];
      residual[i] = y[i] - baseline[i];
    }
    return new double[][] {baseline, seasonal, t, residual};
  }

  /** The lag with the highest autocorrelation of the detrended series, if it reaches the threshold; else 0. */
  static int detectPeriod(double[] y, double threshold) {
    int n = y.length;
    if (n < 8) return 0;
    double[] l = line(y);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) r[i] = y[i] - (l[1] + l[0] * i);
    double var = 0;
    for (double v : r) var += v * v;
    if (var == 0) return 0;
    int best = 0;
    double bestScore = threshold;
    for (int lag = 4; lag <= n / 2; lag++) {
      double c = 0;
      for (int i = 0; i + lag < n; i++) c += r[i] * r[i + lag];
      double score = c / var * n / (n - lag);
      if (score > bestScore + 1e-12) {
        bestScore = score;
        best = lag;
      }
    }
    return best;
  }

  private static long longArg(Object[] a, int i, long dflt) {
    if (a.length <= i || a[i] == null) return dflt;
    long v = Coerce.toLong(ScalarOps.unwrap(a[i]));
    return v == Coerce.NULL_LONG ? dflt : v;
  }

  private static double realArg(Object[] a, int i, double dflt) {
    if (a.length <= i || a[i] == null) return dflt;
    Double v = Coerce.toReal(ScalarOps.unwrap(a[i]));
    return v == null ? dflt : v;
  }

  private static Object[] decompose(Object[] a) {
    String trend = a.length > 2 && a[2] != null ? Coerce.toStringValue(a[2], ScalarType.STRING) : "linefit";
    double[][] p = parts(a[0], longArg(a, 1, -1), trend, realArg(a, 4, 0.6));
    if (p == null) return new Object[4];
    return new Object[] {array(p[0]), array(p[1]), array(p[2]), array(p[3])};
  }

  private static Object[] anomalies(Object[] a, ScalarType[] types) {
    double threshold = realArg(a, 1, 1.5);
    String trend = a.length > 3 && a[3] != null ? Coerce.toStringValue(a[3], types[3]) : "linefit";
    String method = a.length > 5 && a[5] != null ? Coerce.toStringValue(a[5], types[5]) : "ctukey";
    double[][] p = parts(a[0], longArg(a, 2, -1), trend, realArg(a, 6, 0.6));
    if (p == null) return new Object[3];
    double[] residual = p[3];
    double[] sorted = residual.clone();
    Arrays.sort(sorted);
    boolean classic = method.equals("tukey");
    double lo = percentile(sorted, classic ? 25 : 10);
    double hi = percentile(sorted, classic ? 75 : 90);
    double range = hi - lo;
    int n = residual.length;
    double[] score = new double[n];
    double[] flag = new double[n];
    for (int i = 0; i < n; i++) {
      double r = residual[i];
      double s = range == 0 ? 0 : r > hi ? (r - hi) / range : r < lo ? (r - lo) / range : 0;
      score[i] = s;
      flag[i] = s > threshold ? 1 : s < -threshold ? -1 : 0;
    }
    List<Dynamic> flags = new ArrayList<>(n);
    for (double f : flag) flags.add(Dynamic.of((long) f));
    return new Object[] {new Dynamic.DynArray(flags), array(score), array(p[0])};
  }

  /** Linear interpolation between closest ranks of a sorted array. */
  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return 0;
    double pos = p / 100 * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}
