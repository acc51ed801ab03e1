package dev.kqlhunt.symbols;

/**
 * What a catalogued function is. Window functions are scalar in Kusto's grammar but need a serialized
 * row set ({@code serialize}, {@code order by}, ...); the binder may check that context.
 */
public enum FunctionKind {
  /** A per-row function: {@code strlen(x)}. */
  SCALAR,
  /** A function used by {@code summarize}/{@code make-series}: {@code count()}, {@code arg_max(...)}. */
  AGGREGATE,
  /** A scalar over a serialized row set: {@code row_number()}, {@code prev(x)}, {@code row_cumsum(x)}. */
  WINDOW,
  /** A plugin called by {@code evaluate}: {@code bag_unpack}, {@code pivot}. Typing only by name. */
  PLUGIN
}
