package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.Argument;
import dev.kqlhunt.symbols.CallResolution;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.FunctionCatalog;
import dev.kqlhunt.symbols.ResultRule;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.TypeExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds calls in scalar position: built-in functions through the {@link FunctionCatalog} (aggregates
 * only where the {@link Env} allows them), user functions by expansion ({@link FunctionExpander}), and
 * the forms with their own rules ({@code toscalar}, {@code column_ifexists}).
 */
final class CallBinder {
  private final BindContext cx;
  private final ExprBinder exprs;

  CallBinder(BindContext cx, ExprBinder exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  BoundExpr scalarCall(Expression.FunctionCall c, Env env) {
    String name = c.name().text();
    switch (name) {
      case "toscalar" -> {
        return toScalar(c, env);
      }
      case "column_ifexists", "columnifexists" -> { // the second is a deprecated spelling the corpus still uses
        BoundExpr found = columnIfExists(c, env);
        if (found != null) return found;
      }
      default -> {}
    }
    Scope.Entry entry = env.scope().lookup(name);
    if (entry instanceof Scope.FunctionEntry f) return userScalarCall(f, c, c.arguments(), env);
    if (entry == null) {
      Scope.FunctionEntry stored = cx.tables.storedFunction(name);
      if (stored != null) return userScalarCall(stored, c, c.arguments(), env);
    }
    return builtIn(c, name, env);
  }

  /** Expands a user function call whose body must be scalar here. */
  BoundExpr userScalarCall(Scope.FunctionEntry f, Expression site, List<Expression> args, Env env) {
    BoundValue v = cx.tables.expander.expand(f, site, args, env);
    if (v.scalar() != null) {
      return new BoundExpr.UserCall(f.function().name(), v.arguments(), v.scalar());
    }
    if (v.tabular() != null) cx.error(BindErrors.SCALAR_EXPECTED, site.span());
    return new BoundExpr.Error();
  }

  private BoundExpr toScalar(Expression.FunctionCall c, Env env) {
    if (c.arguments().isEmpty()) {
      cx.error(BindErrors.WRONG_ARGUMENT_COUNT, c.span(), "toscalar", "1 argument");
      return new BoundExpr.Error();
    }
    Expression arg = c.arguments().get(0);
    if (!cx.tables.isTabular(arg, env)) {
      // toscalar(scalar) is allowed and is the scalar itself
      BoundExpr inner = exprs.bind(arg, env);
      return new BoundExpr.ToScalar(new BoundTabular.Print(List.of(new BoundTabular.NamedExpr("print_0", inner)),
          List.of(new ColumnSymbol("print_0", inner.type()))), inner.type());
    }
    BoundTabular q = cx.tables.bindTabular(arg, env.scope());
    ScalarType t = q.columns().isEmpty() ? ScalarType.UNKNOWN : q.columns().get(0).type();
    return new BoundExpr.ToScalar(q, t);
  }

  /** {@code column_ifexists('name', default)}: the column when the row has it, else null (bind as a call). */
  private BoundExpr columnIfExists(Expression.FunctionCall c, Env env) {
    if (c.arguments().size() != 2) return null;
    if (c.arguments().get(0) instanceof Expression.Literal l && l.value() instanceof String s) {
      ColumnSymbol col = env.row().find(s);
      if (col != null) return new BoundExpr.ColumnRef(col);
    }
    return null;
  }

  private BoundExpr builtIn(Expression.FunctionCall c, String name, Env env) {
    FunctionCatalog fc = cx.catalog.functionCatalog();
    boolean aggregate = env.aggregates() && fc.aggregate(name) != null;
    Env argEnv = aggregate ? env.withAggregates(false) : env;
    List<Expression> syntaxArgs = c.arguments();
    List<BoundExpr> bound = new ArrayList<>(syntaxArgs.size());
    List<Argument> args = new ArrayList<>(syntaxArgs.size());
    for (Expression a : syntaxArgs) bindArgument(a, argEnv, bound, args);
    CallResolution r = env.aggregates() ? fc.resolveAggregate(name, args) : fc.resolveScalar(name, args);
    return switch (r) {
      case CallResolution.Resolved ok -> {
        ScalarType t = unknownIfDerivedFromUnknown(ok, args);
        yield ok.function().isAggregate()
            ? new BoundExpr.AggregateCall(ok.function(), ok.signature(), bound, t)
            : new BoundExpr.Call(ok.function(), ok.signature(), bound, t);
      }
      case CallResolution.UnknownFunction u -> unknownFunction(c, name, u.suggestion(), env);
      case CallResolution.WrongArgumentCount w -> {
        cx.error(BindErrors.WRONG_ARGUMENT_COUNT, c.name().span(), name, w.expected());
        yield new BoundExpr.Error();
      }
      case CallResolution.WrongArgumentType w -> {
        cx.error(BindErrors.ARGUMENT_TYPE, syntaxArgs.get(w.index()).span(), w.expected(), w.actual());
        yield new BoundExpr.Error();
      }
      case CallResolution.NoCommonType n -> {
        cx.error(BindErrors.NO_COMMON_TYPE, c.span(), n.types());
        yield new BoundExpr.Error();
      }
      case CallResolution.WrongArgumentKind k -> {
        cx.error(BindErrors.CONSTANT_EXPECTED, syntaxArgs.get(k.index()).span());
        yield new BoundExpr.Error();
      }
    };
  }

  /**
   * A result type taken from an argument whose type is unknown is itself unknown, as in the official
   * parser ({@code bin(c, 1h)} over an unknown table's column {@code c} is not a timespan); without this
   * the catalogue's first fitting overload would pick a type and cause false errors downstream.
   */
  private static ScalarType unknownIfDerivedFromUnknown(CallResolution.Resolved ok, List<Argument> args) {
    boolean anyUnknown = false;
    for (Argument a : args) anyUnknown |= a.type() == ScalarType.UNKNOWN && !a.star() && a.typeLiteral() == null;
    if (!anyUnknown) return ok.type();
    if (overloadsDisagree(ok.function(), args.size())) return ScalarType.UNKNOWN;
    return switch (ok.signature().result()) {
      case ResultRule.ArgType a -> argUnknown(args, a.index()) ? ScalarType.UNKNOWN : ok.type();
      case ResultRule.ArgTypePromoted a -> argUnknown(args, a.index()) ? ScalarType.UNKNOWN : ok.type();
      case ResultRule.Widest w -> ScalarType.UNKNOWN;
      default -> ok.type();
    };
  }

  /** Whether the overloads of {@code f} may give different result types, so an unknown argument leaves the type open. */
  private static boolean overloadsDisagree(dev.kqlhunt.symbols.FunctionSymbol f, int argCount) {
    ResultRule first = null;
    for (dev.kqlhunt.symbols.Signature s : f.signatures()) {
      if (argCount < s.minArguments() || argCount > s.maxArguments()) continue;
      if (first == null) first = s.result();
      else if (!first.equals(s.result())) return true;
    }
    return false;
  }

  private static boolean argUnknown(List<Argument> args, int index) {
    return index < args.size() && args.get(index).type() == ScalarType.UNKNOWN && !args.get(index).star();
  }

  /** The type of a function named without its argument list (an error): its fixed result type if it has one. */
  ScalarType fixedResultType(String name) {
    FunctionCatalog fc = cx.catalog.functionCatalog();
    dev.kqlhunt.symbols.FunctionSymbol f = fc.aggregate(name) != null ? fc.aggregate(name) : fc.scalar(name);
    if (f != null && !f.signatures().isEmpty() && f.signatures().get(0).result() instanceof ResultRule.Fixed fixed) {
      return fixed.type();
    }
    return ScalarType.UNKNOWN;
  }

  private BoundExpr unknownFunction(Expression.FunctionCall c, String name, String suggestion, Env env) {
    FunctionCatalog fc = cx.catalog.functionCatalog();
    if (!env.aggregates() && fc.aggregate(name) != null) {
      cx.error(BindErrors.AGGREGATE_NOT_ALLOWED, c.name().span(), name);
    } else if (env.row().find(name) != null || env.scope().lookup(name) != null) {
      cx.error(BindErrors.NOT_AN_AGGREGATE, c.name().span(), name);
    } else {
      if (env.aggregates()) {
        // In summarize the user most likely meant an aggregate.
        List<String> names = new ArrayList<>(fc.names(dev.kqlhunt.symbols.FunctionKind.AGGREGATE));
        names.addAll(fc.names(dev.kqlhunt.symbols.FunctionKind.SCALAR));
        suggestion = dev.kqlhunt.symbols.Suggestions.closest(name, names);
      }
      cx.error(BindErrors.UNKNOWN_FUNCTION, c.name().span(), name, BindContext.didYouMean(suggestion));
    }
    return new BoundExpr.Error();
  }

  /** Binds one argument and describes it for the catalogue. */
  void bindArgument(Expression a, Env env, List<BoundExpr> bound, List<Argument> args) {
    Expression value = a instanceof Expression.NamedArgument n ? n.value() : a;
    switch (value) {
      case Expression.StarExpression s -> {
        bound.add(new BoundExpr.Star());
        args.add(Argument.ofStar());
      }
      case Expression.TypeOfLiteral t -> {
        ScalarType type = typeOf(t);
        bound.add(new BoundExpr.Literal(type, cx.text(t.span()), ScalarType.UNKNOWN));
        args.add(Argument.ofTypeLiteral(type));
      }
      default -> {
        if (cx.tables.isTabular(value, env)) {
          BoundTabular t = cx.tables.bindTabular(value, env.scope());
          ScalarType first = t.columns().isEmpty() ? ScalarType.UNKNOWN : t.columns().get(0).type();
          bound.add(new BoundExpr.ToScalar(t, first));
          args.add(Argument.ofTabular(first));
          return;
        }
        BoundExpr b = exprs.bind(value, env);
        bound.add(b);
        String literal = literalText(value);
        args.add(new Argument(b.type(), Naming.nameOf(value, b), literal,
            literal != null || ExprBinder.isConstant(b), false, false, null));
      }
    }
  }

  private static String literalText(Expression e) {
    return switch (e) {
      case Expression.Literal l -> l.raw();
      case Expression.UnaryExpression u when u.operand() instanceof Expression.Literal l ->
          u.operator().text() + l.raw();
      default -> null;
    };
  }

  /** The scalar type named in {@code typeof(t)}; unknown (reported) for a bad or tabular type. */
  ScalarType typeOf(Expression.TypeOfLiteral t) {
    if (t.types().size() == 1 && t.types().get(0) instanceof TypeExpression.PrimitiveType p) {
      return cx.tables.scalarType(p.name(), p.span());
    }
    return ScalarType.UNKNOWN;
  }
}
