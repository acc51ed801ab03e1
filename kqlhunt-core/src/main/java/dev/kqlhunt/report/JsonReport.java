package dev.kqlhunt.report;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.alerts.Alert;
import dev.kqlhunt.rules.alerts.Entity;
import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.rules.hunt.HuntReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON document per hunt; the schema is documented in {@code docs/HUNT.md} (keys are stable,
 * additions only). Datetimes are ISO-8601 UTC strings with seven fractional digits.
 */
public final class JsonReport implements ReportWriter {
  /** Bumped when a key changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  @Override
  public String render(HuntResult result) {
    return Json.write(tree(result)) + "\n";
  }

  /** The document as a JSON tree (maps in key order). */
  public static Map<String, Object> tree(HuntResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", (long) SCHEMA_VERSION);
    doc.put("tool", "kqlhunt");
    doc.put("referenceTime", CellText.json(result.referenceTime()));
    doc.put("replayFrom", CellText.json(result.replayFrom()));
    doc.put("data", result.dataSource());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("rules", (long) result.rules().size());
    summary.put("findings", (long) result.findingCount());
    summary.put("errors", (long) result.errors().size());
    long[] removed = result.removedEvents();
    summary.put("excludedEvents", removed[0]);
    summary.put("allowListSuppressedEvents", removed[1]);
    doc.put("summary", summary);
    doc.put("notes", new ArrayList<Object>(result.notes()));
    List<Object> rules = new ArrayList<>();
    for (HuntReport r : result.rules()) rules.add(rule(result, r));
    doc.put("rules", rules);
    List<Object> errors = new ArrayList<>();
    for (HuntResult.RuleError e : result.errors()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ruleId", e.ruleId());
      m.put("ruleName", e.ruleName());
      m.put("message", e.message());
      errors.add(m);
    }
    doc.put("errors", errors);
    return doc;
  }

  private static Map<String, Object> rule(HuntResult result, HuntReport r) {
    SentinelRule rule = r.rule();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", rule.id());
    m.put("name", rule.name());
    m.put("kind", rule.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("file", rule.origin().file().name());
    m.put("severity", rule.severity() == null ? null : rule.severity().sentinelName());
    m.put("tactics", new ArrayList<Object>(rule.tactics()));
    m.put("techniques", new ArrayList<Object>(rule.relevantTechniques()));
    m.put("runs", (long) r.executed().size());
    m.put("suppressedRuns", (long) r.suppressed().size());
    List<Object> findings = new ArrayList<>();
    for (Alert a : r.alerts()) findings.add(finding(Finding.of(a)));
    m.put("findings", findings);
    List<Object> audit = new ArrayList<>();
    for (HuntReport.ExclusionCount c : r.audit()) {
      Map<String, Object> e = exclusion(c.exclusion());
      e.put("source", result.fromAllowList(c.exclusion()) ? "allow-list" : "exclusions");
      e.put("table", c.table());
      e.put("removed", c.removed());
      audit.add(e);
    }
    m.put("exclusions", audit);
    List<Object> expired = new ArrayList<>();
    for (Exclusion e : r.expired()) expired.add(exclusion(e));
    m.put("expiredExclusions", expired);
    List<Object> diagnostics = new ArrayList<>();
    r.diagnostics().forEach(d -> diagnostics.add(d.render()));
    m.put("diagnostics", diagnostics);
    return m;
  }

  private static Map<String, Object> exclusion(Exclusion x) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", x.id());
    e.put("file", x.file().name());
    e.put("reason", x.reason());
    e.put("owner", x.owner());
    e.put("expires", x.expires() == null ? null : x.expires().toString());
    return e;
  }

  /** One finding as a JSON object (also used by the CSV and SARIF writers for properties). */
  static Map<String, Object> finding(Finding f) {
    Alert a = f.alert();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("ruleId", a.ruleId());
    m.put("ruleName", a.ruleName());
    m.put("severity", f.severityName());
    m.put("tactics", new ArrayList<Object>(a.tactics()));
    m.put("techniques", new ArrayList<Object>(a.techniques()));
    m.put("displayName", a.displayName());
    m.put("description", a.description());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("runTime", CellText.json(a.run().runTime()));
    window.put("start", CellText.json(a.run().windowStart()));
    window.put("end", CellText.json(a.run().windowEnd()));
    m.put("window", window);
    m.put("firstSeen", CellText.json(f.firstSeen()));
    m.put("lastSeen", CellText.json(f.lastSeen()));
    m.put("entities", entities(a.entities()));
    Map<String, Object> details = new LinkedHashMap<>();
    a.customDetails().forEach((k, v) -> details.put(k, new ArrayList<Object>(v)));
    m.put("customDetails", details);
    m.put("summaryAlert", a.summary());
    m.put("evidence", evidence(a.evidence()));
    return m;
  }

  static List<Object> entities(List<Entity> entities) {
    List<Object> out = new ArrayList<>();
    for (Entity e : entities) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", e.type());
      m.put("identifiers", new LinkedHashMap<String, Object>(e.identifiers()));
      out.add(m);
    }
    return out;
  }

  /** Evidence as {@code {"columns": [...], "rows": [{column: value}...]}}. */
  static Map<String, Object> evidence(ResultTable t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("columns", new ArrayList<Object>(t.columns()));
    m.put("rows", rowObjects(t));
    return m;
  }

  static List<Object> rowObjects(ResultTable t) {
    List<Object> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      Map<String, Object> o = new LinkedHashMap<>();
      for (int c = 0; c < t.columns().size(); c++) o.put(t.columns().get(c), CellText.json(row.get(c)));
      rows.add(o);
    }
    return rows;
  }
}
