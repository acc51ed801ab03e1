package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundExpr.ListOp;
import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.NullMask;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.StringPredicate;
import dev.kqlhunt.value.StringSetMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code in}, {@code !in}, {@code in~}, {@code !in~}, {@code has_any}, {@code has_all}. The list is
 * flattened (a dynamic array item contributes its elements, a subquery its first column). On strings
 * the list becomes one {@link StringSetMatcher}, run once per dictionary entry of a dictionary-coded
 * column; other types compare by value ({@code in} is an OR of {@code ==}, {@code !in} an AND of
 * {@code !=}).
 */
final class InLists {
  private InLists() {}

  static Vector evaluate(ExprEvaluator ev, BoundExpr.InList e, Table input) {
    boolean constantList = e.subquery() != null || allConstant(e.items());
    if (!constantList) return perRow(ev, e, input);
    List<Object> items = items(ev, e);
    Vector v = ev.evaluate(e.value(), input);
    boolean stringy = v instanceof StringVector || e.op() == ListOp.HAS_ANY || e.op() == ListOp.HAS_ALL;
    if (stringy) return strings(e.op(), v, items);
    int n = v.size();
    ColumnBuilder out = new ColumnBuilder(ScalarType.BOOL, n);
    boolean negated = e.op() == ListOp.NOT_IN || e.op() == ListOp.NOT_IN_CI;
    boolean ci = e.op() == ListOp.IN_CI || e.op() == ListOp.NOT_IN_CI;
    for (int i = 0; i < n; i++) {
      Object x = ScalarOps.unwrap(Cells.get(v, i));
      out.append(contains(x, items, ci) != negated);
    }
    return out.build();
  }

  private static boolean contains(Object x, List<Object> items, boolean ci) {
    if (x == null) return false;
    for (Object item : items) if (item != null && ScalarOps.valuesEqual(x, item, ci)) return true;
    return false;
  }

  private static Vector strings(ListOp op, Vector v, List<Object> items) {
    List<String> needles = new ArrayList<>(items.size());
    for (Object o : items) needles.add(Coerce.toStringValue(o, ScalarType.UNKNOWN));
    StringPredicate p = switch (op) {
      case IN, NOT_IN -> StringSetMatcher.in(needles, true);
      case IN_CI, NOT_IN_CI -> StringSetMatcher.in(needles, false);
      case HAS_ANY -> StringSetMatcher.hasAny(needles, false);
      case HAS_ALL -> StringSetMatcher.hasAll(needles, false);
    };
    boolean negate = op == ListOp.NOT_IN || op == ListOp.NOT_IN_CI;
    int n = v.size();
    byte[] out = new byte[n];
    if (v instanceof StringVector s) {
      return ExprEvaluator.perDictionaryEntry(s, p, negate);
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = (byte) (p.test(Coerce.toStringValue(Cells.get(v, i), v.type())) != negate ? 1 : 0);
      }
    }
    return new BoolVector(out, n, NullMask.NONE);
  }

  private static Vector perRow(ExprEvaluator ev, BoundExpr.InList e, Table input) {
    Vector v = ev.evaluate(e.value(), input);
    Vector[] lists = new Vector[e.items().size()];
    for (int j = 0; j < lists.length; j++) lists[j] = ev.evaluate(e.items().get(j), input);
    ColumnBuilder out = new ColumnBuilder(ScalarType.BOOL, v.size());
    for (int i = 0; i < v.size(); i++) {
      List<Object> items = new ArrayList<>();
      for (Vector l : lists) flatten(Cells.get(l, i), items);
      Vector one = ColumnBuilder.constant(e.value().type(), Cells.get(v, i), 1);
      Vector r = evaluateOne(e.op(), one, items);
      out.append(Cells.get(r, 0));
    }
    return out.build();
  }

  private static Vector evaluateOne(ListOp op, Vector one, List<Object> items) {
    if (one instanceof StringVector || op == ListOp.HAS_ANY || op == ListOp.HAS_ALL) return strings(op, one, items);
    boolean negated = op == ListOp.NOT_IN || op == ListOp.NOT_IN_CI;
    boolean ci = op == ListOp.IN_CI || op == ListOp.NOT_IN_CI;
    return ColumnBuilder.constant(ScalarType.BOOL, contains(ScalarOps.unwrap(Cells.get(one, 0)), items, ci) != negated, 1);
  }

  private static boolean allConstant(List<BoundExpr> items) {
    for (BoundExpr i : items) if (!Constness.isConstant(i)) return false;
    return true;
  }

  private static List<Object> items(ExprEvaluator ev, BoundExpr.InList e) {
    List<Object> out = new ArrayList<>();
    if (e.subquery() != null) {
      Table t = ev.context().subquery(e.subquery());
      if (!t.columns().isEmpty()) for (int r = 0; r < t.rowCount(); r++) flatten(t.get(r, 0), out);
      return out;
    }
    for (BoundExpr item : e.items()) flatten(ev.constant(item), out);
    return out;
  }

  /** Adds {@code v}, or the elements of {@code v} when it is a dynamic array. */
  static void flatten(Object v, List<Object> out) {
    if (v instanceof Dynamic.DynArray a) {
      for (Dynamic d : a.elements()) out.add(ScalarOps.unwrap(d));
    } else {
      out.add(ScalarOps.unwrap(v));
    }
  }
}
