package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.diag.DiagnosticCode;

/**
 * Stable codes of the Sysmon/EVTX readers ({@code KQL41xx}, within the data range KQL4xxx). Codes
 * are never reused for another meaning.
 */
public enum SysmonCode implements DiagnosticCode {
  NOT_AN_EVENT("KQL4101", "not a Windows event: %s"),
  UNKNOWN_JSON_SHAPE("KQL4102", "unknown JSON event shape (keys: %s)"),
  NO_TABLE_FOR_EVENT("KQL4103", "%s"),
  BAD_EVENT_VALUE("KQL4104", "event %d: %s"),
  MALFORMED_XML("KQL4105", "malformed XML: %s"),
  DAMAGED_EVTX("KQL4106", "damaged EVTX data: %s"),
  UNSUPPORTED_SHAPE("KQL4107", "unsupported input shape: %s");

  private final String id;
  private final String template;

  SysmonCode(String id, String template) {
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
