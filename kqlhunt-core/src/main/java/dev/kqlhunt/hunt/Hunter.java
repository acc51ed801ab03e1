package dev.kqlhunt.hunt;

import dev.kqlhunt.report.HuntResult;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.rules.hunt.HuntReport;
import dev.kqlhunt.rules.hunt.QueryEngine;
import dev.kqlhunt.rules.hunt.RuleRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a set of rules with their exclusions over one engine in one {@link HuntWindow} and collects a
 * {@link HuntResult}. A rule whose query fails, or whose schedule cannot be computed, becomes a {@link
 * HuntResult.RuleError} and the hunt goes on with the other rules. Stateless apart from the engine.
 */
public final class Hunter {
  private final QueryEngine engine;
  private final RuleRunner runner;

  public Hunter(QueryEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine is null");
    this.runner = new RuleRunner(engine);
  }

  public HuntResult hunt(List<SentinelRule> rules, List<ExclusionSet> exclusions, HuntWindow window, String dataSource) {
    List<HuntReport> reports = new ArrayList<>();
    List<HuntResult.RuleError> errors = new ArrayList<>();
    for (SentinelRule rule : rules) {
      try {
        reports.add(hunt(rule, exclusions, window));
      } catch (QueryEngine.QueryFailure | IllegalArgumentException e) {
        errors.add(new HuntResult.RuleError(rule.id(), rule.name(), e.getMessage()));
      }
    }
    return new HuntResult(window.to(), window.from(), reports, errors, dataSource);
  }

  /** One rule's report; query failures propagate as {@link QueryEngine.QueryFailure}. */
  public HuntReport hunt(SentinelRule rule, List<ExclusionSet> exclusions, HuntWindow window) {
    return runner.run(rule, exclusions, window.runs(rule));
  }

  public QueryEngine engine() {
    return engine;
  }
}
