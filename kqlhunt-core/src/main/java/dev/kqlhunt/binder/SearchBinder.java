package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.QueryOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators over several tables or nested groups, with the schemas the official parser gives them:
 * <ul>
 *   <li>{@code find in (T1, T2) where p}: {@code source_}, the columns common to all tables (same name
 *       and type), the other columns {@code p} mentions, then {@code pack_} (dynamic); with
 *       {@code project a, b}: {@code source_, a, b};
 *   <li>{@code search}: {@code $table}, then the union of the tables' columns;
 *   <li>{@code top-nested}: per level, the {@code of} column then {@code aggregated_<of>}.
 * </ul>
 */
final class SearchBinder {
  private final BindContext cx;

  SearchBinder(BindContext cx) {
    this.cx = cx;
  }

  BoundTabular find(QueryOperator.FindOperator f, BoundTabular input, Scope scope) {
    List<BoundTabular> inputs = sources(f.sources(), input, scope);
    List<ColumnSymbol> all = JoinBinder.unionColumns(inputs);
    boolean open = inputs.stream().anyMatch(Row::isOpen);
    Env env = Env.of(new Row(all, open), scope);
    BoundExpr predicate = f.predicate() == null ? null : cx.exprs.bindPredicate(f.predicate(), env);
    ColumnListBuilder out = new ColumnListBuilder();
    out.set("source_", ScalarType.STRING);
    List<BoundTabular.NamedExpr> project = new ArrayList<>();
    if (!f.project().isEmpty()) {
      for (Expression e : f.project()) {
        BoundExpr b = cx.exprs.bind(e, env);
        String name = Naming.nameOf(e, b);
        project.add(new BoundTabular.NamedExpr(out.addUnique(name == null ? out.nextColumnName() : name, b.type()).name(), b));
      }
    } else {
      for (ColumnSymbol c : common(inputs)) out.set(c.name(), c.type());
      if (predicate != null) addReferenced(predicate, out);
      out.set("pack_", ScalarType.DYNAMIC);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) names.add(sourceName(inputs.get(i), i));
    OperatorSpec.Find spec = new OperatorSpec.Find(names, predicate, project);
    return new BoundTabular.Special(spec, inputs, out.build(), false);
  }

  /** The {@code source_} value of a find input: its table's name (a let's name), else {@code table_<i>}. */
  private static String sourceName(BoundTabular t, int index) {
    return switch (t) {
      case BoundTabular.TableScan s -> s.table();
      case BoundTabular.LetRef r -> r.name();
      default -> "table_" + index;
    };
  }

  BoundTabular search(QueryOperator.SearchOperator s, BoundTabular input, Scope scope) {
    List<BoundTabular> inputs = sources(s.tables(), input, scope);
    List<ColumnSymbol> all = JoinBinder.unionColumns(inputs);
    Env env = Env.of(new Row(all, true), scope);
    List<BoundExpr> args = s.predicate() == null ? List.of() : List.of(cx.exprs.bind(s.predicate(), env));
    List<ColumnSymbol> cols = new ArrayList<>();
    cols.add(new ColumnSymbol("$table", ScalarType.STRING));
    cols.addAll(all);
    return new BoundTabular.Other("search", input, args, cols, false);
  }

  BoundTabular topNested(QueryOperator.TopNestedOperator t, BoundTabular input, Env env) {
    ColumnListBuilder out = new ColumnListBuilder();
    List<OperatorSpec.NestedLevel> levels = new ArrayList<>();
    for (Clause.TopNestedClause c : t.clauses()) {
      BoundExpr of = c.of() == null ? new BoundExpr.Error() : cx.exprs.bind(c.of(), env);
      String ofName = c.of() == null ? null : Naming.nameOf(c.of(), of);
      if (ofName == null) ofName = out.nextColumnName();
      ofName = out.addUnique(ofName, of.type()).name();
      Expression byExpr = c.by();
      boolean ascending = false;
      if (byExpr instanceof Expression.OrderedExpression o) {
        ascending = o.direction() == dev.kqlhunt.syntax.tree.SortDirection.ASC;
        byExpr = o.expression();
      }
      BoundExpr by = byExpr == null ? new BoundExpr.Error() : cx.exprs.bind(byExpr, env.withAggregates(true));
      String byName = byExpr instanceof Expression.SimpleNamedExpression n ? n.name().text() : "aggregated_" + ofName;
      byName = out.addUnique(byName, by.type()).name();
      BoundExpr count = c.count() == null ? null : cx.exprs.bind(c.count(), env.withRow(Row.EMPTY));
      BoundExpr others = c.others() == null ? null : cx.exprs.bind(c.others(), env.withRow(Row.EMPTY));
      levels.add(new OperatorSpec.NestedLevel(count, new BoundTabular.NamedExpr(ofName, of),
          new BoundTabular.NamedExpr(byName, by), others, ascending));
    }
    return new BoundTabular.Special(new OperatorSpec.TopNested(levels), List.of(input), out.build(), false);
  }

  private List<BoundTabular> sources(List<Expression> names, BoundTabular input, Scope scope) {
    List<BoundTabular> inputs = new ArrayList<>();
    if (input != null) inputs.add(input);
    if (names.isEmpty() && input == null) {
      for (TableSchema t : cx.catalog.tables()) inputs.add(new BoundTabular.TableScan(t.name(), t.columns(), true));
    }
    for (Expression e : names) {
      if (e instanceof Expression.NameReference n && n.name() instanceof Name.WildcardName w) {
        for (TableSchema t : cx.catalog.tables()) {
          if (Wildcards.matches(w.text(), t.name())) inputs.add(new BoundTabular.TableScan(t.name(), t.columns(), true));
        }
      } else {
        inputs.add(cx.tables.bindTabular(e, scope));
      }
    }
    return inputs;
  }

  /** Columns of the first input present, with the same type, in every input. */
  private static List<ColumnSymbol> common(List<BoundTabular> inputs) {
    if (inputs.isEmpty()) return List.of();
    List<ColumnSymbol> out = new ArrayList<>();
    outer:
    for (ColumnSymbol c : inputs.get(0).columns()) {
      for (int i = 1; i < inputs.size(); i++) {
        if (!inputs.get(i).columns().contains(c)) continue outer;
      }
      out.add(c);
    }
    return out;
  }

  /** Adds the columns an expression reads, in reading order, unless already present. */
  private static void addReferenced(BoundExpr e, ColumnListBuilder out) {
    Map<String, ColumnSymbol> seen = new LinkedHashMap<>();
    collect(e, seen);
    for (ColumnSymbol c : seen.values()) if (!out.contains(c.name())) out.set(c.name(), c.type());
  }

  private static void collect(BoundExpr e, Map<String, ColumnSymbol> seen) {
    switch (e) {
      case BoundExpr.ColumnRef r -> seen.putIfAbsent(r.column().name(), r.column());
      case BoundExpr.Binary b -> {
        collect(b.left(), seen);
        collect(b.right(), seen);
      }
      case BoundExpr.Unary u -> collect(u.operand(), seen);
      case BoundExpr.Call c -> c.arguments().forEach(a -> collect(a, seen));
      case BoundExpr.InList i -> {
        collect(i.value(), seen);
        i.items().forEach(a -> collect(a, seen));
      }
      case BoundExpr.Between b -> {
        collect(b.value(), seen);
        collect(b.low(), seen);
        collect(b.high(), seen);
      }
      case BoundExpr.Member m -> collect(m.target(), seen);
      case BoundExpr.Element el -> {
        collect(el.target(), seen);
        collect(el.index(), seen);
      }
      default -> {}
    }
  }
}
