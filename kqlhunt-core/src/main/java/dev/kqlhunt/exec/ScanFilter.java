package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.binder.BoundExpr.ListOp;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.NullMask;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.StringPredicate;
import dev.kqlhunt.value.StringSetMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Evaluates a scan's pushed predicates (a conjunction) into the ascending positions of the rows that
 * pass, cheapest work first:
 *
 * <ol>
 *   <li>string predicates with a constant needle on a column whose dictionary is small beside the rows
 *       ({@code has}, {@code ==}, {@code in~}, {@code has_any}, ...): the predicate runs per dictionary
 *       entry, then one int loop over codes; smallest dictionary first;
 *   <li>range tests of a long-backed column against constants ({@code between}, {@code <}, {@code
 *       >=}, {@code ==}): one loop over the primitive array;
 *   <li>string predicates on high-cardinality columns (command lines), on the rows left;
 *   <li>everything else, in the order written, through {@link ExprEvaluator#select} on a narrowed view.
 * </ol>
 *
 * Each predicate after the first sees only the rows the earlier ones kept (positions, no gather of
 * whole columns); on a column whose dictionary is larger than the rows left, verdicts are computed
 * lazily per code that occurs. Over many rows ({@link #PARALLEL_ROWS}; {@link #PARALLEL_TESTS} for lazy
 * verdicts, which cost a predicate call per new code) the loops run on two threads, each half of the rows, concatenated in order: the result is the same
 * positions whatever the split. Kernels of the first two kinds cannot fail on a row, so moving them
 * ahead of a predicate that could (a conversion error) only removes rows that predicate would
 * otherwise have seen; docs/EXECUTION.md states this.
 *
 * <p>Not thread-safe (one per executor); the predicates it runs concurrently are thread-safe by
 * {@link StringPredicate}'s contract.
 */
final class ScanFilter {
  /** Rows (or positions) from which a loop over codes or values is split over two threads. */
  static final int PARALLEL_ROWS = 1 << 17;
  /** Positions from which lazily computed string verdicts (a predicate call per new code) are split. */
  static final int PARALLEL_TESTS = 1 << 14;
  /** Two threads only with two cores, a common pool, and not {@code -Dkqlhunt.exec.parallel=false}. */
  private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1
      && ForkJoinPool.getCommonPoolParallelism() > 0
      && !"false".equals(System.getProperty("kqlhunt.exec.parallel"));

  private final ExprEvaluator eval;

  ScanFilter(ExprEvaluator eval) {
    this.eval = eval;
  }

  /** One predicate, classified. */
  private sealed interface Step {
    /** 0 small dictionary, 1 range, 2 large dictionary, 3 general: the evaluation order. */
    int rank();

    /** Secondary order within a rank (dictionary size for dictionary steps). */
    long cost();
  }

  /**
   * A dictionary verdict costs a predicate call per entry: cheap beside the rows on a small
   * dictionary (rank 0), but on a high-cardinality one (command lines, over a quarter of the rows) it
   * goes after the range tests, to run on fewer rows (rank 2).
   */
  private record DictStep(StringVector column, StringPredicate predicate, boolean negate) implements Step {
    public int rank() {
      return column.dictionary().size() <= Math.max(1024, column.size() / 4) ? 0 : 2;
    }

    public long cost() {
      return column.dictionary().size();
    }
  }

  /** {@code low <= x <= high}, null rows failing; {@code empty} when no value can pass. */
  private record RangeStep(LongVector column, long low, long high, boolean empty) implements Step {
    public int rank() {
      return 1;
    }

    public long cost() {
      return 0;
    }
  }

  private record GeneralStep(BoundExpr expr) implements Step {
    public int rank() {
      return 3;
    }

    public long cost() {
      return 0;
    }
  }

  /** The positions of {@code table}'s rows where every predicate is true, ascending. */
  int[] select(Table table, List<BoundExpr> predicates) {
    List<Step> steps = new ArrayList<>(predicates.size());
    for (BoundExpr p : predicates) {
      List<DictStep> terms = hasAllTerms(p, table);
      if (terms != null) steps.addAll(terms);
      else steps.add(classify(p, table));
    }
    // Stable: general predicates keep their written order among themselves.
    steps.sort(Comparator.comparingInt(Step::rank).thenComparingLong(Step::cost));
    int[] positions = null;
    for (Step s : steps) {
      positions = switch (s) {
        case DictStep d -> positions == null ? dictAll(d) : dictAt(d, positions);
        case RangeStep r -> r.empty() ? new int[0] : positions == null ? rangeAll(r) : rangeAt(r, positions);
        case GeneralStep g -> general(g.expr(), table, positions);
      };
      if (positions.length == 0) break;
    }
    return positions == null ? all(table.rowCount()) : positions;
  }

  private Step classify(BoundExpr p, Table t) {
    switch (p) {
      case BoundExpr.Binary b when b.left() instanceof BoundExpr.ColumnRef c -> {
        int i = t.indexOf(c.column().name());
        if (i < 0) break;
        if (t.vector(i) instanceof StringVector s && StringOps.isStringPredicate(b.op())) {
          StringPredicate sp = eval.constantPredicate(b);
          if (sp != null) return new DictStep(s, sp, StringOps.isNegated(b.op()));
        } else if (t.vector(i) instanceof LongVector v && Constness.isConstant(b.right())
            && sameLongFamily(b.left().type(), b.right().type())) {
          RangeStep r = comparison(v, b.op(), ScalarOps.unwrap(eval.constant(b.right())));
          if (r != null) return r;
        }
      }
      case BoundExpr.Between b when !b.negated() && b.value() instanceof BoundExpr.ColumnRef c
          && Constness.isConstant(b.low()) && Constness.isConstant(b.high())
          && sameLongFamily(b.value().type(), b.low().type()) && sameLongFamily(b.value().type(), b.high().type()) -> {
        int i = t.indexOf(c.column().name());
        if (i >= 0 && t.vector(i) instanceof LongVector v
            && ScalarOps.unwrap(eval.constant(b.low())) instanceof Long lo
            && ScalarOps.unwrap(eval.constant(b.high())) instanceof Long hi) {
          return new RangeStep(v, lo, hi, lo > hi);
        }
      }
      case BoundExpr.InList l when l.value() instanceof BoundExpr.ColumnRef c && l.subquery() == null -> {
        int i = t.indexOf(c.column().name());
        if (i >= 0 && t.vector(i) instanceof StringVector s && allConstant(l.items())) {
          return new DictStep(s, listPredicate(l), l.op() == ListOp.NOT_IN || l.op() == ListOp.NOT_IN_CI);
        }
      }
      default -> {}
    }
    return new GeneralStep(p);
  }

  /**
   * {@code C has_all (a, b, c)} on a string column as {@code C has a and C has b and C has c}: the
   * same verdict per value (a needle is "had" with the same term semantics either way), but each
   * {@code has} finds its needle with an {@code indexOf} scan, and each runs only on the rows the
   * previous one kept (the longest needle first, as the likeliest to be rare). Null when {@code p}
   * is not of that shape.
   */
  private List<DictStep> hasAllTerms(BoundExpr p, Table t) {
    if (!(p instanceof BoundExpr.InList l) || l.op() != ListOp.HAS_ALL || l.subquery() != null) return null;
    if (!(l.value() instanceof BoundExpr.ColumnRef c) || !allConstant(l.items())) return null;
    int i = t.indexOf(c.column().name());
    if (i < 0 || !(t.vector(i) instanceof StringVector s)) return null;
    List<Object> items = new ArrayList<>();
    for (BoundExpr item : l.items()) InLists.flatten(eval.constant(item), items);
    if (items.isEmpty() || items.size() > 16) return null;
    List<String> needles = new ArrayList<>(items.size());
    for (Object o : items) needles.add(Coerce.toStringValue(o, ScalarType.UNKNOWN));
    needles.sort(Comparator.comparingInt(String::length).reversed());
    List<DictStep> out = new ArrayList<>(needles.size());
    for (String n : needles) out.add(new DictStep(s, dev.kqlhunt.value.TermMatcher.has(n, false), false));
    return out;
  }

  private static boolean sameLongFamily(ScalarType a, ScalarType b) {
    if (a == b) return a == ScalarType.LONG || a == ScalarType.INT || a == ScalarType.DATETIME || a == ScalarType.TIMESPAN;
    return (a == ScalarType.LONG || a == ScalarType.INT) && (b == ScalarType.LONG || b == ScalarType.INT);
  }

  /** A comparison with a constant as an inclusive range; null when the shape does not fit ({@code !=}, a null constant). */
  private static RangeStep comparison(LongVector v, BinaryOp op, Object constant) {
    if (!(constant instanceof Long boxed)) return null;
    long c = boxed;
    return switch (op) {
      case LESS -> new RangeStep(v, Long.MIN_VALUE, c - 1, c == Long.MIN_VALUE);
      case LESS_OR_EQUAL -> new RangeStep(v, Long.MIN_VALUE, c, false);
      case GREATER -> new RangeStep(v, c + 1, Long.MAX_VALUE, c == Long.MAX_VALUE);
      case GREATER_OR_EQUAL -> new RangeStep(v, c, Long.MAX_VALUE, false);
      case EQUAL -> new RangeStep(v, c, c, false);
      default -> null;
    };
  }

  private boolean allConstant(List<BoundExpr> items) {
    for (BoundExpr e : items) if (!Constness.isConstant(e)) return false;
    return true;
  }

  /** The list as one matcher, as {@link InLists} builds it for a string column. */
  private StringPredicate listPredicate(BoundExpr.InList l) {
    List<Object> items = new ArrayList<>();
    for (BoundExpr item : l.items()) InLists.flatten(eval.constant(item), items);
    List<String> needles = new ArrayList<>(items.size());
    for (Object o : items) needles.add(Coerce.toStringValue(o, ScalarType.UNKNOWN));
    return switch (l.op()) {
      case IN, NOT_IN -> StringSetMatcher.in(needles, true);
      case IN_CI, NOT_IN_CI -> StringSetMatcher.in(needles, false);
      case HAS_ANY -> StringSetMatcher.hasAny(needles, false);
      case HAS_ALL -> StringSetMatcher.hasAll(needles, false);
    };
  }

  // ---- kernels -------------------------------------------------------------------------------

  /** A loop over rows (or positions) {@code [from, to)} writing the kept ones into {@code out}; returns the count. */
  @FunctionalInterface
  private interface Part {
    int run(int from, int to, int[] out, int outStart);
  }

  /** Rows per block: each block reserves room for all its rows, then its loop appends branch-free. */
  private static final int BLOCK = 4096;

  /**
   * The positions one thread keeps, in a buffer grown block by block: a selective predicate over a
   * million rows then allocates a few kilobytes, not a zeroed array as long as the rows.
   */
  private static final class Buf {
    int[] a = new int[BLOCK];
    int n;

    void append(Part part, int from, int to) {
      for (int b = from; b < to; b += BLOCK) {
        int e = Math.min(to, b + BLOCK);
        if (n + (e - b) > a.length) a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + (e - b)));
        n += part.run(b, e, a, n);
      }
    }
  }

  /**
   * Runs {@code part} over {@code [0, n)}, in two halves on two threads when {@code n} is large (the
   * calling thread takes the first half), then concatenates the halves in order.
   */
  private static int[] split(int n, Part part) {
    return split(n, PARALLEL_ROWS, part);
  }

  private static int[] split(int n, int parallelFrom, Part part) {
    Buf left = new Buf();
    if (n < parallelFrom || !MULTICORE) {
      left.append(part, 0, n);
      return java.util.Arrays.copyOf(left.a, left.n);
    }
    int mid = n >>> 1;
    Buf right = new Buf();
    ForkJoinTask<?> task = ForkJoinPool.commonPool().submit(() -> right.append(part, mid, n));
    left.append(part, 0, mid);
    task.join();
    int[] out = java.util.Arrays.copyOf(left.a, left.n + right.n);
    System.arraycopy(right.a, 0, out, left.n, right.n);
    return out;
  }

  /** The predicate's verdict per dictionary entry; a large dictionary is split over two threads. */
  private static boolean[] verdicts(dev.kqlhunt.exec.vector.StringDictionary dictionary, StringPredicate predicate) {
    int n = dictionary.size();
    if (n < 4 * PARALLEL_TESTS || !MULTICORE) return dev.kqlhunt.exec.vector.StringFilter.evaluate(dictionary, predicate);
    boolean[] out = new boolean[n];
    int mid = n >>> 1;
    ForkJoinTask<?> task = ForkJoinPool.commonPool().submit(() -> {
      for (int c = mid; c < n; c++) out[c] = predicate.test(dictionary.get(c));
    });
    for (int c = 0; c < mid; c++) out[c] = predicate.test(dictionary.get(c));
    task.join();
    return out;
  }

  private static int[] dictAll(DictStep d) {
    boolean[] verdicts = verdicts(d.column().dictionary(), d.predicate());
    if (d.negate()) for (int i = 0; i < verdicts.length; i++) verdicts[i] = !verdicts[i];
    int[] codes = d.column().rawCodes();
    int n = d.column().size();
    if (rare(verdicts, codes, n)) {
      // Few rows pass: a branch that is almost never taken is cheaper than a store per row.
      return split(n, (from, to, out, at) -> {
        int k = at;
        for (int i = from; i < to; i++) {
          if (verdicts[codes[i]]) out[k++] = i;
        }
        return k - at;
      });
    }
    return split(n, (from, to, out, at) -> {
      int k = at;
      // Branch-free append: always write, advance only when kept.
      for (int i = from; i < to; i++) {
        out[k] = i;
        k += verdicts[codes[i]] ? 1 : 0;
      }
      return k - at;
    });
  }

  /** Whether under 1 row in 64 passes, judged on 1,024 rows spread evenly (only the loop shape depends on it). */
  private static boolean rare(boolean[] verdicts, int[] codes, int n) {
    if (n < 4096) return false;
    int step = n / 1024;
    int hits = 0;
    for (int i = 0; i < n; i += step) hits += verdicts[codes[i]] ? 1 : 0;
    return hits < 16;
  }


  /**
   * The positions whose code passes. With fewer positions than dictionary entries the verdicts are
   * memoised per code as met (0 unknown, 1 false, 2 true); two threads may both compute a code's
   * verdict, and write the same byte, which is harmless.
   */
  private static int[] dictAt(DictStep d, int[] positions) {
    int[] codes = d.column().rawCodes();
    int entries = d.column().dictionary().size();
    if (positions.length >= entries) {
      boolean[] verdicts = verdicts(d.column().dictionary(), d.predicate());
      boolean keep = !d.negate();
      return split(positions.length, (from, to, out, at) -> {
        int k = at;
        for (int i = from; i < to; i++) {
          int p = positions[i];
          out[k] = p;
          k += verdicts[codes[p]] == keep ? 1 : 0;
        }
        return k - at;
      });
    }
    byte[] memo = new byte[entries];
    byte pass = (byte) (d.negate() ? 1 : 2);
    StringPredicate predicate = d.predicate();
    dev.kqlhunt.exec.vector.StringDictionary dictionary = d.column().dictionary();
    return split(positions.length, PARALLEL_TESTS, (from, to, out, at) -> {
      int k = at;
      for (int i = from; i < to; i++) {
        int p = positions[i];
        int c = codes[p];
        byte m = memo[c];
        if (m == 0) {
          m = (byte) (predicate.test(dictionary.get(c)) ? 2 : 1);
          memo[c] = m;
        }
        out[k] = p;
        k += m == pass ? 1 : 0;
      }
      return k - at;
    });
  }

  private static int[] rangeAll(RangeStep r) {
    long[] raw = r.column().rawValues();
    NullMask nulls = r.column().nulls();
    boolean mayNull = nulls.mayHaveNulls();
    long low = r.low();
    long high = r.high();
    return split(r.column().size(), (from, to, out, at) -> {
      int k = at;
      if (!mayNull) {
        for (int i = from; i < to; i++) {
          long x = raw[i];
          out[k] = i;
          k += (x >= low & x <= high) ? 1 : 0;
        }
      } else {
        for (int i = from; i < to; i++) {
          long x = raw[i];
          out[k] = i;
          k += (x >= low & x <= high && !nulls.isNull(i)) ? 1 : 0;
        }
      }
      return k - at;
    });
  }

  private static int[] rangeAt(RangeStep r, int[] positions) {
    long[] raw = r.column().rawValues();
    NullMask nulls = r.column().nulls();
    boolean mayNull = nulls.mayHaveNulls();
    long low = r.low();
    long high = r.high();
    return split(positions.length, (from, to, out, at) -> {
      int k = at;
      for (int i = from; i < to; i++) {
        int p = positions[i];
        long x = raw[p];
        out[k] = p;
        k += (x >= low & x <= high && !(mayNull && nulls.isNull(p))) ? 1 : 0;
      }
      return k - at;
    });
  }

  /** Any other predicate: evaluated on the rows kept so far, over only the columns it reads. */
  private int[] general(BoundExpr p, Table table, int[] positions) {
    Table view = narrow(table, p);
    if (positions != null) view = view.gather(positions, positions.length);
    int[] kept = eval.select(p, view);
    if (positions == null) return kept;
    int[] out = new int[kept.length];
    for (int i = 0; i < kept.length; i++) out[i] = positions[kept[i]];
    return out;
  }

  /** The columns of {@code t} that {@code e} references (all when unsure). */
  private static Table narrow(Table t, BoundExpr e) {
    Set<String> names = new java.util.HashSet<>();
    if (!References.collect(e, names)) return t;
    List<dev.kqlhunt.symbols.ColumnSymbol> cols = new ArrayList<>();
    List<dev.kqlhunt.exec.vector.Vector> vecs = new ArrayList<>();
    for (int i = 0; i < t.columns().size(); i++) {
      if (names.contains(t.columns().get(i).name())) {
        cols.add(t.columns().get(i));
        vecs.add(t.vector(i));
      }
    }
    return new Table(cols, vecs, t.rowCount());
  }

  private static int[] all(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = i;
    return out;
  }
}
