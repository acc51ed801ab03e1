package dev.kqlhunt.report;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.rules.RuleSeverity;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.alerts.Alert;
import dev.kqlhunt.rules.hunt.HuntReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), so code-scanning dashboards can list rule findings. One run; every rule that ran
 * is a {@code reportingDescriptor} in {@code tool.driver.rules} (id = rule GUID); every finding is a
 * {@code result} with {@code ruleId}/{@code ruleIndex}, a level from the severity (High → error,
 * Medium → warning, Low/Informational → note), a message naming the host, a physical location at the
 * rule's query (what a code-scanning UI can open), a logical location per host (kind {@code resource},
 * fully qualified by the DeviceId), the finding id as a partial fingerprint (so dashboards track it
 * across runs), and properties with tactics, techniques, entities, window and evidence. Exclusion
 * audit and rule errors go to {@code invocations[0]} notifications.
 */
public final class SarifReport implements ReportWriter {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public String render(HuntResult result) {
    return Json.write(tree(result)) + "\n";
  }

  /** The log as a JSON tree. */
  public static Map<String, Object> tree(HuntResult result) {
    List<Object> rules = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    for (HuntReport r : result.rules()) {
      int index = rules.size();
      rules.add(descriptor(r.rule()));
      for (Finding f : HuntResult.findings(r)) results.add(result(f, r.rule(), index));
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "kqlhunt");
    driver.put("semanticVersion", "0.1.0");
    driver.put("rules", rules);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("invocations", List.of(invocation(result)));
    run.put("results", results);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
  }

  /** SARIF level of a severity. */
  static String level(RuleSeverity s) {
    if (s == null) return "note";
    return switch (s) {
      case HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFORMATIONAL -> "note";
    };
  }

  /** GitHub code scanning's 0-10 score for security results, from the Sentinel severity. */
  private static String securitySeverity(RuleSeverity s) {
    if (s == null) return "2.0";
    return switch (s) {
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFORMATIONAL -> "1.0";
    };
  }

  private static Map<String, Object> descriptor(SentinelRule rule) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", rule.id());
    d.put("name", rule.name());
    d.put("shortDescription", Map.of("text", rule.name()));
    if (rule.description() != null) d.put("fullDescription", Map.of("text", rule.description().strip()));
    d.put("defaultConfiguration", Map.of("level", level(rule.severity())));
    Map<String, Object> props = new LinkedHashMap<>();
    List<Object> tags = new ArrayList<>(List.of("security"));
    tags.addAll(rule.tactics());
    tags.addAll(rule.relevantTechniques());
    props.put("tags", tags);
    props.put("tactics", new ArrayList<Object>(rule.tactics()));
    props.put("techniques", new ArrayList<Object>(rule.relevantTechniques()));
    props.put("kind", rule.kind().name().toLowerCase(java.util.Locale.ROOT));
    props.put("security-severity", securitySeverity(rule.severity()));
    d.put("properties", props);
    return d;
  }

  private static Map<String, Object> result(Finding f, SentinelRule rule, int ruleIndex) {
    Alert a = f.alert();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ruleId", a.ruleId());
    r.put("ruleIndex", (long) ruleIndex);
    r.put("level", level(a.severity()));
    String where = f.host() == null ? "" : " on " + f.host().label();
    r.put("message", Map.of("text", a.displayName() + where + " (" + a.evidence().size() + " evidence row"
        + (a.evidence().size() == 1 ? "" : "s") + ")"));
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("physicalLocation", physical(rule));
    if (f.host() != null) location.put("logicalLocations", List.of(host(f.host())));
    r.put("locations", List.of(location));
    r.put("partialFingerprints", Map.of("kqlhuntFindingId/v1", a.id()));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("findingId", a.id());
    props.put("severity", f.severityName());
    props.put("tactics", new ArrayList<Object>(a.tactics()));
    props.put("techniques", new ArrayList<Object>(a.techniques()));
    props.put("entities", JsonReport.entities(a.entities()));
    props.put("windowStart", CellText.json(a.run().windowStart()));
    props.put("windowEnd", CellText.json(a.run().windowEnd()));
    props.put("firstSeen", CellText.json(f.firstSeen()));
    props.put("lastSeen", CellText.json(f.lastSeen()));
    props.put("evidence", JsonReport.evidence(a.evidence()));
    r.put("properties", props);
    return r;
  }

  private static Map<String, Object> physical(SentinelRule rule) {
    var file = rule.origin().file();
    int offset = rule.origin().span("query").start();
    int line = file.length() == 0 ? 1 : file.position(Math.min(offset, file.length())).line();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("artifactLocation", Map.of("uri", uri(file.name())));
    p.put("region", Map.of("startLine", (long) Math.max(1, line)));
    return p;
  }

  /** A relative URI reference for a file name (forward slashes, spaces percent-encoded). */
  static String uri(String path) {
    return path.replace('\\', '/').replace("%", "%25").replace(" ", "%20");
  }

  private static Map<String, Object> host(Finding.HostKey host) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("name", host.label());
    l.put("fullyQualifiedName", host.deviceId() != null ? host.deviceId() : host.label());
    l.put("kind", "resource");
    return l;
  }

  private static Map<String, Object> invocation(HuntResult result) {
    List<Object> notes = new ArrayList<>();
    for (HuntReport r : result.rules()) {
      for (HuntReport.ExclusionCount c : r.audit()) {
        notes.add(note("note", (result.fromAllowList(c.exclusion()) ? "allow-list entry " : "exclusion ")
            + c.exclusion().id() + " removed " + c.removed() + " events of "
            + c.table() + " for rule " + r.rule().id()));
      }
      r.expired().forEach(e -> notes.add(note("warning", "exclusion " + e.id() + " expired on " + e.expires())));
      r.diagnostics().forEach(d -> notes.add(note("warning", d.render())));
    }
    result.notes().forEach(n -> notes.add(note("warning", n)));
    result.errors().forEach(e -> notes.add(note("error", "rule " + e.ruleId() + ": " + e.message())));
    Map<String, Object> inv = new LinkedHashMap<>();
    inv.put("executionSuccessful", result.errors().isEmpty());
    inv.put("toolExecutionNotifications", notes);
    return inv;
  }

  private static Map<String, Object> note(String level, String text) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("level", level);
    n.put("message", Map.of("text", text));
    return n;
  }
}
