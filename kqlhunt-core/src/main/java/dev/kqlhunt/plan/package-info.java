/**
 * The logical plan: backend-neutral relational operators ({@link dev.kqlhunt.plan.PlanNode}) built from
 * the bound tree by {@link dev.kqlhunt.plan.Planner}, then rewritten by small {@link
 * dev.kqlhunt.plan.PlanRule} objects ({@link dev.kqlhunt.plan.PushFiltersIntoScan}, then {@link
 * dev.kqlhunt.plan.PruneColumns}; {@link dev.kqlhunt.plan.ColumnRefs} says which columns an expression
 * reads). A rule never changes the plan's output columns or rows.
 *
 * <p>Contract: a plan node is an immutable record whose constructor validates it; expressions are the
 * binder's {@link dev.kqlhunt.binder.BoundExpr} (typed, no positions). Every node knows its output
 * columns. Planning never fails: an operator no backend can run becomes {@link
 * dev.kqlhunt.plan.PlanNode.Unsupported}, which the executor reports as a KQL5xxx error when reached.
 * Nothing here imports {@code dev.kqlhunt.syntax}. Thread-safe (pure functions over immutable data).
 */
package dev.kqlhunt.plan;
