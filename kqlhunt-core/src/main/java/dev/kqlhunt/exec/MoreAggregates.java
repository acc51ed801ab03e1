package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Less common aggregates, reached from {@link Aggregates#factory}: {@code binary_all_and/or/xor},
 * {@code make_list_with_nulls}, {@code buildschema}, {@code count_distinct(if)}, {@code
 * covariance(p)(if)}, and the sketch aggregates {@code hll}, {@code hll_if}, {@code hll_merge},
 * {@code tdigest}, {@code tdigest_merge}.
 *
 * <p>Sketches are exact: an hll is the dynamic array of the distinct values seen, a tdigest the
 * array of {@code [value, weight]} pairs in value order. {@code dcount_hll} and {@code
 * percentile_tdigest} ({@link SketchFunctions}) read them back. Kusto's are estimates; exact values
 * are within their error bounds, and the formats are opaque in Kusto too (only these functions
 * read them).
 */
final class MoreAggregates {
  private MoreAggregates() {}

  /** The factory, or null when {@code name} is not one of these aggregates. */
  static Supplier<Accumulator> factory(String name, ScalarType[] types, ScalarType result) {
    return switch (name) {
      case "binary_all_and", "binary_all_or", "binary_all_xor" -> () -> new Bits(name);
      case "make_list_with_nulls" -> () -> new ListWithNulls(types[0]);
      case "buildschema" -> () -> new BuildSchema();
      case "count_distinct" -> () -> new Hll(-1, true);
      case "count_distinctif" -> () -> new Hll(1, true);
      case "hll" -> () -> new Hll(-1, false);
      case "hll_if" -> () -> new Hll(1, false);
      case "hll_merge" -> () -> new HllMerge();
      case "tdigest" -> () -> new TDigest(types.length > 1);
      case "tdigest_merge" -> () -> new TDigestMerge();
      case "covariance", "covariancep" -> () -> new Covariance(name.endsWith("p"), -1);
      case "covarianceif", "covariancepif" -> () -> new Covariance(name.endsWith("pif"), 2);
      default -> null;
    };
  }

  private static boolean passes(Object[] a, int predicate) {
    return predicate < 0 || Boolean.TRUE.equals(Coerce.toBool(a[predicate]));
  }

  /** Bitwise AND/OR/XOR of the non-null values; null when there are none. */
  private static final class Bits implements Accumulator {
    private final String op;
    private long acc;
    private boolean any;

    Bits(String op) {
      this.op = op;
    }

    public void add(Object[] a) {
      long v = Coerce.toLong(ScalarOps.unwrap(a[0]));
      if (v == Coerce.NULL_LONG) return;
      if (!any) acc = v;
      else if (op.endsWith("and")) acc &= v;
      else if (op.endsWith("xor")) acc ^= v;
      else acc |= v;
      any = true;
    }

    public Object[] result() {
      return new Object[] {any ? (Object) acc : null};
    }
  }

  private static final class ListWithNulls implements Accumulator {
    private final ScalarType type;
    private final List<Dynamic> list = new ArrayList<>();

    ListWithNulls(ScalarType type) {
      this.type = type;
    }

    public void add(Object[] a) {
      if (list.size() < 1_048_576) list.add(Cells.toDynamic(a[0], type));
    }

    public Object[] result() {
      return new Object[] {new Dynamic.DynArray(list)};
    }
  }

  /** The distinct values (an exact hll), or their count for {@code count_distinct}. */
  private static final class Hll implements Accumulator {
    private final int predicate;
    private final boolean count;
    private final Set<Dynamic> seen = new LinkedHashSet<>();

    Hll(int predicate, boolean count) {
      this.predicate = predicate;
      this.count = count;
    }

    public void add(Object[] a) {
      if (a[0] != null && passes(a, predicate)) seen.add(Coerce.toDynamic(a[0]));
    }

    public Object[] result() {
      return new Object[] {count ? (Object) (long) seen.size() : new Dynamic.DynArray(new ArrayList<>(seen))};
    }
  }

  private static final class HllMerge implements Accumulator {
    private final Set<Dynamic> seen = new LinkedHashSet<>();

    public void add(Object[] a) {
      List<Dynamic> e = CollectionFunctions.array(a[0]);
      if (e != null) seen.addAll(e);
    }

    public Object[] result() {
      return new Object[] {new Dynamic.DynArray(new ArrayList<>(seen))};
    }
  }

  /** Weighted values; the digest is {@code [[value, weight], ...]} sorted by value. */
  private static final class TDigest implements Accumulator {
    private final boolean weighted;
    private final Map<Object, Long> weights = new LinkedHashMap<>();

    TDigest(boolean weighted) {
      this.weighted = weighted;
    }

    public void add(Object[] a) {
      Object v = ScalarOps.unwrap(a[0]);
      if (v == null) return;
      long w = weighted ? Coerce.toLong(ScalarOps.unwrap(a[1])) : 1;
      if (w == Coerce.NULL_LONG || w <= 0) return;
      weights.merge(v, w, Long::sum);
    }

    public Object[] result() {
      return new Object[] {SketchFunctions.digest(weights)};
    }
  }

  private static final class TDigestMerge implements Accumulator {
    private final Map<Object, Long> weights = new LinkedHashMap<>();

    public void add(Object[] a) {
      SketchFunctions.addDigest(weights, a[0]);
    }

    public Object[] result() {
      return new Object[] {SketchFunctions.digest(weights)};
    }
  }

  /** Sample or population covariance of pairs where both values are present. */
  private static final class Covariance implements Accumulator {
    private final boolean population;
    private final int predicate;
    private long n;
    private double meanX;
    private double meanY;
    private double c;

    Covariance(boolean population, int predicate) {
      this.population = population;
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      Double x = Coerce.toReal(ScalarOps.unwrap(a[0]));
      Double y = Coerce.toReal(ScalarOps.unwrap(a[1]));
      if (x == null || y == null || !passes(a, predicate)) return;
      n++;
      double dx = x - meanX;
      meanX += dx / n;
      meanY += (y - meanY) / n;
      c += dx * (y - meanY);
    }

    public Object[] result() {
      if (n == 0) return new Object[] {null};
      return new Object[] {population ? c / n : n == 1 ? 0.0 : c / (n - 1)};
    }
  }

  /**
   * {@code buildschema(bag)}: for each key the types its values take, merged over rows: a scalar type
   * name, a nested schema for bags, {@code {"`indexer`": schema}} for arrays; several alternatives
   * become an array in first-seen order (buildschema-aggregation-function.md).
   */
  private static final class BuildSchema implements Accumulator {
    private final Schema root = new Schema();

    public void add(Object[] a) {
      Dynamic d = Coerce.toDynamic(a[0]);
      if (d instanceof Dynamic.DynBag || d instanceof Dynamic.DynArray) root.add(d);
    }

    public Object[] result() {
      Dynamic s = root.render();
      return new Object[] {s instanceof Dynamic.DynNull ? null : s};
    }
  }

  /** The union of the shapes seen at one place: scalar type names, one merged bag, one merged array. */
  private static final class Schema {
    private final List<Object> order = new ArrayList<>(); // String type names, or the bag / array marker
    private Map<String, Schema> bag;
    private Schema elements;
    private static final Object BAG = new Object();
    private static final Object ARRAY = new Object();

    void add(Dynamic d) {
      switch (d) {
        case Dynamic.DynNull n -> { }
        case Dynamic.DynBag b -> {
          if (bag == null) {
            bag = new LinkedHashMap<>();
            order.add(BAG);
          }
          b.properties().forEach((k, v) -> bag.computeIfAbsent(k, x -> new Schema()).add(v));
        }
        case Dynamic.DynArray arr -> {
          if (elements == null) {
            elements = new Schema();
            order.add(ARRAY);
          }
          for (Dynamic e : arr.elements()) elements.add(e);
        }
        default -> {
          String t = typeName(d);
          if (!order.contains(t)) order.add(t);
        }
      }
    }

    Dynamic render() {
      List<Dynamic> alternatives = new ArrayList<>();
      for (Object o : order) {
        if (o == BAG) {
          Map<String, Dynamic> m = new LinkedHashMap<>();
          bag.forEach((k, v) -> m.put(k, v.render()));
          alternatives.add(new Dynamic.DynBag(m));
        } else if (o == ARRAY) {
          Map<String, Dynamic> m = new LinkedHashMap<>();
          m.put("`indexer`", elements.render());
          alternatives.add(new Dynamic.DynBag(m));
        } else {
          alternatives.add(Dynamic.of((String) o));
        }
      }
      if (alternatives.isEmpty()) return Dynamic.NULL;
      return alternatives.size() == 1 ? alternatives.get(0) : new Dynamic.DynArray(alternatives);
    }

    private static String typeName(Dynamic d) {
      return switch (d) {
        case Dynamic.DynBool b -> "bool";
        case Dynamic.DynLong l -> "long";
        case Dynamic.DynReal r -> "double";
        case Dynamic.DynString s -> "string";
        case Dynamic.DynDateTime t -> "datetime";
        case Dynamic.DynTimespan t -> "timespan";
        case Dynamic.DynGuid g -> "guid";
        default -> "dynamic";
      };
    }
  }
}
