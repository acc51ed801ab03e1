package dev.kqlhunt.binder;

import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import java.util.Objects;

/**
 * A user-defined function as the binder keeps it until a call: its syntax ({@code let f = (...) {...}}
 * or a stored function of the schema file, parsed from its own text). {@code stored} says the spans
 * point into that other text, so diagnostics from its body are not reported against the query.
 */
record UserFunction(String name, Expression.FunctionDeclaration declaration, boolean stored) {
  UserFunction {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(declaration, "declaration is null");
  }

  java.util.List<Clause.FunctionParameter> parameters() {
    return declaration.parameters();
  }

  /** Parameters without a default value must be passed. */
  int requiredCount() {
    int n = 0;
    for (Clause.FunctionParameter p : declaration.parameters()) if (p.defaultValue() == null) n++;
    return n;
  }
}
