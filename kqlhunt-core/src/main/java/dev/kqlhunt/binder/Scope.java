package dev.kqlhunt.binder;

import java.util.HashMap;
import java.util.Map;

/**
 * The names a statement or function body sees: {@code let} values, functions and parameters, each
 * scope chained to the one it was opened in. Lookup walks outward, so an inner {@code let} (or a
 * parameter) shadows an outer one, as in Kusto. Names are case-sensitive.
 *
 * <p>Not thread-safe; one binding owns its scopes.
 */
final class Scope {
  private final Scope parent;
  private final Map<String, Entry> entries = new HashMap<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  /** Declares or redeclares {@code name} in this scope; Kusto allows a later {@code let} to replace an earlier one. */
  void declare(String name, Entry entry) {
    entries.put(name, entry);
  }

  /** The nearest declaration of {@code name}, or null. */
  Entry lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Entry e = s.entries.get(name);
      if (e != null) return e;
    }
    return null;
  }

  /** Every name visible here, for suggestions. */
  void collectNames(java.util.Collection<String> out) {
    for (Scope s = this; s != null; s = s.parent) out.addAll(s.entries.keySet());
  }

  /** What a name in scope stands for. */
  sealed interface Entry {}

  /** A scalar {@code let} or a scalar parameter; {@code value} is null for a parameter. */
  record ScalarEntry(BoundExpr.VariableRef ref) implements Entry {}

  /** A tabular {@code let}, a tabular parameter, or a {@code materialize}d value. */
  record TabularEntry(BoundTabular.LetRef ref) implements Entry {}

  /**
   * A user function ({@code let f = (a:long, T:(*)) { ... }}, or a function of the schema file): its
   * definition is kept as syntax and bound at each call against the arguments, in the scope where it
   * was declared ({@code home}), as Kusto expands functions per call.
   */
  record FunctionEntry(UserFunction function, Scope home) implements Entry {}
}
