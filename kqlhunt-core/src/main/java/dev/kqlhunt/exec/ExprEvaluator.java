package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.NullMask;
import dev.kqlhunt.exec.vector.StringFilter;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.KustoBool;
import dev.kqlhunt.value.StringPredicate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates bound scalar expressions over a whole {@link Table}, one column vector per expression.
 *
 * <p>Vector kernels handle what hunting rules spend their time on: column references (no copy),
 * constants (folded once per query), string predicates with a constant needle on a dictionary-coded
 * column (the predicate runs once per distinct value, then one loop maps codes to verdicts), {@code
 * between} and comparisons of a long/datetime column with constants, and {@code and}/{@code or}/{@code
 * not} over bool vectors with Kusto's three-valued logic. Everything else goes row by row through
 * {@link ScalarOps} and {@link ScalarFunctions} on boxed values.
 *
 * <p>Not thread-safe: one evaluator per query (it caches folded constants and prepared predicates).
 */
final class ExprEvaluator {
  /** A table of one row and no columns: what constant expressions are evaluated against. */
  private static final Table ONE_ROW = new Table(List.of(), List.of(), 1);

  private final QueryContext context;
  private final Map<BoundExpr, Object> constants = new IdentityHashMap<>();
  private final Map<BoundExpr, StringPredicate> predicates = new IdentityHashMap<>();

  ExprEvaluator(QueryContext context) {
    this.context = context;
  }

  QueryContext context() {
    return context;
  }

  /** The value of {@code e} for every row of {@code input}; a vector of {@code input.rowCount()} positions. */
  Vector evaluate(BoundExpr e, Table input) {
    if (input.rowCount() != 1 && Constness.isConstant(e)) {
      return ColumnBuilder.constant(e.type(), constant(e), input.rowCount());
    }
    return switch (e) {
      case BoundExpr.ColumnRef r -> column(r, input);
      case BoundExpr.Binary b -> binary(b, input);
      case BoundExpr.Between b -> between(b, input);
      case BoundExpr.UserCall u -> evaluate(u.expansion(), input);
      case BoundExpr.Call c when c.function().name().equals("not") && c.arguments().size() == 1 ->
          not(evaluate(c.arguments().get(0), input));
      default -> RowWise.evaluate(this, e, input);
    };
  }

  /** The value of an expression that reads no column, computed once per query. */
  Object constant(BoundExpr e) {
    if (constants.containsKey(e)) return constants.get(e);
    Object v = Cells.get(RowWise.evaluate(this, e, ONE_ROW), 0);
    constants.put(e, v);
    return v;
  }

  /** The positions of {@code input} where {@code predicate} is true, ascending. */
  int[] select(BoundExpr predicate, Table input) {
    Vector v = evaluate(predicate, input);
    int n = input.rowCount();
    int[] out = new int[n];
    int count = 0;
    if (v instanceof BoolVector b) {
      byte[] raw = b.rawValues();
      NullMask nulls = b.nulls();
      boolean mayNull = nulls.mayHaveNulls();
      for (int i = 0; i < n; i++) {
        out[count] = i;
        count += (raw[i] != 0 && !(mayNull && nulls.isNull(i))) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        Boolean t = Coerce.toBool(Cells.get(v, i));
        if (t != null && t) out[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  private static Vector column(BoundExpr.ColumnRef r, Table input) {
    int i = input.indexOf(r.column().name());
    if (i < 0) throw new ExecutionException(ExecError.INTERNAL, "column lookup", "no column " + r.column().name());
    return input.vector(i);
  }

  /** Each side is evaluated once; the kernels above apply when their shapes match, else the row-wise path. */
  private Vector binary(BoundExpr.Binary b, Table input) {
    Vector left = evaluate(b.left(), input);
    boolean constantRight = Constness.isConstant(b.right());
    if (constantRight && left instanceof StringVector s && StringOps.isStringPredicate(b.op())) {
      StringPredicate p = constantPredicate(b);
      if (p != null) return perDictionaryEntry(s, p, StringOps.isNegated(b.op()));
    }
    if (constantRight && left instanceof LongVector lv && isComparison(b.op())) {
      if (ScalarOps.unwrap(constant(b.right())) instanceof Long r) return compareLongs(lv, b.op(), r);
    }
    Vector right = evaluate(b.right(), input);
    if ((b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) && left instanceof BoolVector lb && right instanceof BoolVector rb) {
      return logic(lb, rb, b.op() == BinaryOp.AND);
    }
    return RowWise.binary(this, b, left, right);
  }

  private static boolean isComparison(BinaryOp op) {
    return switch (op) {
      case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, EQUAL, NOT_EQUAL -> true;
      default -> false;
    };
  }

  /**
   * A long/datetime/timespan column against a constant: one loop over the primitive array. Null rows
   * stay null for ordering and {@code ==}; for {@code !=} a null row is true (docs/SEMANTICS.md).
   */
  private static BoolVector compareLongs(LongVector v, BinaryOp op, long c) {
    long[] raw = v.rawValues();
    int n = v.size();
    byte[] out = new byte[n];
    switch (op) {
      case LESS -> { for (int i = 0; i < n; i++) out[i] = (byte) (raw[i] < c ? 1 : 0); }
      case LESS_OR_EQUAL -> { for (int i = 0; i < n; i++) out[i] = (byte) (raw[i] <= c ? 1 : 0); }
      case GREATER -> { for (int i = 0; i < n; i++) out[i] = (byte) (raw[i] > c ? 1 : 0); }
      case GREATER_OR_EQUAL -> { for (int i = 0; i < n; i++) out[i] = (byte) (raw[i] >= c ? 1 : 0); }
      case EQUAL -> {
        // A null row compared with a non-null constant is false, not null.
        for (int i = 0; i < n; i++) out[i] = (byte) (raw[i] == c && !v.isNull(i) ? 1 : 0);
        return new BoolVector(out, n, NullMask.NONE);
      }
      default -> {
        for (int i = 0; i < n; i++) out[i] = (byte) (raw[i] != c || v.isNull(i) ? 1 : 0);
        return new BoolVector(out, n, NullMask.NONE);
      }
    }
    return new BoolVector(out, n, v.nulls());
  }

  /** The prepared predicate of a string operator whose right side is constant, or null. */
  StringPredicate constantPredicate(BoundExpr.Binary b) {
    if (!Constness.isConstant(b.right())) return null;
    StringPredicate p = predicates.get(b);
    if (p == null) {
      Object needle = constant(b.right());
      p = StringOps.predicate(b.op(), Coerce.toStringValue(needle, b.right().type()));
      if (p == null) return null;
      predicates.put(b, p);
    }
    return p;
  }

  /**
   * Runs {@code p} at most once per distinct value, then maps each row's code to its verdict. When
   * the rows cover the dictionary (a scan), the whole dictionary is evaluated up front; when they
   * are few beside it (after selective filters on a high-cardinality column such as a command line),
   * verdicts are computed lazily for the codes that occur, so the cost follows the rows, not the
   * dictionary.
   */
  static BoolVector perDictionaryEntry(StringVector s, StringPredicate p, boolean negate) {
    int[] codes = s.rawCodes();
    int n = s.size();
    byte[] out = new byte[n];
    if (n >= s.dictionary().size()) {
      boolean[] verdicts = StringFilter.evaluate(s.dictionary(), p);
      // Branch-free over rows: the verdict array is small and stays in cache.
      for (int i = 0; i < n; i++) out[i] = (byte) (verdicts[codes[i]] != negate ? 1 : 0);
      return new BoolVector(out, n, NullMask.NONE);
    }
    byte[] memo = new byte[s.dictionary().size()]; // 0 unknown, 1 false, 2 true
    for (int i = 0; i < n; i++) {
      int c = codes[i];
      byte m = memo[c];
      if (m == 0) {
        m = (byte) (p.test(s.dictionary().get(c)) ? 2 : 1);
        memo[c] = m;
      }
      out[i] = (byte) ((m == 2) != negate ? 1 : 0);
    }
    return new BoolVector(out, n, NullMask.NONE);
  }

  private Vector between(BoundExpr.Between b, Table input) {
    Vector v = evaluate(b.value(), input);
    if (v instanceof LongVector lv && Constness.isConstant(b.low()) && Constness.isConstant(b.high())) {
      Object lo = constant(b.low());
      Object hi = constant(b.high());
      if (lo instanceof Long low && hi instanceof Long high) return longRange(lv, low, high, b.negated());
    }
    return RowWise.evaluate(this, b, input);
  }

  private static BoolVector longRange(LongVector v, long low, long high, boolean negated) {
    long[] raw = v.rawValues();
    int n = v.size();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      long x = raw[i];
      out[i] = (byte) (((x >= low && x <= high) != negated) ? 1 : 0);
    }
    return new BoolVector(out, n, v.nulls());
  }

  private static BoolVector logic(BoolVector l, BoolVector r, boolean and) {
    int n = l.size();
    byte[] out = new byte[n];
    long[] nulls = new long[(n + 63) >>> 6];
    boolean anyNull = l.nulls().mayHaveNulls() || r.nulls().mayHaveNulls();
    byte[] a = l.rawValues();
    byte[] b = r.rawValues();
    if (!anyNull) {
      for (int i = 0; i < n; i++) out[i] = (byte) (and ? (a[i] & b[i]) : (a[i] | b[i]));
      return new BoolVector(out, n, NullMask.NONE);
    }
    for (int i = 0; i < n; i++) {
      byte x = l.isNull(i) ? KustoBool.NULL : a[i];
      byte y = r.isNull(i) ? KustoBool.NULL : b[i];
      byte z = and ? KustoBool.and(x, y) : KustoBool.or(x, y);
      if (z == KustoBool.NULL) nulls[i >>> 6] |= 1L << i;
      else out[i] = z;
    }
    return new BoolVector(out, n, NullMask.of(nulls));
  }

  private static Vector not(Vector v) {
    if (!(v instanceof BoolVector b)) {
      ColumnBuilder out = new ColumnBuilder(ScalarType.BOOL, v.size());
      for (int i = 0; i < v.size(); i++) {
        Boolean t = Coerce.toBool(Cells.get(v, i));
        out.append(t == null ? null : !t);
      }
      return out.build();
    }
    int n = b.size();
    byte[] raw = b.rawValues();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) out[i] = (byte) (raw[i] ^ 1);
    return new BoolVector(out, n, b.nulls());
  }
}
