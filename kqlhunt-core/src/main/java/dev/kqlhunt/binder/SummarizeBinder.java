package dev.kqlhunt.binder;

import dev.kqlhunt.binder.BoundTabular.NamedAggregate;
import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.QueryOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code summarize} and {@code make-series}. Output: the by-columns, then the aggregates. Kusto's
 * multi-column aggregates are expanded here: {@code arg_max(t, a, b)} gives {@code t, a, b} and
 * {@code arg_max(t, *)} every input column but the by-columns and {@code t}; {@code take_any(a, b)}
 * one column per argument; {@code percentiles(x, 5, 50)} gives {@code percentile_x_5, percentile_x_50}.
 * A default name already taken gets a numeric suffix ({@code Timestamp1}); an explicit one is an error.
 */
final class SummarizeBinder {
  private final BindContext cx;

  SummarizeBinder(BindContext cx) {
    this.cx = cx;
  }

  BoundTabular summarize(QueryOperator.SummarizeOperator s, BoundTabular input, Env env) {
    ColumnListBuilder out = new ColumnListBuilder();
    List<NamedExpr> by = groupBy(s.by(), env, out);
    Set<String> byNames = new HashSet<>();
    for (NamedExpr n : by) byNames.add(n.name());
    List<NamedAggregate> aggregates = new ArrayList<>();
    Set<String> starNames = new HashSet<>();
    for (Expression e : s.aggregates()) {
      NamedAggregate a = aggregate(e, input, env, out, byNames, starNames);
      if (a != null) aggregates.add(a);
    }
    return new BoundTabular.Summarize(input, by, aggregates, out.build());
  }

  private List<NamedExpr> groupBy(List<Expression> exprs, Env env, ColumnListBuilder out) {
    List<NamedExpr> by = new ArrayList<>(exprs.size());
    for (Expression e : exprs) {
      BoundExpr b = cx.exprs.bind(e, env);
      if (b.type() == ScalarType.DYNAMIC) cx.error(BindErrors.DYNAMIC_NOT_ALLOWED, e.span());
      String name = Naming.nameOf(e, b);
      if (name == null) name = out.nextColumnName();
      if (out.contains(name)) {
        cx.error(BindErrors.DUPLICATE_COLUMN, e.span(), name);
        continue;
      }
      out.set(name, b.type());
      by.add(new NamedExpr(name, b));
    }
    return by;
  }

  private NamedAggregate aggregate(Expression e, BoundTabular input, Env env, ColumnListBuilder out,
      Set<String> byNames, Set<String> starNames) {
    String explicit = e instanceof Expression.SimpleNamedExpression n ? n.name().text() : null;
    Expression value = e instanceof Expression.SimpleNamedExpression n ? n.value() : e;
    if (e instanceof Expression.CompoundNamedExpression c) {
      return compound(c, input, env, out, byNames);
    }
    BoundExpr b = cx.exprs.bind(value, env.withAggregates(true));
    BoundExpr.ColumnRef bare = bareColumn(b);
    if (bare != null) cx.error(BindErrors.NOT_AGGREGATED, nameSpan(value, bare.column().name()), bare.column().name());
    if (value instanceof Expression.FunctionCall call && b instanceof BoundExpr.AggregateCall agg) {
      List<ColumnSymbol> multi = multiColumns(call, agg, explicit, input, out, byNames, starNames);
      if (multi != null) return new NamedAggregate(multi, b);
    }
    String name = explicit;
    if (name != null && starNames.contains(name)) {
      // A column that only came from a '*' expansion yields to an explicit name (no error in Kusto).
      return new NamedAggregate(List.of(out.addUnique(name, b.type())), b);
    }
    if (name != null && out.contains(name)) {
      cx.error(BindErrors.DUPLICATE_COLUMN, e.span(), name);
      return null;
    }
    if (name == null) {
      name = Naming.nameOf(value, b);
      name = name == null ? out.nextColumnName() : out.uniqueName(name);
    }
    return new NamedAggregate(List.of(out.set(name, b.type())), b);
  }

  /** The span of the first reference to {@code name} inside {@code e}, or {@code e}'s span. */
  private static dev.kqlhunt.text.TextSpan nameSpan(Expression e, String name) {
    dev.kqlhunt.text.TextSpan found = findName(e, name);
    return found != null ? found : e.span();
  }

  private static dev.kqlhunt.text.TextSpan findName(Expression e, String name) {
    return switch (e) {
      case Expression.NameReference r -> r.name().text().equals(name) ? r.span() : null;
      case Expression.ParenthesizedExpression p -> findName(p.inner(), name);
      case Expression.BinaryExpression b -> findName(b.left(), name) != null ? findName(b.left(), name) : findName(b.right(), name);
      case Expression.UnaryExpression u -> findName(u.operand(), name);
      case Expression.PathExpression p -> findName(p.target(), name);
      case Expression.ElementExpression el -> findName(el.target(), name);
      case Expression.FunctionCall c -> {
        for (Expression a : c.arguments()) {
          dev.kqlhunt.text.TextSpan s = findName(a, name);
          if (s != null) yield s;
        }
        yield null;
      }
      default -> null;
    };
  }

  /** A column read outside any aggregate call ({@code summarize x = Timestamp}), or null. */
  static BoundExpr.ColumnRef bareColumn(BoundExpr e) {
    return switch (e) {
      case BoundExpr.ColumnRef r -> r;
      case BoundExpr.AggregateCall a -> null;
      case BoundExpr.Binary b -> bareColumn(b.left()) != null ? bareColumn(b.left()) : bareColumn(b.right());
      case BoundExpr.Unary u -> bareColumn(u.operand());
      case BoundExpr.Call c -> {
        for (BoundExpr a : c.arguments()) {
          BoundExpr.ColumnRef r = bareColumn(a);
          if (r != null) yield r;
        }
        yield null;
      }
      case BoundExpr.Member m -> bareColumn(m.target());
      case BoundExpr.Element el -> bareColumn(el.target());
      default -> null;
    };
  }

  /** {@code (a, b) = arg_max(t, x)}: the names given replace the default ones, in order. */
  private NamedAggregate compound(
      Expression.CompoundNamedExpression c, BoundTabular input, Env env, ColumnListBuilder out, Set<String> byNames) {
    BoundExpr b = cx.exprs.bind(c.value(), env.withAggregates(true));
    List<ColumnSymbol> defaults = null;
    if (c.value() instanceof Expression.FunctionCall call && b instanceof BoundExpr.AggregateCall agg) {
      defaults = multiColumns(call, agg, null, input, new ColumnListBuilder(), byNames, new HashSet<>());
    }
    List<ColumnSymbol> outputs = new ArrayList<>();
    for (int i = 0; i < c.names().size(); i++) {
      ScalarType t = defaults != null && i < defaults.size() ? defaults.get(i).type() : b.type();
      outputs.add(out.addUnique(c.names().get(i).text(), t));
    }
    if (defaults != null) {
      for (int i = c.names().size(); i < defaults.size(); i++) {
        outputs.add(out.addUnique(defaults.get(i).name(), defaults.get(i).type()));
      }
    }
    return new NamedAggregate(outputs, b);
  }

  /** The columns of a multi-column aggregate, added to {@code out}; null for an ordinary aggregate. */
  private List<ColumnSymbol> multiColumns(Expression.FunctionCall call, BoundExpr.AggregateCall agg, String explicit,
      BoundTabular input, ColumnListBuilder out, Set<String> byNames, Set<String> starNames) {
    String f = agg.function().name();
    List<Expression> args = call.arguments();
    List<BoundExpr> bound = agg.arguments();
    switch (f) {
      case "arg_max", "arg_min", "argmax", "argmin" -> {
        List<ColumnSymbol> cols = new ArrayList<>();
        String keyName = explicit != null ? explicit : Naming.nameOf(args.get(0), bound.get(0));
        cols.add(keyName == null ? out.set(out.nextColumnName(), bound.get(0).type()) : out.addUnique(keyName, bound.get(0).type()));
        String keyColumn = bound.get(0) instanceof BoundExpr.ColumnRef r ? r.column().name() : null;
        addEach(args.subList(1, args.size()), bound.subList(1, bound.size()), input, out, byNames, keyColumn, cols,
            starNames);
        return cols;
      }
      case "take_any", "any" -> {
        if (args.size() == 1 && !(bound.get(0) instanceof BoundExpr.Star) && (f.equals("any") || explicit != null)) return null;
        List<ColumnSymbol> cols = new ArrayList<>();
        if (explicit != null && args.size() == 1) {
          cols.add(out.set(explicit, bound.get(0).type()));
          return cols;
        }
        addEach(args, bound, input, out, byNames, null, cols, starNames);
        return cols;
      }
      case "percentiles", "percentilesw" -> {
        int first = f.equals("percentilesw") ? 2 : 1;
        String base = Naming.nameOf(args.get(0), bound.get(0));
        List<ColumnSymbol> cols = new ArrayList<>();
        for (int i = first; i < args.size(); i++) {
          String p = args.get(i) instanceof Expression.Literal l ? l.raw().replace('.', '_') : String.valueOf(i);
          String name = explicit != null && args.size() == first + 1 ? explicit
              : "percentile_" + (base == null ? "" : base) + "_" + p;
          cols.add(out.addUnique(name, agg.type()));
        }
        return cols;
      }
      case "percentile", "percentilew" -> {
        if (explicit != null) return null;
        String base = Naming.nameOf(args.get(0), bound.get(0));
        Expression pArg = args.get(args.size() - 1);
        String p = pArg instanceof Expression.Literal l ? l.raw().replace('.', '_') : "";
        return List.of(out.addUnique("percentile_" + (base == null ? "" : base) + "_" + p, agg.type()));
      }
      case "percentiles_array", "percentilesw_array" -> {
        if (explicit != null) return null;
        String base = Naming.nameOf(args.get(0), bound.get(0));
        return List.of(out.addUnique("percentiles_" + (base == null ? "" : base), ScalarType.DYNAMIC));
      }
      default -> {
        return null;
      }
    }
  }

  /** One output per argument; {@code *} stands for every input column but the by-columns and {@code skip}. */
  private void addEach(List<Expression> args, List<BoundExpr> bound, BoundTabular input, ColumnListBuilder out,
      Set<String> byNames, String skip, List<ColumnSymbol> cols, Set<String> starNames) {
    for (int i = 0; i < args.size(); i++) {
      BoundExpr b = bound.get(i);
      if (b instanceof BoundExpr.Star) {
        for (ColumnSymbol c : input.columns()) {
          if (byNames.contains(c.name()) || c.name().equals(skip)) continue;
          ColumnSymbol added = out.addUnique(c.name(), c.type());
          starNames.add(added.name());
          cols.add(added);
        }
        continue;
      }
      String name = Naming.nameOf(args.get(i), b);
      cols.add(name == null ? out.set(out.nextColumnName(), b.type()) : out.addUnique(name, b.type()));
    }
  }

  /** {@code make-series}: by-columns, then one dynamic column per aggregate, then the axis (dynamic). */
  BoundTabular makeSeries(QueryOperator.MakeSeriesOperator m, BoundTabular input, Env env) {
    ColumnListBuilder out = new ColumnListBuilder();
    List<NamedExpr> by = groupBy(m.by(), env, out);
    List<NamedAggregate> aggregates = new ArrayList<>();
    List<BoundExpr> defaults = new ArrayList<>();
    for (Clause.MakeSeriesAggregate a : m.aggregates()) {
      Expression e = a.aggregate();
      String explicit = e instanceof Expression.SimpleNamedExpression n ? n.name().text() : null;
      BoundExpr b = cx.exprs.bind(e, env.withAggregates(true));
      String name = explicit != null ? explicit : Naming.nameOf(e, b);
      name = name == null ? out.nextColumnName() : out.uniqueName(name);
      aggregates.add(new NamedAggregate(List.of(out.set(name, ScalarType.DYNAMIC)), b));
      defaults.add(a.defaultValue() == null ? null : cx.exprs.bind(a.defaultValue(), env.withRow(Row.EMPTY)));
    }
    BoundExpr axis = cx.exprs.bind(m.axis(), env);
    String axisName = Naming.nameOf(m.axis(), axis);
    axisName = axisName == null ? out.nextColumnName() : out.uniqueName(axisName);
    out.set(axisName, ScalarType.DYNAMIC);
    Env constants = env.withRow(Row.EMPTY);
    BoundTabular series = new BoundTabular.MakeSeries(input, aggregates, defaults, new NamedExpr(axisName, axis),
        m.from() == null ? null : cx.exprs.bind(m.from(), constants),
        m.to() == null ? null : cx.exprs.bind(m.to(), constants),
        m.step() == null ? null : cx.exprs.bind(m.step(), constants), by, out.build());
    // kind=nonempty: a series of defaults even over no rows (only meaningful without by-columns).
    boolean nonEmpty = "nonempty".equalsIgnoreCase(OperatorBinder.param(m.parameters(), "kind"));
    if (!nonEmpty || !by.isEmpty()) return series;
    return new BoundTabular.Special(new OperatorSpec.NonEmptySeries(), List.of(series), out.build(), false);
  }
}
