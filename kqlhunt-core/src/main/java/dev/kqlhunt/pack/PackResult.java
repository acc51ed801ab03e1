package dev.kqlhunt.pack;

import dev.kqlhunt.exec.QueryResult;
import java.util.Map;
import java.util.Objects;

/**
 * The results of a pack run, one per rule in pack order, and what the run did.
 *
 * @param results rule id to its result (the same as running the rule alone)
 * @param candidates rule id to the candidate rows it was run over (summed over its tables), or -1
 *     when it ran over whole tables
 * @param stats counts of the run
 */
public record PackResult(Map<String, QueryResult> results, Map<String, Integer> candidates, Stats stats) {
  public PackResult {
    Objects.requireNonNull(results, "results is null");
    Objects.requireNonNull(candidates, "candidates is null");
    Objects.requireNonNull(stats, "stats is null");
  }

  /**
   * @param tablesRead tables read once for the shared rules
   * @param columnsPassed string columns whose codes were read once to route rows
   * @param rulesRunOnCandidates shared rules run over their candidate rows
   * @param rulesSkipped shared rules with no candidate row: their empty-input result was used
   * @param rulesWhole rules run over whole tables (alone, or a scan without usable condition)
   * @param candidateRows candidate rows handed to rules, summed over rules
   * @param routeNanos time spent reading the tables and routing rows
   * @param routeNanosByTable the same per table
   * @param runNanos time spent running rules
   */
  public record Stats(int tablesRead, int columnsPassed, int rulesRunOnCandidates, int rulesSkipped, int rulesWhole,
      long candidateRows, long routeNanos, Map<String, Long> routeNanosByTable, long runNanos) {}
}
