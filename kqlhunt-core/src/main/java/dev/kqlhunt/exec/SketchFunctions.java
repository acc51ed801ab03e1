package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scalar functions over the exact sketches of {@link MoreAggregates}: {@code dcount_hll}, {@code
 * hll_merge}, {@code tdigest_merge}, {@code percentile_tdigest}, {@code percentiles_array_tdigest},
 * {@code rank_tdigest}, {@code percentrank_tdigest}. Percentiles use the weighted nearest rank: the
 * smallest value whose cumulative weight reaches {@code p%} of the total.
 */
final class SketchFunctions {
  private SketchFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types, ScalarType result) {
    return switch (name) {
      case "dcount_hll" -> a -> {
        List<Dynamic> e = CollectionFunctions.array(a[0]);
        return e == null ? null : (Object) (long) new LinkedHashSet<>(e).size();
      };
      case "hll_merge" -> a -> {
        Set<Dynamic> all = new LinkedHashSet<>();
        for (Object v : a) {
          List<Dynamic> e = CollectionFunctions.array(v);
          if (e != null) all.addAll(e);
        }
        return new Dynamic.DynArray(new ArrayList<>(all));
      };
      case "tdigest_merge" -> a -> {
        Map<Object, Long> w = new LinkedHashMap<>();
        for (Object v : a) addDigest(w, v);
        return digest(w);
      };
      case "percentile_tdigest" -> a -> {
        Object v = percentile(a[0], Coerce.toReal(ScalarOps.unwrap(a[1])));
        return Coerce.to(result, v);
      };
      case "percentiles_array_tdigest" -> a -> {
        List<Object> ps = new ArrayList<>();
        for (int i = 1; i < a.length; i++) InLists.flatten(a[i], ps);
        List<Dynamic> out = new ArrayList<>();
        for (Object p : ps) out.add(Coerce.toDynamic(percentile(a[0], Coerce.toReal(ScalarOps.unwrap(p)))));
        return new Dynamic.DynArray(out);
      };
      case "rank_tdigest", "percentrank_tdigest" -> a -> rank(a[0], ScalarOps.unwrap(a[1]), name.startsWith("percent"));
      default -> null;
    };
  }

  /** Adds the {@code [value, weight]} pairs of a digest to {@code weights}. */
  static void addDigest(Map<Object, Long> weights, Object digest) {
    List<Dynamic> pairs = CollectionFunctions.array(digest);
    if (pairs == null) return;
    for (Dynamic p : pairs) {
      if (!(p instanceof Dynamic.DynArray pair) || pair.elements().size() != 2) continue;
      Object v = ScalarOps.unwrap(pair.elements().get(0));
      long w = Coerce.toLong(ScalarOps.unwrap(pair.elements().get(1)));
      if (v != null && w != Coerce.NULL_LONG) weights.merge(v, w, Long::sum);
    }
  }

  /** The digest of value weights: {@code [[value, weight], ...]} in value order. */
  static Dynamic digest(Map<Object, Long> weights) {
    List<Object> values = new ArrayList<>(weights.keySet());
    values.sort(ScalarOps::compare);
    List<Dynamic> out = new ArrayList<>(values.size());
    for (Object v : values) out.add(new Dynamic.DynArray(List.of(Coerce.toDynamic(v), Dynamic.of(weights.get(v)))));
    return new Dynamic.DynArray(out);
  }

  private static Object percentile(Object digest, Double p) {
    if (p == null) return null;
    Map<Object, Long> w = new LinkedHashMap<>();
    addDigest(w, digest);
    if (w.isEmpty()) return null;
    List<Object> values = new ArrayList<>(w.keySet());
    values.sort(ScalarOps::compare);
    long total = 0;
    for (long x : w.values()) total += x;
    double target = Math.max(1, Math.ceil(p / 100.0 * total));
    long cumulative = 0;
    for (Object v : values) {
      cumulative += w.get(v);
      if (cumulative >= target) return v;
    }
    return values.get(values.size() - 1);
  }

  private static Object rank(Object digest, Object value, boolean percent) {
    if (value == null) return null;
    Map<Object, Long> w = new LinkedHashMap<>();
    addDigest(w, digest);
    if (w.isEmpty()) return null;
    long total = 0;
    long below = 0;
    for (Map.Entry<Object, Long> e : w.entrySet()) {
      total += e.getValue();
      if (ScalarOps.compare(e.getKey(), value) <= 0) below += e.getValue();
    }
    return percent ? (Object) (100.0 * below / total) : (Object) (double) below;
  }
}
