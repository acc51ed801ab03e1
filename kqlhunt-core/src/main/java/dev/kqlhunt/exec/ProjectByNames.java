package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code project-by-names}: keeps the input columns named by the arguments, in argument order. An
 * argument is a string or a dynamic array of strings; a name with {@code *} selects every matching
 * column in input order; a name without a column is ignored. Arguments are constants.
 */
final class ProjectByNames {
  private ProjectByNames() {}

  static Table project(ExprEvaluator eval, Table input, OperatorSpec.ProjectByNames spec) {
    Set<Integer> picked = new LinkedHashSet<>();
    for (BoundExpr e : spec.names()) {
      Object v = eval.constant(e);
      if (v instanceof Dynamic.DynArray a) {
        for (Dynamic d : a.elements()) if (d instanceof Dynamic.DynString s) pick(input, s.value(), picked);
      } else if (v instanceof Dynamic.DynString s) {
        pick(input, s.value(), picked);
      } else if (v instanceof String s) {
        pick(input, s, picked);
      }
    }
    List<ColumnSymbol> cols = new ArrayList<>(picked.size());
    List<Vector> vecs = new ArrayList<>(picked.size());
    for (int i : picked) {
      cols.add(input.columns().get(i));
      vecs.add(input.vector(i));
    }
    return new Table(cols, vecs, input.rowCount());
  }

  private static void pick(Table input, String name, Set<Integer> picked) {
    for (int i = 0; i < input.columns().size(); i++) {
      if (matches(name, input.columns().get(i).name())) picked.add(i);
    }
  }

  /** Kusto's column wildcard: {@code *} matches any run of characters, everything else itself. */
  static boolean matches(String pattern, String name) {
    if (pattern.indexOf('*') < 0) return pattern.equals(name);
    String[] parts = pattern.split("\\*", -1);
    if (!name.startsWith(parts[0])) return false;
    int at = parts[0].length();
    for (int i = 1; i < parts.length - 1; i++) {
      int k = name.indexOf(parts[i], at);
      if (k < 0) return false;
      at = k + parts[i].length();
    }
    String last = parts[parts.length - 1];
    return name.length() - at >= last.length() && name.endsWith(last);
  }
}
