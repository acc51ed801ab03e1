package dev.kqlhunt.rmm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the pack covers: for every tool, how many rules of each kind it gets; for every kind, how many
 * tools it covers; and which Defender tables the pack reads (the data a deployment must collect). This
 * is the data behind {@code kqlhunt rmm coverage}.
 *
 * @param rows one row per tool, in catalog order
 * @param toolsPerKind number of tools with at least one rule of each kind
 * @param tables the tables the pack's rules read, sorted
 */
public record RmmCoverage(List<Row> rows, Map<RmmRuleKind, Integer> toolsPerKind, List<String> tables) {
  /**
   * @param toolId catalog id
   * @param name display name
   * @param rulesPerKind number of rules of each kind (kept and generated), zero kinds omitted
   */
  public record Row(String toolId, String name, Map<RmmRuleKind, Integer> rulesPerKind) {
    public Row {
      Objects.requireNonNull(toolId, "toolId is null");
      Objects.requireNonNull(name, "name is null");
      rulesPerKind = Map.copyOf(rulesPerKind);
    }

    /** True when the tool has at least one rule. */
    public boolean covered() {
      return !rulesPerKind.isEmpty();
    }
  }

  public RmmCoverage {
    rows = List.copyOf(rows);
    toolsPerKind = Map.copyOf(toolsPerKind);
    tables = List.copyOf(tables);
  }

  /** Coverage of the rules {@code generator} makes from {@code catalog}. */
  public static RmmCoverage of(RmmCatalog catalog, RmmRuleGenerator generator) {
    List<Row> rows = new ArrayList<>();
    Map<RmmRuleKind, Integer> perKind = new EnumMap<>(RmmRuleKind.class);
    TreeSet<String> tables = new TreeSet<>();
    for (RmmTool tool : catalog.tools()) {
      Map<RmmRuleKind, Integer> counts = new EnumMap<>(RmmRuleKind.class);
      for (GeneratedRule r : generator.generate(tool)) {
        counts.merge(r.kind(), 1, Integer::sum);
        tables.add(r.kind().table());
      }
      for (RmmRuleKind k : counts.keySet()) {
        perKind.merge(k, 1, Integer::sum);
      }
      rows.add(new Row(tool.id(), tool.name(), counts));
    }
    return new RmmCoverage(rows, perKind, List.copyOf(tables));
  }

  /** Number of tools with at least one rule. */
  public int coveredTools() {
    int n = 0;
    for (Row r : rows) {
      n += r.covered() ? 1 : 0;
    }
    return n;
  }

  /** A plain-text matrix: one line per tool with a column per rule kind, then totals and tables. */
  public String render() {
    StringBuilder sb = new StringBuilder(String.format("%-40s", "tool"));
    for (RmmRuleKind k : RmmRuleKind.values()) {
      sb.append(String.format(" %-19s", k.slug()));
    }
    sb.append('\n');
    for (Row r : rows) {
      sb.append(String.format("%-40s", r.toolId()));
      for (RmmRuleKind k : RmmRuleKind.values()) {
        Integer n = r.rulesPerKind().get(k);
        sb.append(String.format(" %-19s", n == null ? "-" : n.toString()));
      }
      sb.append('\n');
    }
    sb.append(String.format("%-40s", "tools covered: " + coveredTools() + "/" + rows.size()));
    for (RmmRuleKind k : RmmRuleKind.values()) {
      sb.append(String.format(" %-19d", toolsPerKind.getOrDefault(k, 0)));
    }
    sb.append("\ntables: ").append(String.join(", ", tables)).append('\n');
    return sb.toString();
  }
}
