package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.text.SourceText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a file produced: the value when the file could be read (possibly with warnings or
 * non-fatal errors), and every diagnostic with spans in {@code file}. Loaders never throw on bad input.
 */
public record LoadResult<T>(T value, SourceText file, List<Diagnostic> diagnostics) {
  public LoadResult {
    Objects.requireNonNull(file, "file is null");
    diagnostics = List.copyOf(diagnostics);
  }

  public Optional<T> valueIfPresent() {
    return Optional.ofNullable(value);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Loaded with no error diagnostics. */
  public boolean ok() {
    return value != null && !hasErrors();
  }

  /** Each diagnostic rendered compiler style: {@code file:line:col: error KQL3001: ...} plus a caret. */
  public List<String> rendered() {
    return diagnostics.stream().map(d -> DiagnosticRenderer.render(file, d)).toList();
  }

  /** The first line of the first error's rendering, e.g. for a summary; empty when there is none. */
  public String firstErrorLine() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) return DiagnosticRenderer.render(file, d).lines().findFirst().orElse("");
    }
    return "";
  }
}
