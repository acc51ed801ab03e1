package dev.kqlhunt.plan;

/**
 * One plan rewrite: a pattern it looks for and what it turns it into. A rule returns its input
 * unchanged (the same instance) where the pattern does not occur, and must keep the plan's output
 * columns and rows identical. Rules are stateless and thread-safe.
 */
public interface PlanRule {
  PlanNode rewrite(PlanNode plan);
}
