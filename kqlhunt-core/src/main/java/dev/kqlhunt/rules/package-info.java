/**
 * Sentinel rules: the model of analytics rules and hunting queries as their YAML files state them
 * ({@link dev.kqlhunt.rules.SentinelRule}), loading with exact positions ({@link
 * dev.kqlhunt.rules.RuleLoader}), validation against Sentinel's rules ({@link
 * dev.kqlhunt.rules.RuleValidator}, codes {@code KQL3xxx} in {@link dev.kqlhunt.rules.RuleErrors}), and
 * compilation with exclusions into the KQL text that runs ({@link dev.kqlhunt.rules.RuleCompiler}),
 * the replay schedule ({@code schedule}), alerts from run results ({@code alerts}), exclusion files
 * ({@code exclusions}) and rule test files ({@code testing}).
 *
 * <p>Contracts:
 * <ul>
 *   <li>Loaders never throw on bad input; they return a {@link dev.kqlhunt.rules.LoadResult} whose
 *       diagnostics point into the file ({@code file:line:col: error KQL3001: ...}).
 *   <li>A rule's query keeps an exact map back to the YAML file for every scalar style ({@link
 *       dev.kqlhunt.rules.EmbeddedQuery}); diagnostics from the parser/binder on the query are moved
 *       onto the file with {@code toFile} and rendered against it.
 *   <li>This package depends on the KQL front end only through {@link
 *       dev.kqlhunt.rules.QueryValidator}, which the integration supplies (the binder).
 *   <li>Sentinel semantics decided here, each documented where it is implemented: placeholder
 *       substitution ({@link dev.kqlhunt.rules.Placeholders}), exclusions filter source tables before the
 *       query ({@link dev.kqlhunt.rules.RuleCompiler}), the replay schedule ({@link
 *       dev.kqlhunt.rules.schedule.SentinelSchedule}), limits ({@link dev.kqlhunt.rules.RuleValidator}),
 *       ATT&amp;CK ids ({@code attack-techniques.tsv}, with its source and date).
 * </ul>
 */
package dev.kqlhunt.rules;
