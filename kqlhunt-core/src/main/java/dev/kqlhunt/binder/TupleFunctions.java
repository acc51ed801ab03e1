package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ScalarType;
import java.util.List;
import java.util.Map;

/**
 * Functions whose result is a tuple of several columns ({@code series_fit_line}, {@code
 * series_decompose_anomalies}, ...), with each part's name suffix and type as the official parser gives
 * them. Unnamed, {@code extend series_fit_line(s)} adds {@code series_fit_line_s_rsquare}, ...; with
 * {@code (a, b) = f(s)} the parts take the given names in order.
 */
final class TupleFunctions {
  private TupleFunctions() {}

  /** One part of a tuple result. */
  record Part(String suffix, ScalarType type) {}

  private static final ScalarType D = ScalarType.DYNAMIC;
  private static final ScalarType R = ScalarType.REAL;
  private static final ScalarType L = ScalarType.LONG;

  private static final List<Part> DECOMPOSE =
      List.of(new Part("baseline", D), new Part("seasonal", D), new Part("trend", D), new Part("residual", D));

  private static final Map<String, List<Part>> PARTS = Map.of(
      "series_decompose", DECOMPOSE,
      "series_decompose_forecast", DECOMPOSE,
      "series_decompose_anomalies", List.of(new Part("ad_flag", D), new Part("ad_score", D), new Part("baseline", D)),
      "series_fit_line", List.of(new Part("rsquare", R), new Part("slope", R), new Part("variance", R),
          new Part("rvariance", R), new Part("interception", R), new Part("line_fit", D)),
      "series_fit_2lines", List.of(new Part("rsquare", R), new Part("split_idx", L), new Part("variance", R),
          new Part("rvariance", R), new Part("line_fit", D), new Part("right_rsquare", R),
          new Part("right_slope", R), new Part("right_interception", R), new Part("right_variance", R),
          new Part("right_rvariance", R), new Part("left_rsquare", R), new Part("left_slope", R),
          new Part("left_interception", R), new Part("left_variance", R), new Part("left_rvariance", R)),
      "series_periods_detect", List.of(new Part("periods", D), new Part("scores", D)),
      "series_periods_validate", List.of(new Part("periods", D), new Part("scores", D)),
      "series_stats", List.of(new Part("min", R), new Part("min_idx", L), new Part("max", R),
          new Part("max_idx", L), new Part("avg", R), new Part("stdev", R), new Part("variance", R)));

  /** The parts of {@code function}'s tuple result, or null when it returns one value. */
  static List<Part> parts(String function) {
    return PARTS.get(function);
  }
}
