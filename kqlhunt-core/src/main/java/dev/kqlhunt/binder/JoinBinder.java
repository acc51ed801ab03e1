package dev.kqlhunt.binder;

import dev.kqlhunt.binder.BoundTabular.JoinKey;
import dev.kqlhunt.binder.BoundTabular.JoinKind;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.QueryOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code join}, {@code lookup} and {@code union}, as the official parser shapes them:
 * <ul>
 *   <li>join: left columns, then right columns; a right name that clashes with a left one gets the first
 *       free numeric suffix among all names of both sides ({@code DeviceId1}, or {@code DeviceId2} when
 *       the right side already has a {@code DeviceId1}); semi and anti joins keep one side only;
 *   <li>lookup: like join, but the right side's key columns are dropped;
 *   <li>union: columns in order of first appearance; a name with several types becomes one column per
 *       type, {@code name_type} ({@code unknown} counting as a type); {@code withsource=} adds a string
 *       column first. The official parser
 *       gives {@code kind=inner} the same schema, and so do we.
 * </ul>
 */
final class JoinBinder {
  private final BindContext cx;

  JoinBinder(BindContext cx) {
    this.cx = cx;
  }

  BoundTabular join(QueryOperator.JoinOperator j, BoundTabular left, Scope scope) {
    JoinKind kind = joinKind(OperatorBinder.param(j.parameters(), "kind"), false);
    BoundTabular right = cx.tables.bindTabular(j.right(), scope);
    List<JoinKey> keys = new ArrayList<>();
    BoundExpr residual = condition(j.condition(), j.span(), left, right, scope, keys);
    List<ColumnSymbol> cols = switch (kind) {
      case LEFTSEMI, LEFTANTI -> left.columns();
      case RIGHTSEMI, RIGHTANTI -> right.columns();
      default -> combine(left.columns(), right.columns(), Set.of());
    };
    return new BoundTabular.Join(left, right, kind, keys, residual, cols);
  }

  BoundTabular lookup(QueryOperator.LookupOperator l, BoundTabular left, Scope scope) {
    JoinKind kind = joinKind(OperatorBinder.param(l.parameters(), "kind"), true);
    BoundTabular right = cx.tables.bindTabular(l.right(), scope);
    List<JoinKey> keys = new ArrayList<>();
    BoundExpr residual = condition(l.condition(), l.span(), left, right, scope, keys);
    Set<String> rightKeys = new HashSet<>();
    for (JoinKey k : keys) rightKeys.add(k.right().name());
    return new BoundTabular.Join(left, right, kind, keys, residual, combine(left.columns(), right.columns(), rightKeys));
  }

  private JoinKind joinKind(String text, boolean lookup) {
    if (lookup) return "inner".equalsIgnoreCase(text) ? JoinKind.LOOKUP_INNER : JoinKind.LOOKUP_LEFTOUTER;
    if (text == null) return JoinKind.INNERUNIQUE;
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "inner" -> JoinKind.INNER;
      case "leftouter" -> JoinKind.LEFTOUTER;
      case "rightouter" -> JoinKind.RIGHTOUTER;
      case "fullouter", "outer" -> JoinKind.FULLOUTER;
      case "leftanti", "anti", "leftantisemi" -> JoinKind.LEFTANTI;
      case "rightanti", "rightantisemi" -> JoinKind.RIGHTANTI;
      case "leftsemi", "semi" -> JoinKind.LEFTSEMI;
      case "rightsemi" -> JoinKind.RIGHTSEMI;
      default -> JoinKind.INNERUNIQUE;
    };
  }

  /** Binds the on/where condition into {@code keys}; returns the residual predicate or null. */
  private BoundExpr condition(Clause.JoinCondition c, dev.kqlhunt.text.TextSpan at, BoundTabular left,
      BoundTabular right, Scope scope, List<JoinKey> keys) {
    if (c == null || c.expressions().isEmpty()) {
      cx.error(BindErrors.JOIN_WITHOUT_ON, at);
      return null;
    }
    Row l = Row.of(left);
    Row r = Row.of(right);
    Env env = new Env(Row.EMPTY, scope, false, l, r);
    if (c.kind() == Clause.JoinCondition.Kind.WHERE) {
      return cx.exprs.bindPredicate(c.expressions().get(0), env);
    }
    for (Expression e : flattenAnd(c.expressions())) {
      if (e instanceof Expression.NameReference n) {
        String name = n.name().text();
        ColumnSymbol lc = l.find(name);
        ColumnSymbol rc = r.find(name);
        boolean leftMissing = lc == null && !l.isOpen();
        boolean rightMissing = rc == null && !r.isOpen();
        if (leftMissing && rightMissing) {
          cx.error(BindErrors.UNKNOWN_NAME, e.span(), name, "");
          continue;
        }
        if (leftMissing || rightMissing) {
          cx.error(BindErrors.JOIN_COLUMN_MISSING, e.span(), name);
          continue;
        }
        if (lc == null) cx.discover(l, name);
        if (rc == null) cx.discover(r, name);
        keys.add(new JoinKey(lc != null ? lc : new ColumnSymbol(name, ScalarType.UNKNOWN),
            rc != null ? rc : new ColumnSymbol(name, ScalarType.UNKNOWN)));
      } else if (e instanceof Expression.BinaryExpression b
          && b.operator() == dev.kqlhunt.syntax.tree.BinaryOperator.EQUAL) {
        ColumnSymbol a = side(b.left(), "$left", l);
        ColumnSymbol z = side(b.right(), "$right", r);
        if (a == null || z == null) {
          a = side(b.right(), "$left", l);
          z = side(b.left(), "$right", r);
        }
        if (a != null && a.type() == ScalarType.UNKNOWN && l.find(a.name()) == null) cx.discover(l, a.name());
        if (z != null && z.type() == ScalarType.UNKNOWN && r.find(z.name()) == null) cx.discover(r, z.name());
        if (a == null || z == null) {
          cx.exprs.bind(e, env); // reports unknown columns
          if (!hasSide(b)) cx.error(BindErrors.JOIN_CONDITION_FORM, e.span());
          continue;
        }
        keys.add(new JoinKey(a, z));
      } else {
        cx.error(BindErrors.JOIN_CONDITION_FORM, e.span());
      }
    }
    return null;
  }

  /** {@code on $left.a == $right.b and $left.c == $right.d} lists two keys, like a comma. */
  private static List<Expression> flattenAnd(List<Expression> items) {
    List<Expression> out = new ArrayList<>();
    for (Expression e : items) addConjuncts(e, out);
    return out;
  }

  private static void addConjuncts(Expression e, List<Expression> out) {
    if (e instanceof Expression.BinaryExpression b && b.operator() == dev.kqlhunt.syntax.tree.BinaryOperator.AND) {
      addConjuncts(b.left(), out);
      addConjuncts(b.right(), out);
    } else if (e instanceof Expression.ParenthesizedExpression p) {
      addConjuncts(p.inner(), out);
    } else {
      out.add(e);
    }
  }

  private static boolean hasSide(Expression.BinaryExpression b) {
    return b.left() instanceof Expression.PathExpression && b.right() instanceof Expression.PathExpression;
  }

  /** The column of {@code $left.x} / {@code $right.x} on the given side, or null when {@code e} is not that form. */
  private static ColumnSymbol side(Expression e, String side, Row row) {
    if (e instanceof Expression.PathExpression p && p.target() instanceof Expression.NameReference n
        && n.name().text().equals(side)) {
      String name = p.selector().text();
      ColumnSymbol c = row.find(name);
      if (c == null && row.isOpen()) c = new ColumnSymbol(name, ScalarType.UNKNOWN);
      return c;
    }
    return null;
  }

  /** Left columns then right ones (minus {@code dropRight}), clashing right names suffixed. */
  static List<ColumnSymbol> combine(List<ColumnSymbol> left, List<ColumnSymbol> right, Set<String> dropRight) {
    Set<String> taken = new HashSet<>();
    Set<String> leftNames = new HashSet<>();
    for (ColumnSymbol c : left) {
      taken.add(c.name());
      leftNames.add(c.name());
    }
    for (ColumnSymbol c : right) taken.add(c.name());
    List<ColumnSymbol> out = new ArrayList<>(left);
    for (ColumnSymbol c : right) {
      if (dropRight.contains(c.name())) continue;
      if (!leftNames.contains(c.name())) {
        out.add(c);
        continue;
      }
      String name = c.name();
      for (int k = 1; ; k++) {
        if (taken.add(c.name() + k)) {
          name = c.name() + k;
          break;
        }
      }
      out.add(new ColumnSymbol(name, c.type()));
    }
    return out;
  }

  BoundTabular union(QueryOperator.UnionOperator u, BoundTabular input, Scope scope) {
    List<BoundTabular> inputs = new ArrayList<>();
    List<String> sourceNames = new ArrayList<>();
    if (input != null) {
      inputs.add(input);
      sourceNames.add("");
    }
    boolean fuzzy = "true".equalsIgnoreCase(OperatorBinder.param(u.parameters(), "isfuzzy"));
    if (fuzzy) cx.fuzzyUnion++;
    try {
      for (Expression t : u.tables()) addUnionInput(t, scope, inputs, sourceNames);
    } finally {
      if (fuzzy) cx.fuzzyUnion--;
    }
    String outerText = OperatorBinder.param(u.parameters(), "kind");
    boolean outer = outerText == null || !outerText.equalsIgnoreCase("inner");
    String source = OperatorBinder.param(u.parameters(), "withsource");
    List<ColumnSymbol> cols = new ArrayList<>();
    if (source != null) cols.add(new ColumnSymbol(source, ScalarType.STRING));
    cols.addAll(unionColumns(inputs));
    return new BoundTabular.Union(inputs, outer, source, sourceNames, cols);
  }

  private void addUnionInput(Expression t, Scope scope, List<BoundTabular> inputs, List<String> sourceNames) {
    if (t instanceof Expression.NameReference n && n.name() instanceof Name.WildcardName w) {
      for (String table : cx.catalog.tableNames()) {
        if (Wildcards.matches(w.text(), table)) {
          inputs.add(new BoundTabular.TableScan(table, cx.catalog.table(table).columns(), true));
          sourceNames.add(table);
        }
      }
      return;
    }
    inputs.add(cx.tables.bindTabular(t, scope));
    sourceNames.add(t instanceof Expression.NameReference n ? n.name().text() : "");
  }

  /** Union-by-name of the inputs' columns (see the class comment). */
  static List<ColumnSymbol> unionColumns(List<BoundTabular> inputs) {
    Map<String, List<ScalarType>> typesByName = new LinkedHashMap<>();
    for (BoundTabular t : inputs) {
      for (ColumnSymbol c : t.columns()) {
        List<ScalarType> types = typesByName.computeIfAbsent(c.name(), k -> new ArrayList<>(1));
        if (!types.contains(c.type())) types.add(c.type());
      }
    }
    // Generated names (x_long) may clash with real columns of that name; those get a numeric suffix.
    ColumnListBuilder out = new ColumnListBuilder();
    for (Map.Entry<String, List<ScalarType>> e : typesByName.entrySet()) {
      List<ScalarType> types = e.getValue();
      // An unknown type (a column of an unknown table) is a type of its own here, as in the official
      // parser: x:string and x:unknown give x_string and x_unknown.
      if (types.size() == 1) {
        out.addUnique(e.getKey(), types.get(0));
      } else {
        for (ScalarType t : types) out.addUnique(e.getKey() + "_" + t.kustoName(), t);
      }
    }
    return out.build();
  }
}
