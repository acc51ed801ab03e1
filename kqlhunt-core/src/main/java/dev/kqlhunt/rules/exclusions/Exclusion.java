package dev.kqlhunt.rules.exclusions;

import dev.kqlhunt.rules.EmbeddedQuery;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tuning entry: rows of {@code table} for which {@code where} is true are removed before the
 * selected rules read the table. {@code where} is a KQL predicate over the table's columns, kept with
 * its position in the exclusions file so its diagnostics point there.
 *
 * @param table the table filtered; null means "the rule's only required table"
 * @param expires last day the entry applies (inclusive, UTC); null when the file gives none
 * @param examples events the entry must remove and near-misses it must keep (its own test data)
 * @param file the exclusions file the entry was read from
 * @param span the entry's span in that file, for reporting
 */
public record Exclusion(
    String id,
    List<RuleSelector> rules,
    String table,
    String reason,
    String owner,
    LocalDate expires,
    EmbeddedQuery where,
    Examples examples,
    SourceText file,
    TextSpan span) {

  public Exclusion {
    Objects.requireNonNull(id, "id is null");
    rules = List.copyOf(rules);
    Objects.requireNonNull(reason, "reason is null");
    Objects.requireNonNull(owner, "owner is null");
    Objects.requireNonNull(where, "where is null");
    Objects.requireNonNull(examples, "examples is null");
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(span, "span is null");
  }

  /**
   * An entry's own test data, rows of its table as written in YAML: every {@code removes} row must
   * match the predicate (the benign event it exists for) and no {@code keeps} row may (the attack that
   * looks like it). Empty when the file gives none.
   */
  public record Examples(List<Map<String, Object>> removes, List<Map<String, Object>> keeps) {
    public static final Examples NONE = new Examples(List.of(), List.of());

    public Examples {
      removes = removes.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
      keeps = keeps.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }
  }

  public boolean appliesTo(SentinelRule rule) {
    for (RuleSelector s : rules) {
      if (s.matches(rule)) return true;
    }
    return false;
  }

  /** Expired entries stop applying: the day after {@code expires}, in UTC. */
  public boolean isExpired(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }
}
