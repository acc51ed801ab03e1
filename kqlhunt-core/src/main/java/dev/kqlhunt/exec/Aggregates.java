package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The aggregate functions of {@code summarize}, as accumulator factories. Nulls are ignored by every
 * aggregate but {@code count()} (docs/SEMANTICS.md); {@code min}, {@code max}, {@code avg} and {@code
 * sum} of no value are null. {@code dcount} is exact (Kusto's is an estimate; exact is within its
 * error bound). {@code take_any} keeps the first row it sees. {@code arg_max}/{@code arg_min} keep
 * the first row with the extreme key, and {@code make_set} keeps first-seen order.
 */
final class Aggregates {
  private Aggregates() {}

  /**
   * A factory of accumulators for {@code name} over arguments of {@code types}; {@code outputs} is
   * the number of output columns, {@code result} the type of a single output.
   */
  static Supplier<Accumulator> factory(String name, ScalarType[] types, int outputs, ScalarType result) {
    return switch (name) {
      case "count" -> () -> new Count(types.length == 0 ? -1 : 0, false);
      case "countif" -> () -> new Count(0, true);
      case "dcount" -> () -> new Distinct(-1);
      case "dcountif" -> () -> new Distinct(1);
      case "sum" -> () -> new Sum(result, -1);
      case "sumif" -> () -> new Sum(result, 1);
      case "avg" -> () -> new Avg(-1);
      case "avgif" -> () -> new Avg(1);
      case "min" -> () -> new Extreme(false, -1);
      case "max" -> () -> new Extreme(true, -1);
      case "minif" -> () -> new Extreme(false, 1);
      case "maxif" -> () -> new Extreme(true, 1);
      case "make_set", "makeset" -> () -> new Collect(true, types[0], limitArg(types, 1), -1);
      case "make_set_if" -> () -> new Collect(true, types[0], limitArg(types, 2), 1);
      case "make_list", "makelist" -> () -> new Collect(false, types[0], limitArg(types, 1), -1);
      case "make_list_if" -> () -> new Collect(false, types[0], limitArg(types, 2), 1);
      case "arg_max", "argmax" -> () -> new ArgExtreme(true, outputs);
      case "arg_min", "argmin" -> () -> new ArgExtreme(false, outputs);
      case "take_any", "any", "anyif", "take_anyif" -> () -> new TakeAny(outputs, name.endsWith("if"));
      case "stdev", "stdevp", "variance", "variancep" ->
          () -> new Moments(name.startsWith("stdev"), name.endsWith("p"), -1);
      case "stdevif", "stdevpif", "varianceif", "variancepif" ->
          () -> new Moments(name.startsWith("stdev"), name.contains("pif"), 1);
      case "percentile", "percentiles" -> () -> new Percentiles(types.length - 1, result);
      case "make_bag" -> () -> new MakeBag(-1);
      case "make_bag_if" -> () -> new MakeBag(1);
      default -> {
        Supplier<Accumulator> more = MoreAggregates.factory(name.equals("merge_tdigest") ? "tdigest_merge" : name, types, result);
        if (more == null) throw new ExecutionException(ExecError.UNSUPPORTED_FUNCTION, name);
        yield more;
      }
    };
  }

  /** The argument index of the optional max-size of make_set/make_list, or -1 when absent. */
  private static int limitArg(ScalarType[] types, int index) {
    return types.length > index ? index : -1;
  }

  private static boolean passes(Object[] a, int predicate) {
    return predicate < 0 || Boolean.TRUE.equals(Coerce.toBool(a[predicate]));
  }

  private static final class Count implements Accumulator {
    private final int arg;
    private final boolean predicate;
    private long n;

    Count(int arg, boolean predicate) {
      this.arg = arg;
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      if (predicate ? Boolean.TRUE.equals(Coerce.toBool(a[arg])) : arg < 0 || a[arg] != null) n++;
    }

    public Object[] result() {
      return new Object[] {n};
    }
  }

  private static final class Distinct implements Accumulator {
    private final int predicate;
    private final Set<Object> seen = new HashSet<>();

    Distinct(int predicate) {
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      if (a[0] != null && passes(a, predicate)) seen.add(a[0]);
    }

    public Object[] result() {
      return new Object[] {(long) seen.size()};
    }
  }

  private static final class Sum implements Accumulator {
    private final boolean real;
    private final int predicate;
    private long longSum;
    private double realSum;
    private boolean any;

    Sum(ScalarType result, int predicate) {
      this.real = result == ScalarType.REAL || result == ScalarType.DECIMAL || result == ScalarType.DYNAMIC;
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      Object v = ScalarOps.unwrap(a[0]);
      if (v == null || !passes(a, predicate)) return;
      any = true;
      if (real) realSum += Coerce.toReal(v);
      else longSum += Coerce.toLong(v);
    }

    public Object[] result() {
      return new Object[] {!any ? null : real ? (Object) realSum : (Object) longSum};
    }
  }

  private static final class Avg implements Accumulator {
    private final int predicate;
    private double sum;
    private long n;

    Avg(int predicate) {
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      Object v = ScalarOps.unwrap(a[0]);
      if (v == null || !passes(a, predicate)) return;
      Double d = Coerce.toReal(v);
      if (d == null) return;
      sum += d;
      n++;
    }

    public Object[] result() {
      return new Object[] {n == 0 ? null : sum / n};
    }
  }

  private static final class Extreme implements Accumulator {
    private final boolean max;
    private final int predicate;
    private Object best;

    Extreme(boolean max, int predicate) {
      this.max = max;
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      Object v = a[0];
      if (v == null || !passes(a, predicate)) return;
      if (best == null) {
        best = v;
        return;
      }
      int c = ScalarOps.compare(ScalarOps.unwrap(v), ScalarOps.unwrap(best));
      if (max ? c > 0 : c < 0) best = v;
    }

    public Object[] result() {
      return new Object[] {best};
    }
  }

  private static final class Collect implements Accumulator {
    private final boolean set;
    private final ScalarType type;
    private final int limitArg;
    private final int predicate;
    private final List<Dynamic> list = new ArrayList<>();
    private final Set<Dynamic> seen = new LinkedHashSet<>();
    private long limit = 1_048_576;

    Collect(boolean set, ScalarType type, int limitArg, int predicate) {
      this.set = set;
      this.type = type;
      this.limitArg = limitArg;
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      if (a[0] == null || !passes(a, predicate)) return;
      if (limitArg >= 0 && a[limitArg] != null) limit = Coerce.toLong(a[limitArg]);
      if ((set ? seen.size() : list.size()) >= limit) return;
      Dynamic d = Cells.toDynamic(a[0], type);
      if (set && d instanceof Dynamic.DynArray arr) {
        // make_set of a dynamic array adds its elements (make-set-aggregation-function.md).
        for (Dynamic e : arr.elements()) if (seen.size() < limit) seen.add(e);
      } else if (set) {
        seen.add(d);
      } else if (d instanceof Dynamic.DynArray arr && type == ScalarType.DYNAMIC) {
        list.add(arr);
      } else {
        list.add(d);
      }
    }

    public Object[] result() {
      return new Object[] {new Dynamic.DynArray(set ? new ArrayList<>(seen) : list)};
    }
  }

  /** Variance and standard deviation, sample ({@code n-1}) or population ({@code p}), by Welford's update. */
  private static final class Moments implements Accumulator {
    private final boolean stdev;
    private final boolean population;
    private final int predicate;
    private long n;
    private double mean;
    private double m2;

    Moments(boolean stdev, boolean population, int predicate) {
      this.stdev = stdev;
      this.population = population;
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      Double x = Coerce.toReal(ScalarOps.unwrap(a[0]));
      if (x == null || !passes(a, predicate)) return;
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
    }

    public Object[] result() {
      if (n == 0) return new Object[] {null};
      double v = population ? m2 / n : n == 1 ? 0.0 : m2 / (n - 1);
      return new Object[] {stdev ? Math.sqrt(v) : v};
    }
  }

  /**
   * Exact percentiles by nearest rank (the smallest value with at least p% of values at or below it);
   * Kusto estimates them with a t-digest, whose error bound this is within.
   */
  private static final class Percentiles implements Accumulator {
    private final int count;
    private final ScalarType result;
    private final List<Object> values = new ArrayList<>();
    private double[] ps;

    Percentiles(int count, ScalarType result) {
      this.count = Math.max(1, count);
      this.result = result;
    }

    public void add(Object[] a) {
      if (ps == null) {
        ps = new double[count];
        for (int i = 0; i < count; i++) ps[i] = Coerce.toReal(a[i + 1]);
      }
      Object v = ScalarOps.unwrap(a[0]);
      if (v != null) values.add(v);
    }

    public Object[] result() {
      Object[] out = new Object[count];
      if (values.isEmpty()) return out;
      values.sort(ScalarOps::compare);
      for (int i = 0; i < count; i++) {
        int rank = (int) Math.ceil(ps[i] / 100.0 * values.size());
        out[i] = values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
      }
      return out;
    }
  }

  /** {@code make_bag(bag)}: the union of the bags' properties; the first value of a key wins. */
  private static final class MakeBag implements Accumulator {
    private final int predicate;
    private final java.util.Map<String, Dynamic> properties = new java.util.LinkedHashMap<>();

    MakeBag(int predicate) {
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      if (Coerce.toDynamic(a[0]) instanceof Dynamic.DynBag b && passes(a, predicate)) {
        b.properties().forEach(properties::putIfAbsent);
      }
    }

    public Object[] result() {
      return new Object[] {new Dynamic.DynBag(properties)};
    }
  }

  private static final class ArgExtreme implements Accumulator {
    private final boolean max;
    private Object[] best;

    ArgExtreme(boolean max, int outputs) {
      this.max = max;
      this.best = null;
    }

    public void add(Object[] a) {
      Object key = a[0];
      if (key == null) {
        if (best == null) best = a.clone();
        return;
      }
      if (best == null || best[0] == null) {
        best = a.clone();
        return;
      }
      int c = ScalarOps.compare(ScalarOps.unwrap(key), ScalarOps.unwrap(best[0]));
      if (max ? c > 0 : c < 0) best = a.clone();
    }

    public Object[] result() {
      return best;
    }
  }

  private static final class TakeAny implements Accumulator {
    private final boolean predicate;
    private Object[] first;

    TakeAny(int outputs, boolean predicate) {
      this.predicate = predicate;
    }

    public void add(Object[] a) {
      if (first != null) return;
      if (predicate && !Boolean.TRUE.equals(Coerce.toBool(a[a.length - 1]))) return;
      first = a.clone();
    }

    public Object[] result() {
      return first;
    }
  }
}
