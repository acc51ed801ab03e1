package dev.kqlhunt.diag;

import dev.kqlhunt.text.TextSpan;
import java.util.Objects;

/**
 * One problem found in a query or rule: a stable code (see {@link DiagnosticCode}), a severity, a
 * message and the span of text it is about. Diagnostics are values; nothing throws them.
 */
public record Diagnostic(DiagnosticCode code, Severity severity, String message, TextSpan span) {
  public Diagnostic {
    Objects.requireNonNull(code, "code is null");
    Objects.requireNonNull(severity, "severity is null");
    Objects.requireNonNull(message, "message is null");
    Objects.requireNonNull(span, "span is null");
  }

  public static Diagnostic error(DiagnosticCode code, TextSpan span, Object... args) {
    return new Diagnostic(code, Severity.ERROR, code.format(args), span);
  }

  public static Diagnostic warning(DiagnosticCode code, TextSpan span, Object... args) {
    return new Diagnostic(code, Severity.WARNING, code.format(args), span);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
