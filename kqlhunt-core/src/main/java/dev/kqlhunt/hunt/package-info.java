/**
 * Wiring of a hunt: events in memory ({@link dev.kqlhunt.hunt.EventData}, from {@code --data} files via
 * {@link dev.kqlhunt.hunt.DataFiles}), the engine adapter ({@link dev.kqlhunt.hunt.LocalEngine}: the
 * local executor over those events or a store, each run seeing only the rows of its window), the window
 * rules run in ({@link dev.kqlhunt.hunt.HuntWindow}), {@link dev.kqlhunt.hunt.Hunter} running rules with
 * exclusions into a {@link dev.kqlhunt.report.HuntResult}, the bundled rules/exclusions/tests ({@link
 * dev.kqlhunt.hunt.BundledContent}), the rule test runner ({@link dev.kqlhunt.hunt.RuleTestRunner}) and
 * the exclusion examples runner ({@link dev.kqlhunt.hunt.ExclusionExamples}). Never throws for bad
 * rules or data: failures are values in the result (docs/HUNT.md).
 */
package dev.kqlhunt.hunt;
