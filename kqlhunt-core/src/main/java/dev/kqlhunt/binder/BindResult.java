package dev.kqlhunt.binder;

import dev.kqlhunt.diag.Diagnostic;
import java.util.List;
import java.util.Objects;

/** What {@link Binder#bind} returns: the bound query and the binding diagnostics, in order of position. */
public record BindResult(BoundQuery query, List<Diagnostic> diagnostics) {
  public BindResult {
    Objects.requireNonNull(query, "query is null");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    for (Diagnostic d : diagnostics) if (d.isError()) return true;
    return false;
  }
}
