package dev.kqlhunt.rmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pack's correlation rules, generated from the catalog's process names: (1) more than one RMM
 * vendor on the same host within a day; (2) an RMM tool seen on a host for the first time in 30 days.
 * Both read DeviceProcessEvents through one {@code datatable} of (process name, tool, vendor): exact
 * (wildcard-free) process-name indicators of at least {@code minConfidence}, with every name claimed by
 * more than one vendor left out (it would count one binary as two vendors). The vendor is the catalog's
 * {@code vendor}, or the tool id when the catalog names none. Ids are name-based UUIDs like the pack's.
 */
public final class RmmCorrelationRules {
  /** A generated correlation rule. {@code kind} is {@code multi-vendor} or {@code first-seen}. */
  public record CorrelationRule(String id, String kind, String name, String query, String yaml) {
    public CorrelationRule {
      Objects.requireNonNull(id, "id is null");
      Objects.requireNonNull(kind, "kind is null");
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(query, "query is null");
      Objects.requireNonNull(yaml, "yaml is null");
    }

    public String fileName() {
      return "rmm_correlation_" + kind + ".yaml";
    }
  }

  /** One row of the lookup table. */
  public record NameRow(String processName, String toolId, String vendor) {}

  private final Confidence minConfidence;

  public RmmCorrelationRules(Confidence minConfidence) {
    this.minConfidence = Objects.requireNonNull(minConfidence, "minConfidence is null");
  }

  /** The lookup rows, sorted by process name (lower case); ambiguous names removed. */
  public List<NameRow> table(RmmCatalog catalog) {
    Map<String, NameRow> byName = new TreeMap<>();
    Map<String, Boolean> ambiguous = new TreeMap<>();
    for (RmmTool tool : catalog.tools()) {
      String vendor = tool.vendor() == null || tool.vendor().isBlank() ? tool.id() : tool.vendor().trim();
      for (Indicator i : tool.indicators(IndicatorKind.PROCESS_NAME)) {
        Indicator.ProcessName p = (Indicator.ProcessName) i;
        if (!p.confidence().atLeast(minConfidence) || p.name().contains("*")) continue;
        String name = p.name().toLowerCase(Locale.ROOT);
        NameRow prev = byName.putIfAbsent(name, new NameRow(name, tool.id(), vendor));
        if (prev != null && !prev.vendor().equalsIgnoreCase(vendor)) ambiguous.put(name, true);
      }
    }
    ambiguous.keySet().forEach(byName::remove);
    return List.copyOf(byName.values());
  }

  /** The vendor a process image name stands for, as the rules' lookup join sees it. */
  public static Optional<NameRow> lookup(List<NameRow> table, String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    for (NameRow r : table) if (r.processName().equals(name)) return Optional.of(r);
    return Optional.empty();
  }

  /** The id of the correlation rule of {@code kind} ({@code multi-vendor}, {@code first-seen}). */
  public static String ruleId(String kind) {
    return NameUuid.v5(NameUuid.RMM_NAMESPACE, "correlation/" + kind).toString();
  }

  public List<CorrelationRule> generate(RmmCatalog catalog) {
    String lookup = datatable(table(catalog));
    String multi = lookup
        + "DeviceProcessEvents\n"
        + "| where Timestamp > ago(1d)\n"
        + "| extend ProcessName = tolower(FileName)\n"
        + "| join kind=inner (RmmProcessNames) on ProcessName\n"
        + "| summarize VendorCount = dcount(Vendor), Vendors = make_set(Vendor), Tools = make_set(Tool),"
        + " FirstSeen = min(Timestamp), LastSeen = max(Timestamp) by DeviceId, DeviceName\n"
        + "| where VendorCount > 1\n";
    String first = lookup
        + "let Lookback = 30d;\n"
        + "let Recent = 1d;\n"
        + "DeviceProcessEvents\n"
        + "| where Timestamp > ago(Lookback)\n"
        + "| extend ProcessName = tolower(FileName)\n"
        + "| join kind=inner (RmmProcessNames) on ProcessName\n"
        + "| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Count = count(),"
        + " ProcessNames = make_set(ProcessName) by DeviceId, DeviceName, Tool, Vendor\n"
        + "| where FirstSeen > ago(Recent)\n";
    return List.of(
        rule("multi-vendor", "Remote Management and Monitoring tool - more than one RMM vendor on a host (catalog)",
            "finds hosts where processes of more than one RMM vendor ran within one day. Organisations"
                + " standardise on one tool; a second vendor is often an intruder's own remote access.",
            multi),
        rule("first-seen", "Remote Management and Monitoring tool - first seen on a host in 30 days (catalog)",
            "finds RMM tools that ran on a host in the last day but not in the 29 days before: a new"
                + " remote-access tool on a host deserves a look even when the tool is sanctioned elsewhere.",
            first));
  }

  private static CorrelationRule rule(String kind, String name, String what, String query) {
    String id = ruleId(kind);
    StringBuilder y = new StringBuilder();
    y.append("id: ").append(id).append('\n');
    y.append("name: ").append(YamlText.quote(name)).append('\n');
    YamlText.literalBlock(y, "", "description",
        "kqlhunt RMM pack (correlation): " + what + "\nGenerated from the kqlhunt RMM catalog's process names"
            + " (facts from LOLRMM and jischell-msft, see NOTICE).\n", 2);
    y.append("requiredDataConnectors:\n- connectorId: MicrosoftThreatProtection\n  dataTypes:\n  - DeviceProcessEvents\n");
    y.append("tactics:\n- CommandAndControl\n");
    y.append("relevantTechniques:\n- T1219\n");
    YamlText.literalBlock(y, "", "query", query, 2);
    y.append("tags:\n- RMM\n- ").append(YamlText.quote("rmm-kind:correlation-" + kind)).append('\n');
    return new CorrelationRule(id, kind, name, query, y.toString());
  }

  private static String datatable(List<NameRow> rows) {
    StringBuilder sb = new StringBuilder("let RmmProcessNames = datatable(ProcessName: string, Tool: string, Vendor: string) [\n");
    for (int i = 0; i < rows.size(); i++) {
      NameRow r = rows.get(i);
      sb.append("    ").append(KqlText.literal(r.processName())).append(", ").append(KqlText.literal(r.toolId()))
          .append(", ").append(KqlText.literal(r.vendor())).append(i + 1 < rows.size() ? ",\n" : "\n");
    }
    return sb.append("];\n").toString();
  }

  /** Convenience: every tool's process names as a sorted map (for reports). */
  static Map<String, List<String>> namesByTool(List<NameRow> rows) {
    Map<String, List<String>> out = new TreeMap<>();
    for (NameRow r : rows) out.computeIfAbsent(r.toolId(), k -> new ArrayList<>()).add(r.processName());
    return out;
  }
}
