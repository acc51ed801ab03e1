package dev.kqlhunt.ingest;

import dev.kqlhunt.diag.DiagnosticCode;

/**
 * The stable codes of the ingest stage ({@code KQL4xxx}), with their message templates. A reject or a
 * warning carries one of these so users (and tests) can search for it. Codes are never reused.
 */
public enum IngestCode implements DiagnosticCode {
  MALFORMED_JSON("KQL4001", "malformed JSON: %s"),
  TRUNCATED_INPUT("KQL4002", "input ends inside a record: %s"),
  RECORD_TOO_LARGE("KQL4003", "record of %d bytes exceeds the maximum record size of %d bytes"),
  INVALID_UTF8("KQL4004", "invalid UTF-8 byte 0x%02X at byte %d of the record"),
  UNKNOWN_CATEGORY("KQL4005", "unknown Streaming API category '%s'"),
  BAD_VALUE("KQL4006", "column '%s' of type %s: cannot convert %s (%s)"),
  NOT_AN_OBJECT("KQL4007", "record is not a JSON object but %s"),
  NO_TABLE("KQL4008", "no target table for %s: pass --table or name the file after the table"),
  FIELD_COUNT("KQL4009", "CSV record has %d fields but the header has %d"),
  UNKNOWN_FORMAT("KQL4010", "cannot detect the input format of %s"),
  EXTRA_COLUMNS("KQL4011", "columns not in table %s are kept as extra columns: %s"),
  NO_READER("KQL4012", "no reader is registered for format %s"),
  IO_ERROR("KQL4013", "cannot read %s: %s"),
  SKIPPED("KQL4014", "record skipped: %s"),
  BAD_ENVELOPE("KQL4015", "unexpected %s document shape: %s"),
  UNKNOWN_TABLE_SCHEMA("KQL4016", "table %s has no known schema; values are stored as read");

  private final String id;
  private final String template;

  IngestCode(String id, String template) {
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
