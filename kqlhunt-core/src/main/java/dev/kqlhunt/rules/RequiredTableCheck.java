package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.RuleParts.DataConnector;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The run-time check behind the rule's "Ensure this data connector is enabled" note: a rule whose
 * required table holds no rows in a run's window says so, instead of silently finding nothing.
 * Pure: the caller supplies row counts (the store answers them from segment metadata).
 */
public final class RequiredTableCheck {
  /** Counts a table's rows with a time in [from, to); 0 for an unknown or empty table. */
  @FunctionalInterface
  public interface RowCounter {
    long rows(String table, Instant from, Instant to);
  }

  private RequiredTableCheck() {}

  /**
   * The tables to check: those the rule declares ({@code requiredDataConnectors[].dataTypes}); when it
   * declares none (119 corpus rules), the tables its query reads by name, as the binder reports them.
   */
  public static Set<String> tablesToCheck(SentinelRule rule, Set<String> tablesRead) {
    return rule.requiredTables().isEmpty() ? new LinkedHashSet<>(tablesRead) : rule.requiredTables();
  }

  /** One warning per table without rows in the run's window, at the rule's requiredDataConnectors. */
  public static List<Diagnostic> check(SentinelRule rule, ScheduledRun run, Set<String> tables, RowCounter counter) {
    List<Diagnostic> out = new ArrayList<>();
    for (String table : tables) {
      if (counter.rows(table, run.windowStart(), run.windowEnd()) > 0) continue;
      out.add(Diagnostic.warning(RuleErrors.REQUIRED_TABLE_EMPTY, rule.origin().span("requiredDataConnectors"),
          table, run.windowStart(), run.windowEnd(), connectorsOf(rule, table)));
    }
    return out;
  }

  private static String connectorsOf(SentinelRule rule, String table) {
    List<String> ids = new ArrayList<>();
    for (DataConnector c : rule.requiredDataConnectors()) {
      if (c.dataTypes().contains(table) && !c.connectorId().isEmpty()) ids.add(c.connectorId());
    }
    return ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")";
  }
}
