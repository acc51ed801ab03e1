package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.TypeExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a call of a user function the way Kusto does: the body is bound anew for each call, in the
 * scope where the function was declared plus its parameters bound to the call's arguments (scalar
 * parameters as variables of the declared type, tabular parameters as tabular values with the
 * argument's schema). The body does not see the caller's row.
 */
final class FunctionExpander {
  private final BindContext cx;

  FunctionExpander(BindContext cx) {
    this.cx = cx;
  }

  BoundValue expand(Scope.FunctionEntry f, Expression site, List<Expression> args, Env env) {
    UserFunction fn = f.function();
    List<Clause.FunctionParameter> params = fn.parameters();
    if (args.size() > params.size() || args.size() < fn.requiredCount()) {
      int min = fn.requiredCount();
      int max = params.size();
      cx.error(BindErrors.WRONG_ARGUMENT_COUNT, site.span(), fn.name(),
          min == max ? min + (min == 1 ? " argument" : " arguments") : "between " + min + " and " + max + " arguments");
    }
    if (cx.expansionDepth >= BindContext.MAX_EXPANSION_DEPTH) return BoundValue.ERROR;
    Scope scope = new Scope(f.home());
    List<BoundExpr> boundArgs = new ArrayList<>();
    Expression[] given = assign(params, args);
    for (int i = 0; i < params.size(); i++) {
      Clause.FunctionParameter p = params.get(i);
      Expression arg = given[i] != null ? given[i] : p.defaultValue();
      bindParameter(p, arg, env, scope, boundArgs, fn.stored() && given[i] == null);
    }
    cx.expansionDepth++;
    if (fn.stored()) cx.mute();
    try {
      Clause.FunctionBody body = fn.declaration().body();
      cx.tables.bindStatements(body.statements(), scope);
      BoundValue v = cx.tables.bindValue(body.expression(), Env.of(Row.EMPTY, scope));
      return new BoundValue(v.tabular(), v.scalar(), boundArgs);
    } finally {
      if (fn.stored()) cx.unmute();
      cx.expansionDepth--;
    }
  }

  /**
   * The argument given for each parameter (null: none): {@code name = value} arguments go to the
   * parameter of that name (f(c=7, a=12)), the others fill the remaining parameters in order.
   */
  private static Expression[] assign(List<Clause.FunctionParameter> params, List<Expression> args) {
    Expression[] given = new Expression[params.size()];
    List<Expression> positional = new ArrayList<>();
    for (Expression a : args) {
      int at = -1;
      if (a instanceof Expression.NamedArgument n) {
        for (int i = 0; i < params.size(); i++) if (params.get(i).name().text().equals(n.name().text())) at = i;
      }
      if (at >= 0 && given[at] == null) given[at] = a;
      else positional.add(a);
    }
    int next = 0;
    for (Expression a : positional) {
      while (next < given.length && given[next] != null) next++;
      if (next < given.length) given[next++] = a;
    }
    return given;
  }

  private void bindParameter(
      Clause.FunctionParameter p, Expression arg, Env env, Scope scope, List<BoundExpr> boundArgs, boolean storedDefault) {
    String name = p.name().text();
    if (p.type() instanceof TypeExpression.SchemaType) {
      BoundTabular t = arg == null
          ? new BoundTabular.TableScan(name, List.of(), false)
          : cx.tables.bindTabular(arg instanceof Expression.NamedArgument n ? n.value() : arg, env.scope());
      scope.declare(name, new Scope.TabularEntry(new BoundTabular.LetRef(name, t, false)));
      return;
    }
    ScalarType declared = p.type() instanceof TypeExpression.PrimitiveType pt
        ? cx.tables.scalarType(pt.name(), pt.span()) : ScalarType.UNKNOWN;
    BoundExpr value = null;
    if (arg != null) {
      if (storedDefault) cx.mute();
      try {
        value = cx.exprs.bind(arg instanceof Expression.NamedArgument n ? n.value() : arg, env);
      } finally {
        if (storedDefault) cx.unmute();
      }
      boundArgs.add(value);
    }
    ScalarType t = declared == ScalarType.UNKNOWN && value != null ? value.type() : declared;
    scope.declare(name, new Scope.ScalarEntry(new BoundExpr.VariableRef(name, t, value)));
  }
}
