package dev.kqlhunt.rmm.allow;

import dev.kqlhunt.diag.DiagnosticCode;

/** Diagnostic codes of allow-list files ({@code KQL32xx}, a range unused by the rules stage). */
public enum AllowListErrors implements DiagnosticCode {
  YAML_SYNTAX("KQL3200", "Malformed YAML: %s"),
  STRUCTURE("KQL3201", "%s"),
  MISSING_FIELD("KQL3202", "Missing required field '%s'"),
  UNKNOWN_KEY("KQL3203", "Unknown key '%s' (expected one of %s)"),
  UNKNOWN_TOOL("KQL3204", "Unknown RMM tool '%s' (see `kqlhunt rmm list`)"),
  INVALID_DATE("KQL3205", "'%s' is not a date (expected yyyy-MM-dd)"),
  NO_PATH_PIN("KQL3206", "Entry '%s' pins no install path: without one a portable copy would be allowed"),
  USER_WRITABLE_PATH("KQL3207", "Pinned path '%s' is user-writable; any user could drop a copy there"),
  EXPIRED("KQL3208", "Allow-list entry '%s' expired on %s: it no longer suppresses anything"),
  DUPLICATE_ID("KQL3209", "Entry id '%s' is used twice"),
  INVALID_ID("KQL3210", "Entry id '%s' must be letters, digits, '-', '_' or '.'"),
  MATCHES_EVERYTHING("KQL3211", "Pattern '%s' matches everything");

  private final String id;
  private final String template;

  AllowListErrors(String id, String template) {
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
