package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.text.SourceText;
import java.util.Objects;

/** A diagnostic together with the file its span points into (a rule file or an exclusions file). */
public record FileDiagnostic(SourceText file, Diagnostic diagnostic) {
  public FileDiagnostic {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(diagnostic, "diagnostic is null");
  }

  /** Compiler-style text: {@code file:line:col: severity CODE: message} and a caret excerpt. */
  public String render() {
    return DiagnosticRenderer.render(file, diagnostic);
  }
}
