/**
 * Output formats of a hunt: {@link dev.kqlhunt.report.HuntResult} (rule reports from {@code
 * rules.hunt}) rendered as {@code table}, {@code json}, {@code csv}, {@code sarif} or {@code html} by a
 * {@link dev.kqlhunt.report.ReportWriter} ({@link dev.kqlhunt.report.ReportFormat} names them).
 * Writers are pure functions of the result, deterministic (same result, same bytes), and escape every
 * data value for their format: events are attacker-controlled.
 */
package dev.kqlhunt.report;
