package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.List;
import java.util.Objects;

/**
 * The KQL text that runs for a rule: a header of {@code let} statements that shadow each filtered
 * table with its exclusions applied, then the rule's query (placeholders substituted). See {@link
 * RuleCompiler} for why. {@link #locate} carries a diagnostic on this text back to the file the user
 * wrote (the rule file, or the exclusions file for a predicate). Immutable.
 */
public final class CompiledRule {
  private final SentinelRule rule;
  private final SourceText text;
  private final PreparedQuery query;
  private final int queryOffset;
  private final List<AppliedExclusion> applied;
  private final List<FileDiagnostic> diagnostics;

  CompiledRule(SentinelRule rule, SourceText text, PreparedQuery query, int queryOffset,
      List<AppliedExclusion> applied, List<FileDiagnostic> diagnostics) {
    this.rule = Objects.requireNonNull(rule, "rule is null");
    this.text = Objects.requireNonNull(text, "text is null");
    this.query = Objects.requireNonNull(query, "query is null");
    this.queryOffset = queryOffset;
    this.applied = List.copyOf(applied);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** An exclusion in force, the table it filters, and where its predicate sits in the compiled text. */
  public record AppliedExclusion(Exclusion exclusion, String table, int predicateOffset) {
    /**
     * The query that counts the rows this exclusion removes from {@code table}, for the audit trail:
     * run it over the same window as the rule; null predicate results count as not removed.
     */
    public String auditQuery() {
      return table + "\n| where (\n" + exclusion.where().text() + "\n) == true\n| count";
    }
  }

  public SentinelRule rule() {
    return rule;
  }

  /** The text to parse and run. */
  public SourceText text() {
    return text;
  }

  public List<AppliedExclusion> applied() {
    return applied;
  }

  /** Problems found while compiling (ambiguous tables, tables read indirectly). */
  public List<FileDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** The diagnostic moved to the file whose text it is about. */
  public FileDiagnostic locate(Diagnostic d) {
    int start = d.span().start();
    if (start >= queryOffset) {
      Diagnostic shifted = new Diagnostic(d.code(), d.severity(), d.message(), d.span().shift(-queryOffset));
      return new FileDiagnostic(rule.query().file(), query.toFile(shifted));
    }
    AppliedExclusion owner = null;
    for (AppliedExclusion a : applied) {
      if (a.predicateOffset() <= start) owner = a;
    }
    if (owner == null) return new FileDiagnostic(rule.query().file(), new Diagnostic(d.code(), d.severity(),
        d.message(), rule.origin().span("query")));
    EmbeddedQuery where = owner.exclusion().where();
    int local = Math.min(start - owner.predicateOffset(), where.text().length());
    int length = Math.min(d.span().length(), where.text().length() - local);
    Diagnostic inPredicate = new Diagnostic(d.code(), d.severity(), d.message(), new TextSpan(local, Math.max(0, length)));
    return new FileDiagnostic(owner.exclusion().file(), where.toFile(inPredicate));
  }
}
