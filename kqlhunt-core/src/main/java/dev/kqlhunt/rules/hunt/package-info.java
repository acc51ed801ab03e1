/**
 * Running rules: {@link dev.kqlhunt.rules.hunt.RuleRunner} ties compilation, the schedule, alerts,
 * suppression, the no-data check and the exclusion audit together over a {@link
 * dev.kqlhunt.rules.hunt.QueryEngine} that the integration implements on the local executor.
 */
package dev.kqlhunt.rules.hunt;
