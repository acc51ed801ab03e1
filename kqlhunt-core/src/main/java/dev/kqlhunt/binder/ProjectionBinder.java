package dev.kqlhunt.binder;

import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.SortDirection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operators that compute or pick columns row by row: {@code extend}, {@code project} and its
 * {@code -away/-keep/-rename/-reorder} forms, {@code distinct}, {@code print}, {@code serialize}. All
 * expressions of one operator see the operator's input only (Kusto does not let {@code extend b = a}
 * see an {@code a} defined in the same {@code extend}).
 */
final class ProjectionBinder {
  private final BindContext cx;

  ProjectionBinder(BindContext cx) {
    this.cx = cx;
  }

  /** {@code extend}: a name already in the row is replaced in place, a new one is appended. */
  BoundTabular extend(List<Expression> exprs, BoundTabular input, Env env) {
    ColumnListBuilder out = new ColumnListBuilder(input.columns());
    List<NamedExpr> assigns = assign(exprs, env, out, true);
    return new BoundTabular.Extend(input, assigns, out.build());
  }

  BoundTabular serialize(List<Expression> exprs, BoundTabular input, Env env) {
    ColumnListBuilder out = new ColumnListBuilder(input.columns());
    List<NamedExpr> assigns = assign(exprs, env, out, true);
    return new BoundTabular.Serialize(input, assigns, out.build());
  }

  BoundTabular project(List<Expression> exprs, BoundTabular input, Env env) {
    ColumnListBuilder out = new ColumnListBuilder();
    List<NamedExpr> outputs = assign(exprs, env, out, false);
    return new BoundTabular.Project(input, outputs, out.build(), false);
  }

  BoundTabular distinct(List<Expression> exprs, BoundTabular input, Env env) {
    if (exprs.size() == 1 && exprs.get(0) instanceof Expression.StarExpression) {
      return new BoundTabular.Distinct(input, refs(input.columns()), input.columns());
    }
    ColumnListBuilder out = new ColumnListBuilder();
    List<NamedExpr> keys = assign(exprs, env, out, false);
    for (int i = 0; i < keys.size() && i < exprs.size(); i++) {
      if (keys.get(i).expr().type() == ScalarType.DYNAMIC) cx.error(BindErrors.DYNAMIC_NOT_ALLOWED, exprs.get(i).span());
    }
    return new BoundTabular.Distinct(input, keys, out.build());
  }

  /** {@code print}: unnamed expressions are {@code print_N}, N being their position. */
  BoundTabular print(List<Expression> exprs, Env env) {
    ColumnListBuilder out = new ColumnListBuilder();
    List<NamedExpr> outputs = new ArrayList<>();
    for (int i = 0; i < exprs.size(); i++) {
      Expression e = exprs.get(i);
      BoundExpr b = cx.exprs.bind(e, env);
      List<NamedExpr> sorted = sortedArrays(e, b);
      if (sorted != null) {
        for (NamedExpr part : sorted) {
          out.set(part.name(), part.expr().type());
          outputs.add(part);
        }
        continue;
      }
      String name = e instanceof Expression.SimpleNamedExpression n ? n.name().text() : "print_" + i;
      if (out.contains(name)) {
        cx.error(BindErrors.DUPLICATE_COLUMN, e.span(), name);
        continue;
      }
      out.set(name, b.type());
      outputs.add(new NamedExpr(name, b));
    }
    return new BoundTabular.Print(outputs, out.build());
  }

  /**
   * An unnamed {@code array_sort_asc/desc} of several arrays gives one column per array, named {@code
   * <arg>_sorted} ({@code array<i>_sorted} for an argument without a name), as the official parser
   * does; each column is element i of the call's value (the array of the sorted arrays). Null when
   * {@code e} is not such a call.
   */
  private static List<NamedExpr> sortedArrays(Expression e, BoundExpr b) {
    if (!(e instanceof Expression.FunctionCall fc) || !(b instanceof BoundExpr.Call call)) return null;
    String f = call.function().name();
    if (!f.equals("array_sort_asc") && !f.equals("array_sort_desc")) return null;
    int arrays = 0;
    while (arrays < call.arguments().size() && call.arguments().get(arrays).type() == ScalarType.DYNAMIC) arrays++;
    if (arrays < 2 || fc.arguments().size() < arrays) return null;
    List<NamedExpr> parts = new ArrayList<>(arrays);
    for (int i = 0; i < arrays; i++) {
      String arg = Naming.nameOf(fc.arguments().get(i), call.arguments().get(i));
      String name = (arg == null ? "array" + i : arg) + "_sorted";
      BoundExpr index = new BoundExpr.Literal((long) i, Integer.toString(i), ScalarType.LONG);
      parts.add(new NamedExpr(name, new BoundExpr.Element(call, index)));
    }
    return parts;
  }

  /**
   * Binds named expressions into {@code out}. In extend ({@code replace}) a name replaces a same-named
   * column; in project a clashing default name gets a numeric suffix and a clashing explicit name is
   * an error.
   */
  private List<NamedExpr> assign(List<Expression> exprs, Env env, ColumnListBuilder out, boolean replace) {
    List<NamedExpr> result = new ArrayList<>(exprs.size());
    for (Expression e : exprs) {
      if (e instanceof Expression.CompoundNamedExpression c) {
        BoundExpr b = cx.exprs.bind(c.value(), env);
        List<TupleFunctions.Part> parts = b instanceof BoundExpr.Call call ? TupleFunctions.parts(call.function().name()) : null;
        for (int i = 0; i < c.names().size(); i++) {
          String name = c.names().get(i).text();
          BoundExpr part = parts != null && i < parts.size()
              ? new BoundExpr.TupleElement(b, i, parts.get(i).suffix(), parts.get(i).type()) : b;
          out.set(name, part.type());
          result.add(new NamedExpr(name, part));
        }
        continue;
      }
      BoundExpr b = cx.exprs.bind(e, env);
      List<NamedExpr> sorted = sortedArrays(e, b);
      if (sorted != null) {
        for (NamedExpr part : sorted) {
          String name = replace ? part.name() : out.uniqueName(part.name());
          out.set(name, part.expr().type());
          result.add(new NamedExpr(name, part.expr()));
        }
        continue;
      }
      if (!(e instanceof Expression.SimpleNamedExpression) && b instanceof BoundExpr.Call call
          && TupleFunctions.parts(call.function().name()) != null) {
        // extend series_fit_line(s): one column per part, series_fit_line_s_slope, ...
        String base = call.function().name();
        if (e instanceof Expression.FunctionCall fc && !fc.arguments().isEmpty() && !call.arguments().isEmpty()) {
          String arg = Naming.nameOf(fc.arguments().get(0), call.arguments().get(0));
          if (arg != null) base = base + "_" + arg;
        }
        List<TupleFunctions.Part> parts = TupleFunctions.parts(call.function().name());
        for (int i = 0; i < parts.size(); i++) {
          String name = base + "_" + parts.get(i).suffix();
          name = replace ? name : out.uniqueName(name);
          BoundExpr part = new BoundExpr.TupleElement(b, i, parts.get(i).suffix(), parts.get(i).type());
          out.set(name, part.type());
          result.add(new NamedExpr(name, part));
        }
        continue;
      }
      String name;
      if (e instanceof Expression.SimpleNamedExpression n) {
        name = n.name().text();
        if (!replace && out.contains(name)) {
          cx.error(BindErrors.DUPLICATE_COLUMN, n.name().span(), name);
          continue;
        }
      } else {
        name = Naming.nameOf(e, b);
        if (name == null) name = out.nextColumnName();
        else if (!replace) name = out.uniqueName(name);
      }
      out.set(name, b.type());
      result.add(new NamedExpr(name, b));
    }
    return result;
  }

  BoundTabular projectAway(List<Expression> columns, BoundTabular input, Env env) {
    Set<String> drop = match(columns, input, env);
    List<ColumnSymbol> kept = new ArrayList<>();
    for (ColumnSymbol c : input.columns()) if (!drop.contains(c.name())) kept.add(c);
    return new BoundTabular.Project(input, refs(kept), kept, true);
  }

  BoundTabular projectKeep(List<Expression> columns, BoundTabular input, Env env) {
    Set<String> keep = match(columns, input, env);
    List<ColumnSymbol> kept = new ArrayList<>();
    for (ColumnSymbol c : input.columns()) if (keep.contains(c.name())) kept.add(c);
    return new BoundTabular.Project(input, refs(kept), kept, false);
  }

  BoundTabular projectRename(List<Expression> renames, BoundTabular input, Env env) {
    Map<String, String> newByOld = new HashMap<>();
    for (Expression e : renames) {
      if (!(e instanceof Expression.SimpleNamedExpression n) || !(n.value() instanceof Expression.NameReference old)) {
        cx.error(BindErrors.RENAME_EXPECTED, e.span());
        continue;
      }
      String oldName = old.name().text();
      if (env.row().find(oldName) == null) {
        if (env.row().isOpen()) cx.discover(env.row(), oldName);
        else cx.exprs.bind(old, env); // reports the unknown name with a suggestion
        continue;
      }
      newByOld.put(oldName, n.name().text());
    }
    List<ColumnSymbol> cols = new ArrayList<>();
    List<NamedExpr> outputs = new ArrayList<>();
    for (ColumnSymbol c : input.columns()) {
      String name = newByOld.getOrDefault(c.name(), c.name());
      cols.add(new ColumnSymbol(name, c.type()));
      outputs.add(new NamedExpr(name, new BoundExpr.ColumnRef(c)));
    }
    return new BoundTabular.Project(input, outputs, cols, true);
  }

  /** {@code project-reorder}: the listed columns first, in the order listed, then the others in input order. */
  BoundTabular projectReorder(List<Expression> columns, BoundTabular input, Env env) {
    LinkedHashSet<String> first = new LinkedHashSet<>();
    for (Expression e : columns) {
      Expression target = e instanceof Expression.OrderedExpression o ? o.expression() : e;
      SortDirection dir = e instanceof Expression.OrderedExpression o ? o.direction() : SortDirection.UNSPECIFIED;
      List<String> matched = new ArrayList<>(match(List.of(target), input, env));
      if (dir == SortDirection.ASC) matched.sort(Comparator.naturalOrder());
      if (dir == SortDirection.DESC) matched.sort(Comparator.reverseOrder());
      first.addAll(matched);
    }
    List<ColumnSymbol> cols = new ArrayList<>();
    for (String n : first) cols.add(env.row().find(n));
    for (ColumnSymbol c : input.columns()) if (!first.contains(c.name())) cols.add(c);
    return new BoundTabular.Project(input, refs(cols), cols, true);
  }

  /** The input columns named by a list of names and wildcards (input order per item); unknown names are reported. */
  private Set<String> match(List<Expression> columns, BoundTabular input, Env env) {
    Set<String> out = new LinkedHashSet<>();
    for (Expression e : columns) {
      if (!(e instanceof Expression.NameReference ref)) {
        cx.error(BindErrors.COLUMN_NAME_EXPECTED, e.span());
        continue;
      }
      String name = ref.name().text();
      if (ref.name() instanceof Name.WildcardName) {
        for (ColumnSymbol c : input.columns()) if (Wildcards.matches(name, c.name())) out.add(c.name());
      } else if (env.row().find(name) != null) {
        out.add(name);
      } else if (env.row().isOpen()) {
        cx.discover(env.row(), name);
      } else {
        cx.exprs.bind(ref, env); // reports the unknown column with a suggestion
      }
    }
    return out;
  }

  static List<NamedExpr> refs(List<ColumnSymbol> cols) {
    List<NamedExpr> out = new ArrayList<>(cols.size());
    for (ColumnSymbol c : cols) out.add(new NamedExpr(c.name(), new BoundExpr.ColumnRef(c)));
    return out;
  }
}
