package dev.kqlhunt.rules.hunt;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.CompiledRule;
import dev.kqlhunt.rules.CompiledRule.AppliedExclusion;
import dev.kqlhunt.rules.FileDiagnostic;
import dev.kqlhunt.rules.Placeholders;
import dev.kqlhunt.rules.RequiredTableCheck;
import dev.kqlhunt.rules.RuleCompiler;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.alerts.AlertReplay;
import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs one rule over a list of runs ({@link dev.kqlhunt.rules.schedule.SentinelSchedule}) against a
 * {@link QueryEngine}: selects the exclusions in force on the day of the last run, compiles the rule
 * per run (placeholders take the run's window), raises alerts with suppression, checks that the
 * required tables have data in each run's window (one warning per table, for its first empty run), and
 * counts per exclusion the rows it removed over the whole span the runs read. Stateless.
 */
public final class RuleRunner {
  private final QueryEngine engine;
  private final RuleCompiler compiler = new RuleCompiler();

  public RuleRunner(QueryEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine is null");
  }

  public HuntReport run(SentinelRule rule, List<ExclusionSet> exclusionSets, List<ScheduledRun> runs) {
    if (runs.isEmpty()) return new HuntReport(rule, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    LocalDate today = LocalDate.ofInstant(runs.get(runs.size() - 1).runTime(), ZoneOffset.UTC);
    List<Exclusion> active = new ArrayList<>();
    List<Exclusion> expired = new ArrayList<>();
    for (ExclusionSet set : exclusionSets) {
      ExclusionSet.Selection s = set.select(rule, today);
      active.addAll(s.active());
      expired.addAll(s.expired());
    }
    List<FileDiagnostic> diagnostics = new ArrayList<>();
    Set<String> warnedTables = new LinkedHashSet<>();
    CompiledRule[] last = new CompiledRule[1];
    List<Set<String>> checked = new ArrayList<>(1);
    AlertReplay.Outcome outcome = AlertReplay.replay(rule, runs, run -> {
      CompiledRule compiled = compiler.compile(rule, active,
          Placeholders.forWindow(run.windowStart(), run.windowEnd()));
      if (last[0] == null) {
        diagnostics.addAll(compiled.diagnostics());
        checked.add(tablesToCheck(rule, compiled));
      }
      last[0] = compiled;
      checkData(rule, checked.get(0), run, warnedTables, diagnostics);
      return engine.run(compiled.text(), run.runTime(), run.windowStart(), run.windowEnd());
    });
    List<HuntReport.ExclusionCount> audit = last[0] == null ? List.of() : audit(last[0], runs);
    return new HuntReport(rule, outcome.alerts(), outcome.executed(), outcome.suppressed(), audit, expired, diagnostics);
  }

  /** The declared required tables, else the tables the compiled query reads (as the engine's binder says). */
  private Set<String> tablesToCheck(SentinelRule rule, CompiledRule compiled) {
    return rule.requiredTables().isEmpty()
        ? RequiredTableCheck.tablesToCheck(rule, engine.tablesRead(compiled.text())) : rule.requiredTables();
  }

  private void checkData(SentinelRule rule, Set<String> tables, ScheduledRun run, Set<String> warned,
      List<FileDiagnostic> out) {
    for (String table : tables) {
      if (warned.contains(table)) continue;
      List<Diagnostic> empty = RequiredTableCheck.check(rule, run, Set.of(table), engine::rowCount);
      if (empty.isEmpty()) continue;
      warned.add(table);
      for (Diagnostic d : empty) out.add(new FileDiagnostic(rule.origin().file(), d));
    }
  }

  /** Rows each exclusion's predicate matches in its table, over the union of the runs' windows. */
  private List<HuntReport.ExclusionCount> audit(CompiledRule compiled, List<ScheduledRun> runs) {
    Instant from = runs.stream().map(ScheduledRun::windowStart).min(Instant::compareTo).orElseThrow();
    Instant to = runs.stream().map(ScheduledRun::windowEnd).max(Instant::compareTo).orElseThrow();
    List<HuntReport.ExclusionCount> out = new ArrayList<>();
    for (AppliedExclusion a : compiled.applied()) {
      SourceText query = SourceText.of(a.exclusion().file().name() + " (audit " + a.exclusion().id() + ")", a.auditQuery());
      var result = engine.run(query, to, from, to);
      Object count = result.size() == 1 && !result.columns().isEmpty() ? result.rows().get(0).get(0) : null;
      out.add(new HuntReport.ExclusionCount(a.exclusion(), a.table(), count instanceof Number n ? n.longValue() : 0));
    }
    return out;
  }
}
