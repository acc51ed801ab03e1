package dev.kqlhunt.rmm;

import java.util.Objects;

/**
 * One hunting rule of the RMM pack.
 *
 * @param id the rule id: a kept jischell id, or the name-based UUID of {@code toolId/kind}
 * @param toolId the catalog id of the tool the rule hunts
 * @param kind what the rule matches; {@link RmmRuleKind#table()} is the table it reads
 * @param name the rule name
 * @param query the KQL query
 * @param kept true when the rule is a published jischell rule emitted verbatim
 * @param yaml the rule as Sentinel hunting-query YAML
 */
public record GeneratedRule(
    String id, String toolId, RmmRuleKind kind, String name, String query, boolean kept, String yaml) {
  public GeneratedRule {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(toolId, "toolId is null");
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(query, "query is null");
    Objects.requireNonNull(yaml, "yaml is null");
  }

  /** A file name for the rule: {@code rmm_<tool>_<kind>.yaml}, unique within the pack. */
  public String fileName() {
    return "rmm_" + toolId + "_" + kind.slug() + (kept ? "" : "_catalog") + ".yaml";
  }
}
