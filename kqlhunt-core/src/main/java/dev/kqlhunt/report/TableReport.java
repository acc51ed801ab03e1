package dev.kqlhunt.report;

import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.rules.hunt.HuntReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terminal report: per rule, its ATT&CK context, the findings (host, first and last seen), the
 * evidence rows as an aligned table (at most {@value #MAX_EVIDENCE_ROWS} per rule), what each
 * exclusion removed, expired exclusions and warnings; then a one-line summary.
 */
public final class TableReport implements ReportWriter {
  static final int MAX_EVIDENCE_ROWS = 25;
  private static final int MAX_CELL = 60;

  @Override
  public String render(HuntResult result) {
    StringBuilder out = new StringBuilder();
    out.append("kqlhunt hunt: reference time ").append(CellText.text(result.referenceTime()));
    if (result.replayFrom() != null) out.append(", scheduled rules replayed from ").append(CellText.text(result.replayFrom()));
    out.append("\ndata: ").append(TextGrid.safe(result.dataSource())).append("\n");
    for (String note : result.notes()) out.append("note: ").append(TextGrid.safe(note)).append('\n');
    for (HuntReport r : result.rules()) rule(result, r, out);
    for (HuntResult.RuleError e : result.errors()) {
      out.append("\nerror: rule ").append(e.ruleName()).append(" could not run: ").append(TextGrid.safe(e.message())).append('\n');
    }
    out.append('\n').append(summary(result)).append('\n');
    return out.toString();
  }

  /** The closing line, e.g. {@code 3 findings on 3 hosts from 1 of 1 rules; exclusions removed 5 events}. */
  public static String summary(HuntResult result) {
    Set<String> hosts = new LinkedHashSet<>();
    int rulesWithFindings = 0;
    int expired = 0;
    for (HuntReport r : result.rules()) {
      if (!r.alerts().isEmpty()) rulesWithFindings++;
      for (Finding f : HuntResult.findings(r)) if (f.host() != null) hosts.add(f.host().label());
      expired += r.expired().size();
    }
    long[] removed = result.removedEvents();
    String s = result.findingCount() + " finding" + plural(result.findingCount()) + " on " + hosts.size() + " host"
        + plural(hosts.size()) + " from " + rulesWithFindings + " of " + result.rules().size() + " rule"
        + plural(result.rules().size()) + "; exclusions removed " + removed[0] + " event" + plural(removed[0]);
    if (!result.allowListSources().isEmpty()) s += "; allow-list suppressed " + removed[1] + " event" + plural(removed[1]);
    if (expired > 0) s += "; " + expired + " expired exclusion" + plural(expired);
    if (!result.errors().isEmpty()) s += "; " + result.errors().size() + " rule error" + plural(result.errors().size());
    return s;
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }

  private static void rule(HuntResult result, HuntReport r, StringBuilder out) {
    SentinelRule rule = r.rule();
    out.append("\n== ").append(TextGrid.safe(rule.name())).append("  [").append(rule.id()).append("]\n");
    List<String> context = new ArrayList<>();
    context.add(rule.kind().name().toLowerCase(java.util.Locale.ROOT));
    if (rule.severity() != null) context.add("severity " + rule.severity().sentinelName());
    if (!rule.tactics().isEmpty()) context.add(String.join(", ", rule.tactics()));
    if (!rule.relevantTechniques().isEmpty()) context.add(String.join(", ", rule.relevantTechniques()));
    context.add(r.executed().size() + " run" + plural(r.executed().size()));
    if (!r.suppressed().isEmpty()) context.add(r.suppressed().size() + " suppressed");
    out.append("   ").append(TextGrid.safe(String.join(" \u00b7 ", context))).append('\n');
    r.diagnostics().forEach(d -> out.append("   ").append(TextGrid.safe(d.render()).replace("\\u000a", "\n   ")).append('\n'));
    List<Finding> findings = HuntResult.findings(r);
    out.append("   ").append(findings.size()).append(" finding").append(plural(findings.size())).append('\n');
    if (!findings.isEmpty()) findingsGrid(findings, out);
    evidence(findings, out);
    exclusions(result, r, out);
  }

  private static void findingsGrid(List<Finding> findings, StringBuilder out) {
    TextGrid grid = new TextGrid(List.of("HOST", "DEVICE ID", "FIRST SEEN", "LAST SEEN", "ROWS", "FINDING"), MAX_CELL);
    for (Finding f : findings) {
      grid.add(List.of(
          f.host() == null || f.host().deviceName() == null ? "-" : f.host().deviceName(),
          f.host() == null || f.host().deviceId() == null ? "-" : f.host().deviceId(),
          f.firstSeen() == null ? "-" : CellText.text(f.firstSeen()),
          f.lastSeen() == null ? "-" : CellText.text(f.lastSeen()),
          Integer.toString(f.alert().evidence().size()), f.id().substring(0, Math.min(8, f.id().length()))));
    }
    grid.render(out, "   ");
  }

  /** Evidence of all findings of the rule in one grid when they share columns (they do, per rule). */
  private static void evidence(List<Finding> findings, StringBuilder out) {
    if (findings.isEmpty()) return;
    List<String> columns = findings.get(0).alert().evidence().columns();
    TextGrid grid = new TextGrid(columns, MAX_CELL);
    int total = 0;
    for (Finding f : findings) {
      ResultTable t = f.alert().evidence();
      if (!t.columns().equals(columns) || f.alert().summary()) continue;
      for (List<Object> row : t.rows()) {
        total++;
        if (grid.size() >= MAX_EVIDENCE_ROWS) continue;
        List<String> cells = new ArrayList<>(row.size());
        for (Object v : row) cells.add(CellText.text(v));
        grid.add(cells);
      }
    }
    out.append("   evidence:\n");
    grid.render(out, "     ");
    if (total > grid.size()) out.append("     ... ").append(total - grid.size()).append(" more rows (use --format json or html)\n");
  }

  private static void exclusions(HuntResult result, HuntReport r, StringBuilder out) {
    for (HuntReport.ExclusionCount c : r.audit()) {
      boolean allow = result.fromAllowList(c.exclusion());
      out.append(allow ? "   allow-list entry " : "   exclusion ").append(TextGrid.safe(c.exclusion().id()))
          .append(allow ? " suppressed " : " removed ").append(c.removed())
          .append(" event").append(plural(c.removed())).append(" from ").append(c.table())
          .append(" (owner ").append(TextGrid.safe(c.exclusion().owner()))
          .append(c.exclusion().expires() == null ? "" : ", expires " + c.exclusion().expires()).append(")\n");
    }
    for (Exclusion e : r.expired()) {
      out.append("   expired exclusion ").append(TextGrid.safe(e.id())).append(" (expired ").append(e.expires())
          .append(", owner ").append(TextGrid.safe(e.owner())).append(") no longer applies: review or remove it\n");
    }
  }
}
