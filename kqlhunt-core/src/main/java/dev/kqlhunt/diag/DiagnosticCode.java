package dev.kqlhunt.diag;

/**
 * A stable diagnostic code such as {@code KQL1003}. Each pipeline stage declares its codes in one enum
 * that implements this interface, with the message templates beside them, so tests assert codes and
 * users can search for them:
 *
 * <ul>
 *   <li>{@code KQL1xxx} syntax (lexer and parser), in {@code dev.kqlhunt.syntax.SyntaxErrors};
 *   <li>{@code KQL2xxx} binding (names, types, schemas), in {@code dev.kqlhunt.binder.BindErrors};
 *   <li>{@code KQL3xxx} rules (Sentinel YAML, exclusions, rule tests);
 *   <li>{@code KQL4xxx} data (ingest) and {@code KQL5xxx} execution.
 * </ul>
 *
 * Codes are never reused for a different meaning once released.
 */
public interface DiagnosticCode {
  /** The code as users see it, e.g. {@code KQL1003}. */
  String id();

  /** The message template, in {@link String#format} syntax. */
  String template();

  default String format(Object... args) {
    return args.length == 0 ? template() : String.format(java.util.Locale.ROOT, template(), args);
  }
}
