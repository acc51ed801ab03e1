/**
 * Exclusions (tuning): YAML files of entries that remove known-benign rows of a table before a rule
 * reads it. Each entry names its rules (ids, names, globs), a reason, an owner, an expiry date and a KQL
 * predicate; expired entries stop applying and are reported. {@link
 * dev.kqlhunt.rules.RuleCompiler} turns the entries in force into KQL; the engine counts per entry how
 * many rows each removed, for the audit trail.
 */
package dev.kqlhunt.rules.exclusions;
