package dev.kqlhunt.binder;

import dev.kqlhunt.binder.BoundTabular.ExpandItem;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.QueryOperator;
import dev.kqlhunt.syntax.tree.SyntaxNode;
import dev.kqlhunt.syntax.tree.TypeExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Operators that add columns from inside values or produce rows from nothing: {@code mv-expand},
 * {@code mv-apply}, {@code parse}, {@code parse-where}, {@code parse-kv}, {@code evaluate},
 * {@code range}, {@code datatable}, {@code externaldata}, {@code partition}.
 */
final class ExpandBinder {
  private final BindContext cx;

  ExpandBinder(BindContext cx) {
    this.cx = cx;
  }

  /** {@code mv-expand}: expanded columns keep their place (a new name is appended) and are dynamic unless {@code to typeof(t)}. */
  BoundTabular mvExpand(QueryOperator.MvExpandOperator m, BoundTabular input, Env env) {
    ColumnListBuilder out = new ColumnListBuilder(input.columns());
    List<ExpandItem> items = expandItems(m.items(), env, out);
    String index = OperatorBinder.param(m.parameters(), "with_itemindex");
    if (index != null) out.set(index, ScalarType.LONG);
    // kind=(bag|array) is the documented spelling; bagexpansion= the older one.
    String bag = OperatorBinder.param(m.parameters(), "kind");
    if (bag == null) bag = OperatorBinder.param(m.parameters(), "bagexpansion");
    BoundExpr limit = m.limit() == null ? null : cx.exprs.bind(m.limit(), env.withRow(Row.EMPTY));
    return new BoundTabular.MvExpand(input, items, "array".equalsIgnoreCase(bag), index, limit, out.build());
  }

  private List<ExpandItem> expandItems(List<Clause.MvExpandItem> syntax, Env env, ColumnListBuilder out) {
    List<ExpandItem> items = new ArrayList<>(syntax.size());
    for (Clause.MvExpandItem item : syntax) {
      Expression e = item.expression();
      BoundExpr b = cx.exprs.bind(e, env);
      if (b.type() != ScalarType.DYNAMIC && b.type() != ScalarType.UNKNOWN) {
        cx.error(BindErrors.EXPECTED_TYPE, e.span(), "dynamic", b.type());
      }
      String name = Naming.nameOf(e, b);
      if (name == null) name = out.nextColumnName();
      ScalarType t = item.toType() == null ? ScalarType.DYNAMIC : cx.exprs.calls.typeOf(item.toType());
      out.set(name, t);
      items.add(new ExpandItem(name, b, t));
    }
    return items;
  }

  /** {@code mv-apply}: the subquery runs over the expanded values; its new columns join the input's. */
  BoundTabular mvApply(QueryOperator.MvApplyOperator m, BoundTabular input, Env env) {
    ColumnListBuilder expanded = new ColumnListBuilder(input.columns());
    List<ExpandItem> items = expandItems(m.items(), env, expanded);
    String index = OperatorBinder.param(m.parameters(), "with_itemindex");
    if (index != null) expanded.set(index, ScalarType.LONG);
    BoundTabular rows = new BoundTabular.MvExpand(input, items, false, index, null, expanded.build());
    BoundTabular sub = m.subquery() == null ? rows : cx.tables.operators.applyChain(m.subquery(), rows, env.scope());
    ColumnListBuilder out = new ColumnListBuilder(input.columns());
    for (ColumnSymbol c : sub.columns()) out.set(c.name(), c.type());
    return new BoundTabular.MvApply(input, items, sub, out.build());
  }

  /** {@code parse} and {@code parse-where}: the pattern's columns are added (string unless typed). */
  BoundTabular parse(QueryOperator.ParseOperator p, BoundTabular input, Env env) {
    BoundExpr source = cx.exprs.bind(p.source(), env);
    ColumnListBuilder out = new ColumnListBuilder(input.columns());
    List<BoundTabular.ParsePart> parts = new ArrayList<>();
    if (p.pattern() != null) {
      checkPattern(p.pattern().parts(), "regex".equalsIgnoreCase(OperatorBinder.param(p.parameters(), "kind")));
      for (SyntaxNode part : p.pattern().parts()) {
        switch (part) {
          case Expression.Literal l -> parts.add(new BoundTabular.ParsePart(String.valueOf(l.value()), null));
          case Clause.ColumnDeclaration d -> parts.add(new BoundTabular.ParsePart(null,
              out.set(d.name().text(), declaredType(d.type()))));
          case Expression.NameReference n -> parts.add(new BoundTabular.ParsePart(null,
              out.set(n.name().text(), ScalarType.STRING)));
          case Expression.StarExpression s -> parts.add(new BoundTabular.ParsePart(null, null));
          default -> {}
        }
      }
    }
    String kind = OperatorBinder.param(p.parameters(), "kind");
    String flags = OperatorBinder.param(p.parameters(), "flags");
    return new BoundTabular.Parse(input, source, kind == null ? "simple" : kind, flags, parts,
        p.keyword().startsWith("parse-where"), out.build());
  }

  /**
   * Kusto's pattern rules: a column must follow a string literal (two columns in a row cannot be
   * split) and a string literal must follow {@code *}; regex patterns are exempt.
   */
  private void checkPattern(List<SyntaxNode> parts, boolean regex) {
    if (regex) return;
    SyntaxNode previous = null;
    for (SyntaxNode part : parts) {
      boolean column = part instanceof Clause.ColumnDeclaration || part instanceof Expression.NameReference;
      boolean star = part instanceof Expression.StarExpression;
      boolean prevColumn = previous instanceof Clause.ColumnDeclaration || previous instanceof Expression.NameReference;
      boolean prevStar = previous instanceof Expression.StarExpression;
      if (column && prevColumn) {
        cx.error(BindErrors.PARSE_PATTERN, part.span(), "the column name must follow a string literal");
      } else if ((column || star) && prevStar) {
        cx.error(BindErrors.PARSE_PATTERN, part.span(), "a string literal must follow a *");
      }
      previous = part;
    }
  }

  BoundTabular parseKv(QueryOperator.ParseKvOperator p, BoundTabular input, Env env) {
    BoundExpr source = cx.exprs.bind(p.source(), env);
    ColumnListBuilder out = new ColumnListBuilder(input.columns());
    List<ColumnSymbol> keys = new ArrayList<>();
    for (Clause.ColumnDeclaration d : p.schema()) {
      ScalarType t = declaredType(d.type());
      out.set(d.name().text(), t);
      keys.add(new ColumnSymbol(d.name().text(), t));
    }
    String pair = OperatorBinder.param(p.properties(), "pair_delimiter");
    String kv = OperatorBinder.param(p.properties(), "kv_delimiter");
    String quote = OperatorBinder.param(p.properties(), "quote");
    String escape = OperatorBinder.param(p.properties(), "escape");
    boolean greedy = "true".equalsIgnoreCase(OperatorBinder.param(p.properties(), "greedy"));
    OperatorSpec.ParseKv spec = new OperatorSpec.ParseKv(source, keys, pair, kv, quote, escape, greedy);
    return new BoundTabular.Special(spec, List.of(input), out.build(), false);
  }

  /**
   * {@code evaluate plugin(...)}, with the schemas the official parser gives the common plugins:
   * {@code bag_unpack(c)} and {@code pivot(c, ...)} drop {@code c} and add columns only data can tell
   * (the result stays open); {@code ipv4_lookup(T, ...)} and the other {@code *_lookup} plugins append
   * the lookup table's columns, clashing names suffixed as in a join; {@code autocluster()} prepends
   * {@code SegmentId, Count, Percent}. Other plugins keep the input's columns, open.
   */
  BoundTabular evaluate(QueryOperator.EvaluateOperator e, BoundTabular input, Env env) {
    List<BoundExpr> args = new ArrayList<>();
    List<ColumnSymbol> cols = input == null ? List.of() : input.columns();
    if (!(e.plugin() instanceof Expression.FunctionCall c)) {
      return new BoundTabular.Other("evaluate", input, args, cols, true);
    }
    String name = c.name().text();
    BoundTabular lookup = null;
    Env argEnv = env;
    for (Expression a : c.arguments()) {
      Expression v = a instanceof Expression.NamedArgument n ? n.value() : a;
      if (cx.tables.isTabular(v, argEnv)) {
        BoundTabular t = cx.tables.bindTabular(v, env.scope());
        if (lookup == null) {
          lookup = t;
          // The lookup plugins name columns of both tables in their arguments.
          argEnv = env.withRow(new Row(JoinBinder.combine(cols, t.columns(), java.util.Set.of()), true));
        }
      } else {
        // Plugins such as pivot take aggregates among their arguments.
        args.add(cx.exprs.bind(v, argEnv.withAggregates(true)));
      }
    }
    boolean open = true;
    if ((name.equals("bag_unpack") || name.equals("pivot")) && !args.isEmpty()
        && args.get(0) instanceof BoundExpr.ColumnRef ref) {
      List<ColumnSymbol> kept = new ArrayList<>();
      for (ColumnSymbol col : cols) if (!col.name().equals(ref.column().name())) kept.add(col);
      cols = kept;
    } else if (name.endsWith("_lookup") && lookup != null) {
      cols = JoinBinder.combine(cols, lookup.columns(), java.util.Set.of());
      open = false;
      if (name.equals("ipv4_lookup")) {
        return new BoundTabular.Special(new OperatorSpec.Lookup(name, args), List.of(input, lookup), cols, false);
      }
    } else if (name.equals("autocluster")) {
      List<ColumnSymbol> out = new ArrayList<>(List.of(new ColumnSymbol("SegmentId", ScalarType.LONG),
          new ColumnSymbol("Count", ScalarType.LONG), new ColumnSymbol("Percent", ScalarType.REAL)));
      out.addAll(cols);
      cols = out;
      open = false;
    }
    BoundTabular plugin = new BoundTabular.Other("evaluate " + name, input, args, cols, open);
    if (e.outputSchema() == null) return plugin;
    // evaluate p(...) : (*, c: t, ...): * stands for the plugin's known columns, then the declared ones.
    ColumnListBuilder declared = new ColumnListBuilder(e.outputSchema().wildcard() ? cols : List.of());
    for (Clause.ColumnDeclaration d : e.outputSchema().columns()) declared.set(d.name().text(), declaredType(d.type()));
    return new BoundTabular.Special(new OperatorSpec.Conform(), List.of(plugin), declared.build(), false);
  }

  BoundTabular range(QueryOperator.RangeOperator r, Env env) {
    Env constants = env.withRow(Row.EMPTY);
    BoundExpr from = cx.exprs.bind(r.from(), constants);
    BoundExpr to = cx.exprs.bind(r.to(), constants);
    BoundExpr step = cx.exprs.bind(r.step(), constants);
    ScalarType t = from.type() == ScalarType.INT ? ScalarType.LONG : from.type();
    String name = r.column().text();
    return new BoundTabular.Range(name, from, to, step, List.of(new ColumnSymbol(name, t)));
  }

  BoundTabular datatable(List<Clause.ColumnDeclaration> schema, List<Expression> values, Env env) {
    List<ColumnSymbol> cols = declared(schema);
    List<BoundExpr> bound = new ArrayList<>(values.size());
    Env constants = env.withRow(Row.EMPTY);
    for (Expression v : values) bound.add(cx.exprs.bind(v, constants));
    if (!cols.isEmpty() && values.size() % cols.size() != 0 && !values.isEmpty()) {
      cx.error(BindErrors.DATATABLE_VALUE_COUNT, values.get(values.size() - 1).span(), cols.size());
    }
    return new BoundTabular.Datatable(cols, bound);
  }

  BoundTabular externaldata(QueryOperator.ExternalDataOperator x, Env env) {
    List<BoundExpr> uris = new ArrayList<>();
    for (Expression u : x.uris()) uris.add(cx.exprs.bind(u, env.withRow(Row.EMPTY)));
    java.util.Map<String, String> properties = new java.util.HashMap<>();
    for (Clause.OperatorParameter p : x.properties()) {
      String name = p.name().text();
      properties.put(name.toLowerCase(java.util.Locale.ROOT), OperatorBinder.param(x.properties(), name));
    }
    return new BoundTabular.Special(new OperatorSpec.ExternalData(uris, properties), List.of(), declared(x.schema()), false);
  }

  /** {@code partition by c (subquery)}: the subquery's schema, applied to the input. */
  BoundTabular partition(QueryOperator.PartitionOperator p, BoundTabular input, Env env) {
    if (p.by() != null) cx.exprs.bind(p.by(), env);
    if (p.subquery() == null) return input;
    return cx.tables.operators.applyChain(p.subquery(), input, env.scope());
  }

  private List<ColumnSymbol> declared(List<Clause.ColumnDeclaration> schema) {
    ColumnListBuilder out = new ColumnListBuilder();
    for (Clause.ColumnDeclaration d : schema) {
      String name = d.name().text();
      if (out.contains(name)) {
        cx.error(BindErrors.DUPLICATE_COLUMN, d.span(), name);
        continue;
      }
      out.set(name, declaredType(d.type()));
    }
    return out.build();
  }

  private ScalarType declaredType(TypeExpression t) {
    if (t instanceof TypeExpression.PrimitiveType p) return cx.tables.scalarType(p.name(), p.span());
    return ScalarType.STRING;
  }
}
