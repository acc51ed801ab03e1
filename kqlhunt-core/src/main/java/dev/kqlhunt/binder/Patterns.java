package dev.kqlhunt.binder;

import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code declare pattern} invocations and {@code restrict access to} checks.
 *
 * <p>A pattern invocation {@code p(a, b).[path]} selects the definition whose constant arguments and
 * path equal the invocation's (literal values compared after decoding, strings case-sensitively) and
 * binds its body in place, with the pattern's parameters visible as scalar variables holding the
 * invocation's values. A pattern declared without definitions is supplied by the service in Kusto;
 * here it is an unknown table (no error while binding, no rows when run). No matching definition is
 * {@link BindErrors#PATTERN_NO_MATCH}.
 *
 * <p>{@code restrict access to (...)} limits the database tables that later statements may read to
 * the listed names ({@code *} wildcards allowed); tabular variables and functions stay visible, a
 * simplification of Kusto's rule, which also hides unlisted {@code let} entities.
 */
final class Patterns {
  private Patterns() {}

  static BoundTabular bind(BindContext cx, Expression.FunctionCall call, Name selector, Scope scope) {
    Statement.DeclarePatternStatement pattern = cx.patterns.get(call.name().text());
    List<Object> values = new ArrayList<>();
    for (Expression arg : call.arguments()) {
      if (arg instanceof Expression.Literal l) {
        values.add(l.value());
      } else {
        cx.error(BindErrors.CONSTANT_EXPECTED, arg.span());
        return cx.unknownTable(pattern.name().text());
      }
    }
    if (pattern.definitions().isEmpty()) return cx.unknownTable(pattern.name().text());
    String path = selector == null ? null : selector.text();
    for (Clause.PatternDefinition d : pattern.definitions()) {
      if (matches(d, values, path)) return bindBody(cx, pattern, d, call, scope);
    }
    String shown = values + (path == null ? "" : ".[" + path + "]");
    cx.error(BindErrors.PATTERN_NO_MATCH, call.span(), pattern.name().text(), shown);
    return cx.unknownTable(pattern.name().text());
  }

  private static boolean matches(Clause.PatternDefinition d, List<Object> values, String path) {
    if (d.arguments().size() != values.size()) return false;
    for (int i = 0; i < values.size(); i++) {
      if (!(d.arguments().get(i) instanceof Expression.Literal l) || !Objects.equals(l.value(), values.get(i))) return false;
    }
    if (path == null) return d.path() == null;
    return d.path() instanceof Expression.Literal l && Objects.equals(String.valueOf(l.value()), path);
  }

  private static BoundTabular bindBody(BindContext cx, Statement.DeclarePatternStatement pattern,
      Clause.PatternDefinition d, Expression.FunctionCall call, Scope scope) {
    Scope inner = new Scope(scope);
    for (int i = 0; i < pattern.parameters().size() && i < call.arguments().size(); i++) {
      String name = pattern.parameters().get(i).name().text();
      BoundExpr value = cx.exprs.bind(call.arguments().get(i), Env.of(Row.EMPTY, scope));
      inner.declare(name, new Scope.ScalarEntry(new BoundExpr.VariableRef(name, value.type(), value)));
    }
    cx.tables.bindStatements(d.body().statements(), inner);
    return cx.tables.bindTabular(d.body().expression(), inner);
  }

  /** Whether a restrict statement (if any) lets later statements read database table {@code name}. */
  static boolean accessible(BindContext cx, String name) {
    if (cx.restrictedTo == null) return true;
    for (String allowed : cx.restrictedTo) {
      if (allowed.equals(name) || (allowed.contains("*") && glob(allowed, name))) return true;
    }
    return false;
  }

  private static boolean glob(String pattern, String name) {
    StringBuilder re = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!re.isEmpty()) re.append(".*");
      re.append(java.util.regex.Pattern.quote(part));
    }
    return name.matches(re.toString());
  }
}
