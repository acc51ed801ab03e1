package dev.kqlhunt.pack;

import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a {@link CompiledPack}.
 *
 * @param query the rule
 * @param prepared its parsed, bound and planned query
 * @param onEmpty its result when every table it scans is empty, or null when the rule is not shared
 *     (it has errors, reads tables in ways a pack cannot narrow, or fails on empty tables): then it
 *     runs alone over the whole data
 * @param reads per table the rule scans: the conditions of each scan and the columns it reads
 */
record PackRule(PackQuery query, QueryRunner.Prepared prepared, QueryResult onEmpty, Map<String, TableUse> reads) {
  PackRule {
    Objects.requireNonNull(query, "query is null");
    Objects.requireNonNull(prepared, "prepared is null");
    reads = Map.copyOf(reads);
  }

  /**
   * How a rule reads one table.
   *
   * @param scans the conditions of each scan of the table
   * @param columns the columns its scans read, or null for all (or when not known)
   */
  record TableUse(List<ScanConditions> scans, java.util.Set<String> columns) {
    TableUse {
      scans = List.copyOf(scans);
      columns = columns == null ? null : java.util.Set.copyOf(columns);
    }
  }

  boolean shared() {
    return onEmpty != null;
  }

  /**
   * The conditions of one scan: every row the scan keeps meets each option (a disjunction); the
   * runner picks the most selective. No option: the scan needs the whole table.
   */
  record ScanConditions(List<Alt.AnyOf> options) {
    ScanConditions {
      options = List.copyOf(options);
    }
  }
}
