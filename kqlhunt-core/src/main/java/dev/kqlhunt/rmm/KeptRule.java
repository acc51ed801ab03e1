package dev.kqlhunt.rmm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A published jischell hunting rule kept as it is: the pack emits it with its own id and query text
 * instead of a generated rule, so users who already run it see the same id. Its facts also appear as
 * structured indicators of the tool (with the same provenance).
 *
 * @param id the published rule id (a GUID), never regenerated
 * @param kind the rule kind it corresponds to
 * @param name the published rule name
 * @param query the query text exactly as published, including its trailing white space
 * @param provenance the file it was read from
 */
public record KeptRule(String id, RmmRuleKind kind, String name, String query, Provenance provenance) {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public KeptRule {
    Objects.requireNonNull(id, "id is null");
    if (!GUID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id is not a lower-case GUID: " + id);
    }
    Objects.requireNonNull(kind, "kind is null");
    Require.nonBlank(name, "rule name");
    Objects.requireNonNull(query, "query is null");
    if (query.isBlank()) {
      throw new IllegalArgumentException("rule query is blank");
    }
    Objects.requireNonNull(provenance, "provenance is null");
  }
}
