/**
 * Rule tests as data ({@code *.tests.yaml}): the rule under test, rows per table (inline or files), a
 * reference time or a replay window, optional exclusions, and the expected findings (a count or rows).
 * This package holds the model and its loader; running the cases belongs to the engine integration
 * ({@code kqlhunt test}).
 */
package dev.kqlhunt.rules.testing;
