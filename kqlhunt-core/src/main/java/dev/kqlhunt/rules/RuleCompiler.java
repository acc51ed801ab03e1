package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.CompiledRule.AppliedExclusion;
import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.text.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a rule and the exclusions in force into the KQL text to run.
 *
 * <p>Exclusions filter the <em>source table</em> before the rule's query reads it, by prepending one
 * {@code let} per filtered table that shadows the table with its filtered self:
 *
 * <pre>
 * let DeviceProcessEvents = DeviceProcessEvents
 * // exclusion rdp-plus-backup-tools
 * | where not((
 * FileName in~ ("vssadmin.exe", "wbadmin.exe") and ...
 * ) == true);
 * ...the rule's query, unchanged...
 * </pre>
 *
 * Why this shape (ARCHITECTURE decision 6 says "appended"; we deviate on purpose):
 * <ul>
 *   <li>Appending {@code | where not(p)} to the query only works when the query's output still has the
 *       columns {@code p} reads; the seed rule summarises by device, so a predicate on
 *       {@code InitiatingProcessFileName} would not even bind. Filtering the input works for any query.
 *   <li>Kusto resolves {@code let T = T | ...} to the database table on the right-hand side and to the
 *       let everywhere after it (checked against the official parser), so every by-name read of the
 *       table in the rule, in joins, unions and lets, sees the filtered rows; a rule reading several
 *       tables gets one {@code let} per filtered table, the others untouched. {@code set} and
 *       {@code declare query_parameters} statements may follow lets, so prepending is always valid.
 *   <li>{@code not((p) == true)} rather than {@code not(p)}: when {@code p} is null (a null number or
 *       datetime column), {@code not(p)} is null and {@code where} would drop the row, silently hiding
 *       events no one excluded. {@code null == true} is false, so such rows are kept.
 *   <li>The predicate sits on lines of its own, so a trailing {@code //} comment in it cannot swallow
 *       the closing parentheses.
 * </ul>
 * Known gap: reads the binder cannot name statically ({@code table("...")}, wildcard unions, stored
 * functions) bypass the shadow; such rules get a {@code KQL3090} warning (a textual check until the
 * binder's {@link QueryValidator.QueryAnalysis#readsTablesIndirectly()} is wired in). Stateless.
 */
public final class RuleCompiler {
  private static final Pattern INDIRECT =
      Pattern.compile("\\btable\\s*\\(|\\bdatabase\\s*\\(|\\bunion\\b[^|;]*\\*|\\bsearch\\b");

  /**
   * Compiles {@code rule} with the {@code active} exclusions (those that apply and have not expired;
   * see {@link ExclusionSet#select}) and placeholder values for its window.
   */
  public CompiledRule compile(SentinelRule rule, List<Exclusion> active, Map<String, String> placeholders) {
    List<FileDiagnostic> diagnostics = new ArrayList<>();
    Map<String, List<Exclusion>> byTable = new LinkedHashMap<>();
    for (Exclusion e : active) {
      String table = tableOf(e, rule, diagnostics);
      if (table != null) byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(e);
    }
    PreparedQuery query = rule.query().prepare(placeholders);
    checkReads(rule, query, byTable, diagnostics);
    StringBuilder text = new StringBuilder();
    List<AppliedExclusion> applied = new ArrayList<>();
    for (Map.Entry<String, List<Exclusion>> entry : byTable.entrySet()) {
      appendLet(text, entry.getKey(), entry.getValue(), applied);
    }
    int queryOffset = text.length();
    text.append(query.text().text());
    SourceText source = SourceText.of(rule.query().file().name() + " (compiled)", text.toString());
    return new CompiledRule(rule, source, query, queryOffset, applied, diagnostics);
  }

  /** The rule's query alone (no exclusions), placeholders substituted. */
  public CompiledRule compile(SentinelRule rule, Map<String, String> placeholders) {
    return compile(rule, List.of(), placeholders);
  }

  private static void appendLet(StringBuilder text, String table, List<Exclusion> entries,
      List<AppliedExclusion> applied) {
    text.append("let ").append(table).append(" = ").append(table).append('\n');
    for (Exclusion e : entries) {
      text.append("// exclusion ").append(e.id()).append('\n').append("| where not((\n");
      applied.add(new AppliedExclusion(e, table, text.length()));
      text.append(e.where().text());
      text.append("\n) == true)\n");
    }
    text.setLength(text.length() - 1);
    text.append(";\n");
  }

  private static String tableOf(Exclusion e, SentinelRule rule, List<FileDiagnostic> out) {
    if (e.table() != null) return e.table();
    if (rule.requiredTables().size() == 1) return rule.requiredTables().iterator().next();
    String required = rule.requiredTables().isEmpty() ? "no table" : String.join(", ", rule.requiredTables());
    out.add(new FileDiagnostic(e.file(), Diagnostic.error(RuleErrors.EXCLUSION_TABLE_AMBIGUOUS, e.span(),
        e.id(), rule.name(), required)));
    return null;
  }

  private static void checkReads(SentinelRule rule, PreparedQuery prepared, Map<String, List<Exclusion>> byTable,
      List<FileDiagnostic> out) {
    String query = prepared.text().text();
    for (Map.Entry<String, List<Exclusion>> entry : byTable.entrySet()) {
      String table = entry.getKey();
      Exclusion first = entry.getValue().get(0);
      if (!Pattern.compile("\\b" + Pattern.quote(table) + "\\b").matcher(query).find()) {
        out.add(new FileDiagnostic(first.file(), Diagnostic.warning(RuleErrors.EXCLUSION_TABLE_NOT_READ, first.span(),
            first.id(), table, rule.name())));
      }
      var indirect = INDIRECT.matcher(query);
      if (indirect.find()) {
        out.add(new FileDiagnostic(rule.query().file(), prepared.toFile(Diagnostic.warning(
            RuleErrors.COMPILE_TABLE_READ_INDIRECTLY, new dev.kqlhunt.text.TextSpan(indirect.start(),
                indirect.end() - indirect.start()), rule.name(), indirect.group().trim(), table))));
      }
    }
  }
}
