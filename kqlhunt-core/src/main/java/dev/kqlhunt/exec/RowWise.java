package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import dev.kqlhunt.value.DynamicOps;
import dev.kqlhunt.value.KustoBool;
import dev.kqlhunt.value.StringPredicate;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The general evaluation path: children are evaluated as vectors (through the evaluator, so their
 * own fast paths apply), then the node's operation runs once per row on boxed values. Correct for
 * every expression the executor supports; the vector kernels in {@link ExprEvaluator} exist for speed.
 */
final class RowWise {
  private RowWise() {}

  static Vector evaluate(ExprEvaluator ev, BoundExpr e, Table input) {
    int n = input.rowCount();
    return switch (e) {
      case BoundExpr.Literal l -> ColumnBuilder.constant(l.type(), literal(l), n);
      case BoundExpr.VariableRef v -> variable(ev, v, input);
      case BoundExpr.ColumnRef c -> ev.evaluate(c, input);
      case BoundExpr.UserCall u -> ev.evaluate(u.expansion(), input);
      case BoundExpr.Call c -> call(ev, c, input);
      case BoundExpr.Binary b -> binary(ev, b, input);
      case BoundExpr.Unary u -> unary(ev, u, input);
      case BoundExpr.InList i -> InLists.evaluate(ev, i, input);
      case BoundExpr.Between b -> between(ev, b, input);
      case BoundExpr.Member m -> member(ev, m, input);
      case BoundExpr.Element x -> element(ev, x, input);
      case BoundExpr.ToScalar t -> ColumnBuilder.constant(t.type(), toScalar(ev, t), n);
      case BoundExpr.TupleElement t -> tupleElement(ev, t, input);
      case BoundExpr.AggregateCall a ->
          throw new ExecutionException(ExecError.UNSUPPORTED_FUNCTION, a.function().name() + " outside summarize");
      case BoundExpr.Star s -> throw new ExecutionException(ExecError.INTERNAL, "expression", "'*' as a value");
      case BoundExpr.Error x -> throw new ExecutionException(ExecError.UNBOUND_QUERY);
    };
  }

  /** A literal in the boxed representation (ints widened, guids as text, dynamic trees converted). */
  static Object literal(BoundExpr.Literal l) {
    Object v = l.value() == null ? undecoded(l) : l.value();
    if (l.type() == ScalarType.DYNAMIC) return Cells.fromDynamic(DynamicJson.fromTree(v));
    return switch (v) {
      case null -> null;
      case Integer i -> (long) i;
      case BigDecimal b -> b.doubleValue();
      case UUID u -> u.toString();
      default -> v;
    };
  }

  /**
   * Works around literals the parser left undecoded (value null although the text is not a null
   * literal, e.g. {@code datetime(1970-5-12)}): decodes the text between the parentheses.
   */
  private static Object undecoded(BoundExpr.Literal l) {
    String raw = l.rawText();
    if (raw == null) return null;
    int open = raw.indexOf('(');
    int close = raw.lastIndexOf(')');
    if (open < 0 || close < open) return null;
    String inner = raw.substring(open + 1, close).trim();
    if (inner.isEmpty() || inner.equals("null")) return null;
    if (inner.length() > 1 && (inner.charAt(0) == '"' || inner.charAt(0) == '\'')) inner = inner.substring(1, inner.length() - 1);
    return switch (l.type()) {
      case DATETIME -> inner.indexOf(',') > 0 ? dateParts(inner) : Coerce.box(dev.kqlhunt.value.DateTimeParser.parse(inner));
      case TIMESPAN -> Coerce.box(dev.kqlhunt.value.Timespans.parse(inner));
      case GUID -> {
        UUID u = dev.kqlhunt.value.Guids.parse(inner);
        yield u == null ? null : u.toString();
      }
      default -> null;
    };
  }

  /** {@code datetime(2025, 6, 14[, h, m, s])}. */
  private static Object dateParts(String inner) {
    String[] p = inner.split(",");
    int[] v = new int[6];
    try {
      for (int i = 0; i < p.length && i < 6; i++) v[i] = Integer.parseInt(p[i].trim());
      return dev.kqlhunt.value.DateTimes.of(v[0], v[1], v[2], v[3], v[4], v[5], 0);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Vector variable(ExprEvaluator ev, BoundExpr.VariableRef v, Table input) {
    if (v.value() == null) {
      throw new ExecutionException(ExecError.INTERNAL, "variable " + v.name(), "parameter without a value");
    }
    return ev.evaluate(v.value(), input);
  }

  private static Object toScalar(ExprEvaluator ev, BoundExpr.ToScalar t) {
    Table result = ev.context().subquery(t.query());
    if (result.rowCount() == 0 || result.columns().isEmpty()) return null;
    return Coerce.to(t.type(), result.get(0, 0));
  }

  private static Vector call(ExprEvaluator ev, BoundExpr.Call c, Table input) {
    int n = input.rowCount();
    List<BoundExpr> args = c.arguments();
    Vector whole = RowFunctions.evaluate(ev, c, input);
    if (whole != null) return whole;
    Vector[] vs = new Vector[args.size()];
    ScalarType[] types = new ScalarType[args.size()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = ev.evaluate(args.get(i), input);
      types[i] = args.get(i).type();
    }
    Vector window = Window.evaluate(c.function().name(), vs, c.type(), n);
    if (window != null) return window;
    ScalarFunction f = ScalarFunctions.lookup(c.function().name(), types, c.type(), ev.context());
    ColumnBuilder out = new ColumnBuilder(c.type(), n);
    Object[] row = new Object[vs.length];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < vs.length; i++) row[i] = Cells.get(vs[i], r);
      out.append(f.apply(row));
    }
    return out.build();
  }

  /** One output of a tuple-valued function ({@link SeriesFunctions}), computed row by row. */
  private static Vector tupleElement(ExprEvaluator ev, BoundExpr.TupleElement t, Table input) {
    if (!(t.tuple() instanceof BoundExpr.Call c) || !SeriesFunctions.isTuple(c.function().name())) {
      throw new ExecutionException(ExecError.UNSUPPORTED_FUNCTION,
          t.tuple() instanceof BoundExpr.Call c ? c.function().name() : "tuple function");
    }
    int n = input.rowCount();
    List<BoundExpr> args = c.arguments();
    Vector[] vs = new Vector[args.size()];
    ScalarType[] types = new ScalarType[args.size()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = ev.evaluate(args.get(i), input);
      types[i] = args.get(i).type();
    }
    ColumnBuilder out = new ColumnBuilder(t.type(), n);
    Object[] row = new Object[vs.length];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < vs.length; i++) row[i] = Cells.get(vs[i], r);
      Object[] outputs = SeriesFunctions.tuple(c.function().name(), row, types);
      out.append(Coerce.to(t.type(), outputs[t.index()]));
    }
    return out.build();
  }

  private static Vector binary(ExprEvaluator ev, BoundExpr.Binary b, Table input) {
    return binary(ev, b, ev.evaluate(b.left(), input), ev.evaluate(b.right(), input));
  }

  /** A binary operator row by row over already evaluated sides. */
  static Vector binary(ExprEvaluator ev, BoundExpr.Binary b, Vector l, Vector r) {
    int n = l.size();
    ColumnBuilder out = new ColumnBuilder(b.type(), n);
    StringPredicate constant = StringOps.isStringPredicate(b.op()) && !isEquality(b.op()) ? ev.constantPredicate(b) : null;
    Map<String, StringPredicate> cache = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Object x = Cells.get(l, i);
      Object y = Cells.get(r, i);
      out.append(apply(b, x, y, constant, cache));
    }
    return out.build();
  }

  private static boolean isEquality(BinaryOp op) {
    return op == BinaryOp.EQUAL || op == BinaryOp.NOT_EQUAL || op == BinaryOp.EQUAL_CI || op == BinaryOp.NOT_EQUAL_CI;
  }

  private static Object apply(BoundExpr.Binary b, Object x, Object y, StringPredicate constant,
      Map<String, StringPredicate> cache) {
    BinaryOp op = b.op();
    return switch (op) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO ->
          ScalarOps.arithmetic(op, x, y, b.left().type(), b.right().type(), b.type());
      case EQUAL, NOT_EQUAL, EQUAL_CI, NOT_EQUAL_CI -> bool(ScalarOps.equality(op, x, y));
      case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> bool(ScalarOps.ordering(op, x, y));
      case AND -> bool(KustoBool.and(kb(x), kb(y)));
      case OR -> bool(KustoBool.or(kb(x), kb(y)));
      default -> stringOp(b, x, y, constant, cache);
    };
  }

  private static Object stringOp(BoundExpr.Binary b, Object x, Object y, StringPredicate constant,
      Map<String, StringPredicate> cache) {
    StringPredicate p = constant;
    if (p == null) {
      String needle = Coerce.toStringValue(y, b.right().type());
      p = cache.computeIfAbsent(needle, k -> StringOps.predicate(b.op(), k));
      if (p == null) throw new ExecutionException(ExecError.UNSUPPORTED_FUNCTION, b.op().name().toLowerCase());
    }
    boolean t = p.test(Coerce.toStringValue(x, b.left().type()));
    return t != StringOps.isNegated(b.op());
  }

  static byte kb(Object v) {
    Boolean b = Coerce.toBool(v);
    return b == null ? KustoBool.NULL : KustoBool.of(b);
  }

  static Boolean bool(byte b) {
    return b == KustoBool.NULL ? null : b == KustoBool.TRUE;
  }

  private static Vector unary(ExprEvaluator ev, BoundExpr.Unary u, Table input) {
    Vector v = ev.evaluate(u.operand(), input);
    if (u.op() == BoundExpr.UnaryOp.PLUS) return v;
    ColumnBuilder out = new ColumnBuilder(u.type(), v.size());
    for (int i = 0; i < v.size(); i++) out.append(ScalarOps.negate(Cells.get(v, i), u.type()));
    return out.build();
  }

  private static Vector between(ExprEvaluator ev, BoundExpr.Between b, Table input) {
    Vector v = ev.evaluate(b.value(), input);
    Vector lo = ev.evaluate(b.low(), input);
    Vector hi = ev.evaluate(b.high(), input);
    ColumnBuilder out = new ColumnBuilder(ScalarType.BOOL, v.size());
    for (int i = 0; i < v.size(); i++) {
      Object x = Cells.get(v, i);
      byte ge = ScalarOps.ordering(BinaryOp.GREATER_OR_EQUAL, x, Cells.get(lo, i));
      byte le = ScalarOps.ordering(BinaryOp.LESS_OR_EQUAL, x, Cells.get(hi, i));
      byte in = KustoBool.and(ge, le);
      out.append(bool(b.negated() ? KustoBool.not(in) : in));
    }
    return out.build();
  }

  private static Vector member(ExprEvaluator ev, BoundExpr.Member m, Table input) {
    Vector v = ev.evaluate(m.target(), input);
    ColumnBuilder out = new ColumnBuilder(ScalarType.DYNAMIC, v.size());
    for (int i = 0; i < v.size(); i++) {
      Dynamic d = Coerce.toDynamic(Cells.get(v, i));
      out.append(DynamicOps.property(d, m.member()));
    }
    return out.build();
  }

  private static Vector element(ExprEvaluator ev, BoundExpr.Element x, Table input) {
    Vector v = ev.evaluate(x.target(), input);
    Vector idx = ev.evaluate(x.index(), input);
    ColumnBuilder out = new ColumnBuilder(ScalarType.DYNAMIC, v.size());
    for (int i = 0; i < v.size(); i++) {
      Dynamic d = Coerce.toDynamic(Cells.get(v, i));
      Object k = Cells.get(idx, i);
      Object key = ScalarOps.unwrap(k);
      out.append(key instanceof String s ? DynamicOps.property(d, s)
          : key == null ? Dynamic.NULL : DynamicOps.index(d, Coerce.toLong(key)));
    }
    return out.build();
  }
}
