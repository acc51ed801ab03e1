package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.DiagnosticCode;

/** Diagnostic codes of the lexer and parser (KQL1xxx). Codes are stable once released. */
public enum SyntaxErrors implements DiagnosticCode {
  UNEXPECTED_CHARACTER("KQL1001", "Unexpected character '%s'"),
  UNTERMINATED_STRING("KQL1002", "Unterminated string literal: missing closing %s"),
  EXPECTED("KQL1003", "Expected %s"),
  MISSING_EXPRESSION("KQL1004", "Missing expression"),
  MISSING_NAME("KQL1005", "Missing name"),
  UNEXPECTED_TOKEN("KQL1006", "Unexpected '%s'"),
  OPERATOR_EXPECTED("KQL1007", "Query operator expected"),
  KEYWORD_AS_NAME("KQL1008", "The name '%s' must be bracketed as ['%s'] to be used here"),
  INVALID_ESCAPE("KQL1009", "Invalid escape sequence '%s' in string literal"),
  INVALID_LITERAL("KQL1010", "Invalid %s literal '%s'"),
  MISSING_TYPE("KQL1011", "Missing type"),
  INVALID_JSON("KQL1012", "Invalid value in dynamic literal: %s"),
  EMPTY_STATEMENT("KQL1013", "Empty statement"),
  UNSUPPORTED_NESTING("KQL1014", "Operator '%s' cannot follow another operator of the same precedence here"),
  TOO_DEEP("KQL1015", "Expression nesting is too deep"),
  UNKNOWN_TYPE("KQL1016", "'%s' is not a type name that can be declared here"),
  /** A parser defect, never a property of the query; tests assert it never appears. */
  INTERNAL_ERROR("KQL1099", "Internal parser error: %s");

  private final String id;
  private final String template;

  SyntaxErrors(String id, String template) {
    this.id = id;
    this.template = template;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String template() {
    return template;
  }
}
