package dev.kqlhunt.report;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.rules.alerts.Alert;
import java.util.List;

/**
 * One CSV row per finding (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break). The evidence rows are one JSON array of objects in the last column, so
 * the file has the same columns whatever the rules return. A cell that a spreadsheet would run as a
 * formula (first character {@code = + - @}, tab or CR) is prefixed with an apostrophe: the data is
 * attacker-controlled (CSV injection).
 */
public final class CsvReport implements ReportWriter {
  public static final List<String> HEADER = List.of(
      "finding_id", "rule_id", "rule_name", "severity", "tactics", "techniques", "window_start",
      "window_end", "host_id", "host_name", "first_seen", "last_seen", "evidence_rows", "evidence");

  @Override
  public String render(HuntResult result) {
    StringBuilder out = new StringBuilder();
    line(out, HEADER);
    for (Finding f : result.findings()) {
      Alert a = f.alert();
      line(out, List.of(
          a.id(), a.ruleId(), a.ruleName(), f.severityName(), String.join(";", a.tactics()),
          String.join(";", a.techniques()), CellText.text(a.run().windowStart()),
          CellText.text(a.run().windowEnd()), f.host() == null || f.host().deviceId() == null ? "" : f.host().deviceId(),
          f.host() == null || f.host().deviceName() == null ? "" : f.host().deviceName(),
          CellText.text(f.firstSeen()), CellText.text(f.lastSeen()), Integer.toString(a.evidence().size()),
          Json.write(JsonReport.rowObjects(a.evidence()))));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      out.append(field(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** One field, defused and quoted as needed. */
  static String field(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
