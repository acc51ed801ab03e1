package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.QueryBlock;
import dev.kqlhunt.text.SourceText;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Parser#parse} returns: the source, a whole syntax tree (even for broken text) and every
 * lexical and syntax diagnostic, in order of position.
 */
public record ParseResult(SourceText source, QueryBlock tree, List<Diagnostic> diagnostics) {
  public ParseResult {
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(tree, "tree is null");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) return true;
    }
    return false;
  }
}
