package dev.kqlhunt.exec;

import dev.kqlhunt.diag.DiagnosticCode;

/** The stable codes of execution ({@code KQL5xxx}) with their message templates. Never reused. */
public enum ExecError implements DiagnosticCode {
  UNSUPPORTED_OPERATOR("KQL5001", "operator '%s' is not supported by the executor"),
  UNSUPPORTED_FUNCTION("KQL5002", "function '%s' is not supported by the executor"),
  UNKNOWN_TABLE("KQL5003", "no data for table '%s'"),
  MEMORY_LIMIT("KQL5004", "query exceeded the memory budget of %s (needed at least %s at operator %s)"),
  UNBOUND_QUERY("KQL5005", "the query has errors and cannot run"),
  NOT_TABULAR("KQL5006", "the query does not produce a table"),
  BAD_ARGUMENT("KQL5007", "%s: %s"),
  ROW_LIMIT("KQL5008", "result truncated to %d rows (--max-rows); %d rows were produced"),
  INTERNAL("KQL5009", "internal execution error in %s: %s"),
  NO_DATA("KQL5010", "no data for table '%s': it is read as empty"),
  EXTERNAL_DATA("KQL5011", "%s cannot read '%s': %s");

  private final String id;
  private final String template;

  ExecError(String id, String template) {
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
