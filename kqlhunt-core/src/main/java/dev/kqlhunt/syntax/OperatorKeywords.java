package dev.kqlhunt.syntax;

import java.util.Set;

/** Names of tabular operators, for dispatch decisions outside the main switch. */
final class OperatorKeywords {
  private static final Set<String> GENERIC = Set.of(
      "make-graph", "graph-match", "graph-merge", "graph-to-table", "graph-shortest-paths",
      "graph-mark-components", "macro-expand", "assert-schema",
      "partition-by", "project-by-names");

  private static final Set<String> OPERATORS = Set.of(
      "where", "filter", "extend", "project", "project-away", "project-keep", "project-rename",
      "project-reorder", "summarize", "sort", "order", "take", "limit", "top", "distinct", "join",
      "lookup", "union", "as", "render", "evaluate", "invoke", "serialize", "sample", "sample-distinct",
      "count", "getschema", "consume", "mv-expand", "mv-apply", "parse", "parse-where", "parse-kv",
      "make-series", "top-nested", "top-hitters", "fork", "facet", "partition", "reduce", "scan",
      "search", "find", "print", "range", "mvexpand", "mvapply");

  private OperatorKeywords() {}

  static boolean isGeneric(String word) {
    return GENERIC.contains(word);
  }

  /** True for words that name an operator usable after a pipe or at the start of a subquery. */
  static boolean isOperator(String word) {
    return OPERATORS.contains(word) || GENERIC.contains(word);
  }
}
