package dev.kqlhunt.exec;

import static dev.kqlhunt.exec.ExecTestSupport.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tuple-valued series functions, through the tuple-destructuring extend the corpus uses. */
class SeriesFunctionsTest {
  @Test
  void lineFitOfAStraightLine() {
    assertEquals("rsquare,slope,interception,line_fit\n1,2,1,\"[1,3,5,7]\"\n",
        csv("print s = dynamic([1, 3, 5, 7]) | extend (rsquare, slope, variance, rvariance, interception, line_fit)"
            + " = series_fit_line(s) | project rsquare, slope, interception, line_fit"));
  }

  @Test
  void aSpikeIsTheOnlyAnomaly() {
    String out = csv("print s = dynamic([1,1,1,1,1,1,1,1,10,1,1,1,1,1,1,1])"
        + " | extend (anomalies, score, baseline) = series_decompose_anomalies(s, 1.5, -1, 'linefit')"
        + " | project anomalies");
    assertEquals("anomalies\n\"[0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0]\"\n", out);
    assertEquals("a\n\"[0,0,0,-1,0,0,0,0]\"\n", csv("print s = dynamic([5,6,5,-20,6,5,6,5])"
        + " | extend (a, sc, b) = series_decompose_anomalies(s, 1.5, 0, 'avg', 0, 'tukey') | project a"));
  }

  @Test
  void decompositionSplitsSeasonAndTrend() {
    double[] y = {12, 11, 14, 13, 16, 15, 18, 17};
    java.util.List<dev.kqlhunt.value.Dynamic> items = new java.util.ArrayList<>();
    for (double v : y) items.add(dev.kqlhunt.value.Dynamic.of(v));
    Object[] parts = SeriesFunctions.tuple("series_decompose",
        new Object[] {new dev.kqlhunt.value.Dynamic.DynArray(items), 2L}, new dev.kqlhunt.symbols.ScalarType[2]);
    double[] baseline = reals(parts[0]);
    double[] seasonal = reals(parts[1]);
    double[] trend = reals(parts[2]);
    double[] residual = reals(parts[3]);
    double seasonSum = 0;
    for (int i = 0; i < y.length; i++) {
      assertEquals(y[i], baseline[i] + residual[i], 1e-9);
      assertEquals(baseline[i], seasonal[i] + trend[i], 1e-9);
      if (i + 2 < y.length) assertEquals(seasonal[i], seasonal[i + 2], 1e-9);
      seasonSum += seasonal[i];
    }
    assertEquals(0, seasonSum, 1e-9);
    assertTrue(seasonal[0] > 0 && seasonal[1] < 0, "the even phase is the high one");
    assertTrue(trend[7] - trend[0] > 6, "the trend rises about 1 per step");
  }

  private static double[] reals(Object array) {
    java.util.List<dev.kqlhunt.value.Dynamic> e = CollectionFunctions.array(array);
    double[] out = new double[e.size()];
    for (int i = 0; i < out.length; i++) out[i] = ((dev.kqlhunt.value.Dynamic.DynReal) e.get(i)).value();
    return out;
  }

  @Test
  void periodDetectionFindsTheCycle() {
    double[] y = new double[64];
    for (int i = 0; i < y.length; i++) y[i] = Math.sin(2 * Math.PI * i / 8) + 0.01 * i;
    int p = SeriesFunctions.detectPeriod(y, 0.6);
    assertTrue(p > 0 && p % 8 == 0, "period " + p);
    assertEquals(0, SeriesFunctions.detectPeriod(new double[] {1, 5, 2, 8, 3, 3, 9, 1, 4, 7}, 0.9));
  }

  @Test
  void elementWiseSeriesMath() {
    assertEquals("r\n\"[5,7,null]\"\n", csv("print r = series_add(dynamic([1, 2, 3]), dynamic([4, 5]))"));
    assertEquals("r\n\"[2,4,6]\"\n", csv("print r = series_multiply(dynamic([1, 2, 3]), 2)"));
    assertEquals("r\n\"[false,true,null]\"\n", csv("print r = series_greater(dynamic([1, 5, 'x']), 2)"));
    assertEquals("r\n\"[1,2,null]\"\n", csv("print r = series_abs(dynamic([-1, 2, null]))"));
    assertEquals("r\n32\n", csv("print r = series_dot_product(dynamic([1, 2, 3]), dynamic([4, 5, 6]))"));
    assertEquals("r\n1\n", csv("print r = series_pearson_correlation(dynamic([1, 2, 3]), dynamic([2, 4, 6]))"));
    assertEquals("r\n\"[0,1,0]\"\n", csv("print r = series_fill_const(dynamic([null, 1, null]))"));
    assertEquals("r\n\"[null,1,1,3]\"\n", csv("print r = series_fill_forward(dynamic([null, 1, null, 3]))"));
    assertEquals("r\n\"[1,1,3,3]\"\n", csv("print r = series_fill_backward(dynamic([null, 1, null, 3]))"));
    assertEquals("r\n\"[1,1,2,3,3]\"\n", csv("print r = series_fill_linear(dynamic([null, 1, null, 3, null]))"));
  }

  @Test
  void seriesStatistics() {
    assertEquals("series_stats_x_min,series_stats_x_min_idx,series_stats_x_max,series_stats_x_max_idx,series_stats_x_avg\n"
        + "1,1,9,2,5\n", csv("print x = dynamic([5, 1, 9, 'a', 5]) | project series_stats(x)"
            + " | project-away series_stats_x_stdev, series_stats_x_variance"));
    assertEquals("s\n\"{\"\"min\"\":1,\"\"min_idx\"\":0,\"\"max\"\":3,\"\"max_idx\"\":2,\"\"avg\"\":2,\"\"stdev\"\":1,"
        + "\"\"variance\"\":1,\"\"sum\"\":6,\"\"len\"\":3}\"\n", csv("print s = series_stats_dynamic(dynamic([1, 2, 3]))"));
  }
}
