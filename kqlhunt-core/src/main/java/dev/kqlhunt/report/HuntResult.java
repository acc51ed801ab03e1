package dev.kqlhunt.report;

import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.rules.hunt.HuntReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one {@code kqlhunt hunt} produced, the input of every output format.
 *
 * @param referenceTime {@code now()} of hunting queries and the end of the replay
 * @param replayFrom start of the replay of scheduled rules; null when rules ran once at the reference time
 * @param rules one report per rule that ran, in rule order
 * @param errors rules that could not run (their query failed), as rendered messages
 * @param dataSource a short description of the data hunted over (files, store, bundled sample)
 * @param notes run-level remarks every format shows (expired allow-list entries, kinds an allow-list
 *     leaves alerting, rejected data records)
 * @param allowListSources names of the exclusion sources compiled from RMM allow-lists, so that the
 *     audit can say what the allow-list (rather than a hand-written exclusion) suppressed
 */
public record HuntResult(
    Instant referenceTime, Instant replayFrom, List<HuntReport> rules, List<RuleError> errors, String dataSource,
    List<String> notes, Set<String> allowListSources) {
  public HuntResult {
    Objects.requireNonNull(referenceTime, "referenceTime is null");
    rules = List.copyOf(rules);
    errors = List.copyOf(errors);
    Objects.requireNonNull(dataSource, "dataSource is null");
    notes = List.copyOf(notes);
    allowListSources = Set.copyOf(allowListSources);
  }

  public HuntResult(Instant referenceTime, Instant replayFrom, List<HuntReport> rules, List<RuleError> errors,
      String dataSource) {
    this(referenceTime, replayFrom, rules, errors, dataSource, List.of(), Set.of());
  }

  /** This result with run-level notes and the names of allow-list exclusion sources. */
  public HuntResult with(List<String> notes, Set<String> allowListSources) {
    return new HuntResult(referenceTime, replayFrom, rules, errors, dataSource, notes, allowListSources);
  }

  /** Whether {@code e} was compiled from an RMM allow-list. */
  public boolean fromAllowList(Exclusion e) {
    return allowListSources.contains(e.file().name());
  }

  /** Events removed by exclusions over all rules: [hand-written exclusions, allow-list entries]. */
  public long[] removedEvents() {
    long[] out = new long[2];
    for (HuntReport r : rules) {
      for (HuntReport.ExclusionCount c : r.audit()) out[fromAllowList(c.exclusion()) ? 1 : 0] += c.removed();
    }
    return out;
  }

  /** A rule that failed to run. */
  public record RuleError(String ruleId, String ruleName, String message) {
    public RuleError {
      Objects.requireNonNull(message, "message is null");
    }
  }

  /** Every finding of every rule, in rule order then run order. */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (HuntReport r : rules) r.alerts().forEach(a -> out.add(Finding.of(a)));
    return out;
  }

  /** The findings of one rule. */
  public static List<Finding> findings(HuntReport report) {
    return report.alerts().stream().map(Finding::of).toList();
  }

  /** Count of all findings. */
  public int findingCount() {
    int n = 0;
    for (HuntReport r : rules) n += r.alerts().size();
    return n;
  }
}
