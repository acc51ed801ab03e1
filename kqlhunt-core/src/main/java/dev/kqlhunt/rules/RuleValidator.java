package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.QueryValidator.QueryAnalysis;
import dev.kqlhunt.rules.RuleParts.EntityMapping;
import dev.kqlhunt.rules.RuleParts.FieldMapping;
import dev.kqlhunt.text.TextSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a loaded rule against Sentinel's rules (what {@code kqlhunt check rule.yaml} reports): id is a
 * GUID, tactics are Sentinel tactic names, techniques are well-formed known ATT&CK ids, the schedule is
 * within Sentinel's limits, entity mappings and custom details name result columns, the query binds.
 *
 * <p>Every diagnostic's span is in the rule file ({@code rule.origin().file()}), query diagnostics
 * included (moved there through {@link PreparedQuery#toFile}). Limits used, from the Sentinel docs:
 * queryFrequency and queryPeriod 5 minutes to 14 days, frequency not above period, triggerThreshold
 * 0..10000, suppression 5 minutes to 24 hours, at most 10 entity mappings of at most 3 identifiers.
 * Stateless apart from its collaborators; thread-safe if the {@link QueryValidator} is.
 */
public final class RuleValidator {
  public static final Duration MIN_SCHEDULE = Duration.ofMinutes(5);
  public static final Duration MAX_SCHEDULE = Duration.ofDays(14);
  public static final Duration MIN_SUPPRESSION = Duration.ofMinutes(5);
  public static final Duration MAX_SUPPRESSION = Duration.ofHours(24);
  public static final int MAX_ENTITY_MAPPINGS = 10;
  public static final int MAX_IDENTIFIERS = 3;

  /** Entity types an analytics rule may map (Sentinel's entity reference). */
  public static final Set<String> ENTITY_TYPES = Set.of(
      "Account", "AzureResource", "CloudApplication", "DNS", "File", "FileHash", "Host", "IP", "IoTDevice",
      "Mailbox", "MailCluster", "MailMessage", "Malware", "Process", "RegistryKey", "RegistryValue",
      "SecurityGroup", "SubmissionMail", "URL");

  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final QueryValidator queries;
  private final AttackTechniques techniques;

  /** @param queries binds the query; null skips the query and column checks (metadata only) */
  public RuleValidator(QueryValidator queries, AttackTechniques techniques) {
    this.queries = queries;
    this.techniques = Objects.requireNonNull(techniques, "techniques is null");
  }

  public RuleValidator(QueryValidator queries) {
    this(queries, AttackTechniques.builtIn());
  }

  /**
   * All problems of {@code rule}; placeholders are substituted with a window ending at {@code now}
   * (the rule's queryPeriod long, or a day for hunting queries) before binding.
   */
  public List<Diagnostic> validate(SentinelRule rule, Instant now) {
    List<Diagnostic> out = new ArrayList<>();
    RuleOrigin origin = rule.origin();
    if (!GUID.matcher(rule.id()).matches()) out.add(Diagnostic.error(RuleErrors.INVALID_ID, origin.span("id"), rule.id()));
    checkTactics(rule, out);
    checkTechniques(rule, out);
    new ScheduleChecks(rule, out).check();
    checkEntityShapes(rule, out);
    if (rule.requiredTables().isEmpty()) {
      out.add(new Diagnostic(RuleErrors.NO_REQUIRED_TABLE, dev.kqlhunt.diag.Severity.INFO,
          RuleErrors.NO_REQUIRED_TABLE.format(), origin.span("requiredDataConnectors")));
    }
    checkQuery(rule, now, out);
    return out;
  }

  private void checkTactics(SentinelRule rule, List<Diagnostic> out) {
    for (int i = 0; i < rule.tactics().size(); i++) {
      String tactic = rule.tactics().get(i);
      if (Tactic.exact(tactic).isPresent()) continue;
      String hint = Tactic.suggest(tactic).map(t -> " (did you mean '" + t.name() + "'?)").orElse("");
      out.add(Diagnostic.error(RuleErrors.UNKNOWN_TACTIC, rule.origin().span("tactics[" + i + "]"), tactic, hint));
    }
  }

  private void checkTechniques(SentinelRule rule, List<Diagnostic> out) {
    for (int i = 0; i < rule.relevantTechniques().size(); i++) {
      String id = rule.relevantTechniques().get(i);
      TextSpan span = rule.origin().span("relevantTechniques[" + i + "]");
      if (!AttackTechniques.isWellFormed(id)) {
        out.add(Diagnostic.error(RuleErrors.MALFORMED_TECHNIQUE, span, id));
        continue;
      }
      switch (techniques.status(id)) {
        case CURRENT -> { }
        case DEPRECATED -> out.add(Diagnostic.warning(RuleErrors.DEPRECATED_TECHNIQUE, span, id));
        case UNKNOWN -> out.add(Diagnostic.warning(RuleErrors.UNKNOWN_TECHNIQUE, span, id));
      }
    }
  }

  private void checkEntityShapes(SentinelRule rule, List<Diagnostic> out) {
    List<EntityMapping> mappings = rule.entityMappings();
    if (mappings.size() > MAX_ENTITY_MAPPINGS) {
      out.add(Diagnostic.error(RuleErrors.TOO_MANY_ENTITY_MAPPINGS, rule.origin().span("entityMappings"),
          mappings.size(), MAX_ENTITY_MAPPINGS));
    }
    for (int i = 0; i < mappings.size(); i++) {
      EntityMapping m = mappings.get(i);
      String path = "entityMappings[" + i + "]";
      if (!ENTITY_TYPES.contains(m.entityType())) {
        out.add(Diagnostic.warning(RuleErrors.UNKNOWN_ENTITY_TYPE, rule.origin().span(path + ".entityType"), m.entityType()));
      }
      if (m.fieldMappings().size() > MAX_IDENTIFIERS) {
        out.add(Diagnostic.error(RuleErrors.TOO_MANY_IDENTIFIERS, rule.origin().span(path),
            m.entityType(), m.fieldMappings().size()));
      }
    }
  }

  private void checkQuery(SentinelRule rule, Instant now, List<Diagnostic> out) {
    if (rule.query().text().isBlank()) {
      out.add(Diagnostic.error(RuleErrors.QUERY_EMPTY, rule.origin().span("query")));
      return;
    }
    Duration window = rule.queryPeriod() != null ? rule.queryPeriod() : Duration.ofDays(1);
    PreparedQuery prepared = rule.query().prepare(Placeholders.forWindow(now.minus(window), now));
    for (var unknown : prepared.unknownPlaceholders()) {
      out.add(rule.query().toFile(Diagnostic.warning(RuleErrors.UNKNOWN_PLACEHOLDER, unknown.span(), unknown.value())));
    }
    if (queries == null) return;
    QueryAnalysis analysis = queries.analyze(prepared.text());
    for (Diagnostic d : analysis.diagnostics()) out.add(prepared.toFile(d));
    if (!analysis.hasErrors()) checkColumns(rule, analysis, out);
  }

  /** Entity mappings and custom details must name columns the query returns. */
  private void checkColumns(SentinelRule rule, QueryAnalysis analysis, List<Diagnostic> out) {
    List<String> columns = analysis.columns().stream().map(QueryValidator.ResultColumn::name).toList();
    for (int i = 0; i < rule.entityMappings().size(); i++) {
      List<FieldMapping> fields = rule.entityMappings().get(i).fieldMappings();
      for (int j = 0; j < fields.size(); j++) {
        String path = "entityMappings[" + i + "].fieldMappings[" + j + "].columnName";
        checkColumn("Entity mapping", fields.get(j).columnName(), columns, rule.origin().span(path), out);
      }
    }
    for (Map.Entry<String, String> detail : rule.customDetails().entrySet()) {
      checkColumn("Custom detail", detail.getValue(), columns, rule.origin().span("customDetails"), out);
    }
  }

  private static void checkColumn(String what, String column, List<String> columns, TextSpan span, List<Diagnostic> out) {
    if (columns.contains(column)) return;
    out.add(Diagnostic.error(RuleErrors.ENTITY_COLUMN_NOT_IN_RESULT, span, what, column, suggestColumn(column, columns)));
  }

  private static String suggestColumn(String column, List<String> columns) {
    Optional<String> caseOnly = columns.stream().filter(c -> c.equalsIgnoreCase(column)).findFirst();
    if (caseOnly.isPresent()) return " (did you mean '" + caseOnly.get() + "'? column names are case-sensitive)";
    String best = null;
    int bestDistance = 3;
    for (String c : columns) {
      int d = EditDistance.levenshtein(c, column, bestDistance);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }
}
