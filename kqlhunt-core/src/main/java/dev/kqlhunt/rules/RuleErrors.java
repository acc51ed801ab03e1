package dev.kqlhunt.rules;

import dev.kqlhunt.diag.DiagnosticCode;

/**
 * Diagnostic codes of the rules stage ({@code KQL3xxx}): rule YAML files, their validation, exclusion
 * files and rule test files. Ranges: 3001-3009 YAML shape, 3010-3049 rule validation, 3050-3069
 * exclusions, 3070-3089 rule tests, 3090-3099 compilation.
 */
public enum RuleErrors implements DiagnosticCode {
  YAML_SYNTAX("KQL3001", "Malformed YAML: %s"),
  EMPTY_FILE("KQL3002", "The file holds no YAML document"),
  EXPECTED_MAPPING("KQL3003", "Expected a mapping (key: value pairs) for %s, found %s"),
  MISSING_FIELD("KQL3004", "Missing required field '%s'"),
  WRONG_TYPE("KQL3005", "Field '%s' must be %s, found %s"),
  DUPLICATE_KEY("KQL3006", "Duplicate key '%s' (YAML keeps the last one)"),
  MULTIPLE_DOCUMENTS("KQL3007", "The file holds more than one YAML document; only the first is read"),

  INVALID_ID("KQL3010", "Rule id '%s' is not a GUID"),
  UNKNOWN_TACTIC("KQL3011", "Unknown tactic '%s'%s"),
  MALFORMED_TECHNIQUE("KQL3012", "'%s' is not an ATT&CK technique id (expected T1234 or T1234.001)"),
  UNKNOWN_TECHNIQUE("KQL3013", "Unknown ATT&CK technique id '%s'"),
  DEPRECATED_TECHNIQUE("KQL3014", "ATT&CK technique '%s' is deprecated or revoked"),
  INVALID_DURATION("KQL3015", "'%s' is not a duration (expected e.g. 5m, 1h, 14d or PT5H)"),
  DURATION_OUT_OF_RANGE("KQL3016", "%s %s is outside Sentinel's range %s..%s"),
  FREQUENCY_ABOVE_PERIOD("KQL3017", "queryFrequency %s is longer than queryPeriod %s: events would go unread"),
  NRT_WITH_SCHEDULE("KQL3018", "An NRT rule runs every minute over new events; '%s' does not apply"),
  MISSING_SCHEDULE("KQL3019", "A scheduled rule needs '%s'"),
  INVALID_TRIGGER_OPERATOR("KQL3020", "Unknown triggerOperator '%s' (expected gt, lt, eq or ne)"),
  INVALID_TRIGGER_THRESHOLD("KQL3021", "triggerThreshold '%s' must be an integer in 0..10000"),
  INVALID_SEVERITY("KQL3022", "Unknown severity '%s' (expected Informational, Low, Medium or High)"),
  UNKNOWN_ENTITY_TYPE("KQL3023", "Unknown entity type '%s'"),
  ENTITY_COLUMN_NOT_IN_RESULT("KQL3024", "%s column '%s' is not a column of the query's result%s"),
  TOO_MANY_ENTITY_MAPPINGS("KQL3025", "%d entity mappings; Sentinel allows at most %d"),
  TOO_MANY_IDENTIFIERS("KQL3026", "Entity '%s' has %d identifiers; Sentinel allows at most 3"),
  UNKNOWN_KIND("KQL3027", "Unknown rule kind '%s' (expected Scheduled or NRT)"),
  QUERY_EMPTY("KQL3028", "The query is empty"),
  UNKNOWN_PLACEHOLDER("KQL3029", "Placeholder '%s' is not substituted; the query sees it as written"),
  INVALID_SUPPRESSION("KQL3030", "suppressionDuration %s is outside Sentinel's range 5m..24h"),
  INVALID_BOOLEAN("KQL3031", "Field '%s' must be true or false, found '%s'"),
  NO_REQUIRED_TABLE("KQL3032", "requiredDataConnectors names no table; the no-data check falls back to the tables the query reads"),
  SCHEDULED_WITHOUT_SCHEDULE("KQL3034", "kind Scheduled without queryFrequency or queryPeriod: read as a hunting query"),
  REQUIRED_TABLE_EMPTY("KQL3040", "Table '%s' has no rows between %s and %s: ensure its data connector%s is enabled; without it the rule finds nothing"),
  UNKNOWN_EVENT_GROUPING("KQL3033", "Unknown eventGroupingSettings.aggregationKind '%s' (expected SingleAlert or AlertPerResult)"),

  EXCLUSION_INVALID_DATE("KQL3050", "'%s' is not a date (expected yyyy-MM-dd)"),
  EXCLUSION_EXPIRED("KQL3051", "Exclusion '%s' expired on %s and no longer applies"),
  EXCLUSION_DUPLICATE_ID("KQL3052", "Exclusion id '%s' is used twice"),
  EXCLUSION_NO_TARGET("KQL3053", "Exclusion '%s' names no rule to apply to"),
  EXCLUSION_PREDICATE_ERROR("KQL3054", "Exclusion '%s': its 'where' predicate does not bind: %s"),
  EXCLUSION_MATCHES_NO_RULE("KQL3055", "Exclusion '%s' matches no loaded rule"),
  EXCLUSION_TABLE_NOT_READ("KQL3056", "Exclusion '%s' filters table '%s', which rule '%s' does not read by name"),
  EXCLUSION_INVALID_ID("KQL3057", "Exclusion id '%s' must be letters, digits, '-', '_' or '.'"),
  EXCLUSION_NO_EXPIRY("KQL3058", "Exclusion '%s' has no 'expires' date; tuning should be reviewed, give it one"),
  EXCLUSION_TABLE_AMBIGUOUS("KQL3059", "Exclusion '%s' names no 'table' and rule '%s' requires %s; say which table it filters"),

  TEST_NO_EXPECTATION("KQL3070", "Test '%s' states no expectation (expect.count or expect.rows)"),
  TEST_INVALID_TIME("KQL3071", "'%s' is not a datetime (expected ISO 8601, e.g. 2026-11-20T10:00:00Z)"),
  TEST_TABLE_SOURCE("KQL3072", "Table '%s' needs exactly one of 'rows' or 'file'"),
  TEST_NEGATIVE_COUNT("KQL3073", "expect.count must be a non-negative integer, found '%s'"),
  TEST_DUPLICATE_NAME("KQL3074", "Test name '%s' is used twice"),
  TEST_MISSING_FILE("KQL3075", "File '%s' does not exist"),
  TEST_TIME_WINDOW("KQL3076", "Test '%s' needs either 'now' or both 'from' and 'to' (from before to)"),
  TEST_NO_TABLES("KQL3077", "Test '%s' gives no table rows"),

  COMPILE_TABLE_READ_INDIRECTLY("KQL3090", "Rule '%s' reads tables indirectly (%s); exclusions on '%s' may not apply");

  private final String id;
  private final String template;

  RuleErrors(String id, String template) {
    this.id = id;
    this.template = template;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String template() {
    return template;
  }
}
