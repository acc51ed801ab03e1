package dev.kqlhunt.rmm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Generates the RMM hunting pack from the catalog: per tool, every kept jischell rule verbatim (its id,
 * name and query text), and per rule kind one generated rule over the tool's indicators of that kind
 * with confidence at least {@link #minConfidence()}, leaving out facts a kept rule already states (those
 * whose provenance is the kept rule's file). Generated rule ids are {@link NameUuid#v5} of
 * {@code "<tool id>/<kind slug>"} in {@link NameUuid#RMM_NAMESPACE}, so they never change between runs.
 *
 * <p>Output order is deterministic: tools in catalog order, then kept rules, then generated rules in
 * {@link RmmRuleKind} order. Instances are immutable and thread-safe.
 */
public final class RmmRuleGenerator {
  private final Confidence minConfidence;

  /** A generator that skips low-confidence indicators, the default for the shipped pack. */
  public RmmRuleGenerator() {
    this(Confidence.MEDIUM);
  }

  public RmmRuleGenerator(Confidence minConfidence) {
    this.minConfidence = Objects.requireNonNull(minConfidence, "minConfidence is null");
  }

  public Confidence minConfidence() {
    return minConfidence;
  }

  /** The id of the generated rule of {@code kind} for {@code toolId}. */
  public static String ruleId(String toolId, RmmRuleKind kind) {
    return NameUuid.v5(NameUuid.RMM_NAMESPACE, toolId + "/" + kind.slug()).toString();
  }

  /** Every rule of the pack. */
  public List<GeneratedRule> generate(RmmCatalog catalog) {
    List<GeneratedRule> out = new ArrayList<>();
    for (RmmTool t : catalog.tools()) {
      out.addAll(generate(t));
    }
    return out;
  }

  /** The rules for one tool. */
  public List<GeneratedRule> generate(RmmTool tool) {
    List<GeneratedRule> out = new ArrayList<>();
    Set<Provenance> covered = new HashSet<>();
    for (KeptRule k : tool.keptRules()) {
      covered.add(k.provenance());
      out.add(rule(tool, k.id(), k.kind(), k.name(), k.query(), true));
    }
    for (Map.Entry<RmmRuleKind, List<Indicator>> e : usableByKind(tool, covered).entrySet()) {
      RmmRuleKind kind = e.getKey();
      String name = "Remote Management and Monitoring tool - " + tool.name() + " - " + kind.title() + " (catalog)";
      String query = RmmQueries.render(kind, e.getValue());
      out.add(rule(tool, ruleId(tool.id(), kind), kind, name, query, false));
    }
    return out;
  }

  /** Indicators that feed generated rules, grouped by rule kind in enum order. */
  public Map<RmmRuleKind, List<Indicator>> usableByKind(RmmTool tool) {
    Set<Provenance> covered = new HashSet<>();
    for (KeptRule k : tool.keptRules()) {
      covered.add(k.provenance());
    }
    return usableByKind(tool, covered);
  }

  private Map<RmmRuleKind, List<Indicator>> usableByKind(RmmTool tool, Set<Provenance> covered) {
    Map<RmmRuleKind, List<Indicator>> byKind = new EnumMap<>(RmmRuleKind.class);
    for (Indicator i : tool.indicators()) {
      if (i.confidence().atLeast(minConfidence) && !covered.contains(i.provenance())) {
        byKind.computeIfAbsent(i.kind().ruleKind(), k -> new ArrayList<>()).add(i);
      }
    }
    return byKind;
  }

  private static GeneratedRule rule(
      RmmTool tool, String id, RmmRuleKind kind, String name, String query, boolean kept) {
    return new GeneratedRule(id, tool.id(), kind, name, query, kept, SentinelYaml.hunting(tool, id, kind, name, query, kept));
  }
}
