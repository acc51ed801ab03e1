/**
 * Runs a pack of rules (hundreds of hunting queries over the same few tables) so that rules over the
 * same table share one pass over it instead of one scan each (issue 6).
 *
 * <p>Contract: {@link dev.kqlhunt.pack.PackRunner#run} returns, for every rule, exactly the result
 * that {@link dev.kqlhunt.exec.QueryRunner#run} gives for that rule alone over the same data (same
 * rows in the same order, same diagnostics), except for the memory figures of the result. It gets
 * there by handing each rule a table of candidate rows: a superset, in table order, of the rows its
 * scans keep, found by testing the rule's string conditions once per dictionary entry (all the pack's
 * term and exact keys in one tokenising pass per dictionary), re-coded over a dictionary of only the
 * values those rows hold ({@code Compacted}), so a rule costs its candidates, not the size of the
 * table's dictionaries. The executor re-applies every predicate, so a candidate that does not match is
 * dropped there; a rule whose candidate tables are all empty is not run at all: its result over empty
 * tables was computed when the pack was compiled. See docs/EXECUTION.md, "Packs".
 */
package dev.kqlhunt.pack;
