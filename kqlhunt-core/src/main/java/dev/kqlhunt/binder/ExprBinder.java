package dev.kqlhunt.binder;

import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.symbols.BinaryOperator;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.OperatorTyping;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.QueryOperator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Binds scalar expressions: names against the row and the {@code let} scope, operators with
 * {@link OperatorTyping}, member and element access on dynamic values. Function calls are delegated to
 * {@link CallBinder}, subqueries to {@link TabularBinder}.
 */
final class ExprBinder {
  private static final Map<dev.kqlhunt.syntax.tree.BinaryOperator, BinaryOperator> TYPING_OP =
      new EnumMap<>(dev.kqlhunt.syntax.tree.BinaryOperator.class);
  private static final Map<dev.kqlhunt.syntax.tree.BinaryOperator, BinaryOp> BOUND_OP =
      new EnumMap<>(dev.kqlhunt.syntax.tree.BinaryOperator.class);

  static {
    for (dev.kqlhunt.syntax.tree.BinaryOperator op : dev.kqlhunt.syntax.tree.BinaryOperator.values()) {
      TYPING_OP.put(op, BinaryOperator.fromText(op.text()));
      BOUND_OP.put(op, switch (op) {
        case NOT_EQUAL_ALT -> BinaryOp.NOT_EQUAL;
        default -> BinaryOp.valueOf(op.name());
      });
    }
  }

  private final BindContext cx;
  final CallBinder calls;

  ExprBinder(BindContext cx) {
    this.cx = cx;
    this.calls = new CallBinder(cx, this);
  }

  /** Binds {@code e} as a scalar; a tabular expression here is reported and yields an error node. */
  BoundExpr bind(Expression e, Env env) {
    return switch (e) {
      case Expression.Literal l -> literal(l);
      case Expression.DynamicLiteral d -> new BoundExpr.Literal(DynamicValues.of(d.value()), cx.text(d.span()), ScalarType.DYNAMIC);
      case Expression.JsonArray a -> new BoundExpr.Literal(DynamicValues.of(a), cx.text(a.span()), ScalarType.DYNAMIC);
      case Expression.JsonObject o -> new BoundExpr.Literal(DynamicValues.of(o), cx.text(o.span()), ScalarType.DYNAMIC);
      case Expression.TypeOfLiteral t -> new BoundExpr.Error();
      case Expression.NameReference n -> name(n, env);
      case Expression.StarExpression s -> new BoundExpr.Star();
      case Expression.BinaryExpression b -> binary(b, env);
      case Expression.UnaryExpression u -> unary(u, env);
      case Expression.InExpression i -> in(i, env);
      case Expression.BetweenExpression b -> between(b, env);
      case Expression.FunctionCall c -> calls.scalarCall(c, env);
      case Expression.NamedArgument a -> bind(a.value(), env);
      case Expression.PathExpression p -> path(p, env);
      case Expression.ElementExpression el -> element(el, env);
      case Expression.PathCall pc -> scalarExpected(pc, env);
      case Expression.ParenthesizedExpression p -> parenthesized(p, env);
      case Expression.SimpleNamedExpression n -> bind(n.value(), env);
      case Expression.CompoundNamedExpression n -> bind(n.value(), env);
      case Expression.OrderedExpression o -> bind(o.expression(), env);
      case Expression.PipeExpression p -> scalarExpected(p, env);
      case QueryOperator q -> scalarExpected(q, env);
      case Expression.FunctionDeclaration f -> new BoundExpr.Error();
      case Expression.MissingExpression m -> new BoundExpr.Error();
    };
  }

  /** Binds a predicate and checks that it is bool, as {@code where} and {@code iff} require. */
  BoundExpr bindPredicate(Expression e, Env env) {
    BoundExpr b = bind(e, env);
    ScalarType t = b.type();
    if (t != ScalarType.BOOL && t != ScalarType.UNKNOWN && t != ScalarType.DYNAMIC) {
      cx.error(BindErrors.EXPECTED_TYPE, e.span(), "bool", t);
    }
    return b;
  }

  private BoundExpr scalarExpected(Expression e, Env env) {
    cx.tables.bindTabular(e, env.scope());
    cx.error(BindErrors.SCALAR_EXPECTED, e.span());
    return new BoundExpr.Error();
  }

  private BoundExpr parenthesized(Expression.ParenthesizedExpression p, Env env) {
    Expression inner = p.inner();
    if (inner instanceof Expression.PipeExpression || inner instanceof QueryOperator) {
      return scalarExpected(inner, env);
    }
    return bind(inner, env);
  }

  static BoundExpr.Literal literal(Expression.Literal l) {
    ScalarType t = switch (l.kind()) {
      case BOOL -> ScalarType.BOOL;
      case INT -> ScalarType.INT;
      case LONG -> ScalarType.LONG;
      case REAL -> ScalarType.REAL;
      case DECIMAL -> ScalarType.DECIMAL;
      case STRING -> ScalarType.STRING;
      case DATETIME -> ScalarType.DATETIME;
      case TIMESPAN -> ScalarType.TIMESPAN;
      case GUID -> ScalarType.GUID;
      case NULL -> ScalarType.DYNAMIC;
    };
    return new BoundExpr.Literal(l.value(), l.raw(), t);
  }

  private BoundExpr name(Expression.NameReference n, Env env) {
    String name = n.name().text();
    if (name.isEmpty()) return new BoundExpr.Error();
    ColumnSymbol c = env.row().find(name);
    if (c != null) return new BoundExpr.ColumnRef(c);
    Scope.Entry entry = env.scope().lookup(name);
    if (entry != null) {
      return switch (entry) {
        case Scope.ScalarEntry s -> s.ref();
        case Scope.TabularEntry t -> {
          cx.error(BindErrors.SCALAR_EXPECTED, n.span());
          yield new BoundExpr.Error();
        }
        case Scope.FunctionEntry f -> calls.userScalarCall(f, n, List.of(), env);
      };
    }
    // A built-in function's name is never an unknown table's column: the official parser reports it too.
    if (cx.catalog.functionCatalog().scalar(name) != null || cx.catalog.functionCatalog().aggregate(name) != null) {
      cx.error(BindErrors.ARGUMENT_LIST_REQUIRED, n.span(), name);
      ScalarType t = calls.fixedResultType(name);
      return t == ScalarType.UNKNOWN ? new BoundExpr.Error() : new BoundExpr.Literal(null, name, t);
    }
    if (env.row().isOpen()) {
      cx.discover(env.row(), name);
      return new BoundExpr.ColumnRef(new ColumnSymbol(name, ScalarType.UNKNOWN));
    }
    List<String> candidates = new ArrayList<>();
    for (ColumnSymbol col : env.row().columns()) candidates.add(col.name());
    env.scope().collectNames(candidates);
    cx.error(BindErrors.UNKNOWN_NAME, n.span(), name,
        BindContext.didYouMean(dev.kqlhunt.symbols.Suggestions.closest(name, candidates)));
    return new BoundExpr.Error();
  }

  private BoundExpr binary(Expression.BinaryExpression b, Env env) {
    BoundExpr l = bind(b.left(), env);
    BoundExpr r = bind(b.right(), env);
    BinaryOperator op = TYPING_OP.get(b.operator());
    ScalarType t = op == null ? ScalarType.UNKNOWN : OperatorTyping.binary(op, l.type(), r.type());
    if (t == null) {
      cx.error(BindErrors.OPERATOR_TYPES, operatorSpan(b), b.operator().text(), l.type(), r.type());
      t = op.category() == BinaryOperator.Category.ARITHMETIC ? ScalarType.UNKNOWN : ScalarType.BOOL;
    }
    return new BoundExpr.Binary(BOUND_OP.get(b.operator()), l, r, t);
  }

  /** The operator token of a binary expression, found between its operands (the whole expression if not found). */
  private dev.kqlhunt.text.TextSpan operatorSpan(Expression.BinaryExpression b) {
    int from = b.left().span().end();
    int to = b.right().span().start();
    String between = cx.text(dev.kqlhunt.text.TextSpan.of(from, Math.max(from, to)));
    String op = b.operator().text();
    int at = between.toLowerCase(java.util.Locale.ROOT).indexOf(op.toLowerCase(java.util.Locale.ROOT));
    if (op.equals("matches regex") && at < 0) at = between.toLowerCase(java.util.Locale.ROOT).indexOf("matches");
    return at < 0 ? b.span() : new dev.kqlhunt.text.TextSpan(from + at, op.length());
  }

  private BoundExpr unary(Expression.UnaryExpression u, Env env) {
    BoundExpr operand = bind(u.operand(), env);
    ScalarType t = OperatorTyping.unaryMinus(operand.type());
    if (t == null) {
      cx.error(BindErrors.OPERATOR_TYPES, u.span(), u.operator().text(), operand.type(), operand.type());
      t = ScalarType.UNKNOWN;
    }
    BoundExpr.UnaryOp op = u.operator() == dev.kqlhunt.syntax.tree.UnaryOperator.MINUS
        ? BoundExpr.UnaryOp.NEGATE : BoundExpr.UnaryOp.PLUS;
    return new BoundExpr.Unary(op, operand, t);
  }

  private BoundExpr in(Expression.InExpression i, Env env) {
    BoundExpr left = bind(i.left(), env);
    BoundExpr.ListOp op = BoundExpr.ListOp.valueOf(i.operator().name());
    BinaryOperator typing = BinaryOperator.fromText(i.operator().text());
    if (typing != null && OperatorTyping.inList(typing, left.type()) == null) {
      cx.error(BindErrors.OPERATOR_TYPES, i.span(), i.operator().text(), left.type(), "dynamic");
    }
    if (i.values().size() == 1 && cx.tables.isTabular(i.values().get(0), env)) {
      BoundTabular sub = cx.tables.bindTabular(i.values().get(0), env.scope());
      return new BoundExpr.InList(op, left, List.of(), sub);
    }
    List<BoundExpr> items = new ArrayList<>(i.values().size());
    for (Expression v : i.values()) items.add(bind(v, env));
    return new BoundExpr.InList(op, left, items, null);
  }

  private BoundExpr between(Expression.BetweenExpression b, Env env) {
    BoundExpr v = bind(b.left(), env);
    BoundExpr lo = bind(b.low(), env);
    BoundExpr hi = bind(b.high(), env);
    if (OperatorTyping.between(v.type(), lo.type(), hi.type()) == null) {
      cx.error(BindErrors.OPERATOR_TYPES, b.span(), b.negated() ? "!between" : "between", v.type(), lo.type());
    }
    return new BoundExpr.Between(v, lo, hi, b.negated());
  }

  private BoundExpr path(Expression.PathExpression p, Env env) {
    String member = p.selector().text();
    if (p.target() instanceof Expression.NameReference ref && env.left() != null) {
      String side = ref.name().text();
      if (side.equals("$left") || side.equals("$right")) {
        Row row = side.equals("$left") ? env.left() : env.right();
        ColumnSymbol c = row.find(member);
        if (c != null) return new BoundExpr.ColumnRef(c);
        if (row.isOpen()) {
          cx.discover(row, member);
          return new BoundExpr.ColumnRef(new ColumnSymbol(member, ScalarType.UNKNOWN));
        }
        cx.error(BindErrors.UNKNOWN_NAME, p.selector().span(), member, BindContext.didYouMean(
            dev.kqlhunt.symbols.Suggestions.closest(member, names(row))));
        return new BoundExpr.Error();
      }
    }
    if (p.target() instanceof Expression.NameReference ref) {
      // scan's step state is seen as columns named step.column (s1.Ts): a dotted column wins.
      ColumnSymbol dotted = env.row().find(ref.name().text() + "." + member);
      if (dotted != null) return new BoundExpr.ColumnRef(dotted);
    }
    BoundExpr target = bind(p.target(), env);
    return member(target, member, p.selector().span());
  }

  private BoundExpr member(BoundExpr target, String member, dev.kqlhunt.text.TextSpan span) {
    ScalarType t = target.type();
    if (t == ScalarType.DYNAMIC) return new BoundExpr.Member(target, member);
    if (t == ScalarType.UNKNOWN) return target instanceof BoundExpr.Error ? target : new BoundExpr.Member(target, member);
    cx.error(BindErrors.UNKNOWN_NAME, span, member, "");
    return new BoundExpr.Error();
  }

  private BoundExpr element(Expression.ElementExpression el, Env env) {
    BoundExpr target = bind(el.target(), env);
    BoundExpr index = bind(el.index(), env);
    ScalarType t = target.type();
    if (t != ScalarType.DYNAMIC && t != ScalarType.UNKNOWN) {
      cx.error(BindErrors.ELEMENT_ACCESS_NOT_ALLOWED, el.span());
      return new BoundExpr.Error();
    }
    if (index instanceof BoundExpr.Literal lit && lit.value() instanceof String s) {
      return new BoundExpr.Member(target, s);
    }
    return new BoundExpr.Element(target, index);
  }

  static List<String> names(Row row) {
    List<String> out = new ArrayList<>(row.columns().size());
    for (ColumnSymbol c : row.columns()) out.add(c.name());
    return out;
  }

  /** Whether a bound expression is a constant: literals, {@code let} values, and operators or calls over them. */
  static boolean isConstant(BoundExpr e) {
    return switch (e) {
      case BoundExpr.Literal l -> true;
      case BoundExpr.VariableRef v -> true;
      case BoundExpr.Binary b -> isConstant(b.left()) && isConstant(b.right());
      case BoundExpr.Unary u -> isConstant(u.operand());
      case BoundExpr.Call c -> c.arguments().stream().allMatch(ExprBinder::isConstant);
      case BoundExpr.ToScalar t -> true;
      default -> false;
    };
  }
}
