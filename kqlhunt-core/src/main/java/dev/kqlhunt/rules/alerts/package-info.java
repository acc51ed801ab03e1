/**
 * Alerts: how one run's result becomes alerts (trigger threshold, single alert or one per result with
 * Sentinel's cap of 150, entities, alert detail overrides, custom details, stable ids), and how a replay
 * of runs applies suppression. Pure functions over {@link dev.kqlhunt.rules.alerts.ResultTable}; the
 * engine supplies results through {@link dev.kqlhunt.rules.alerts.AlertReplay.RunExecutor}.
 */
package dev.kqlhunt.rules.alerts;
