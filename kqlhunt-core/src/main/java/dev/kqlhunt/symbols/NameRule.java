package dev.kqlhunt.symbols;

/**
 * How Kusto names the result column of a call that has no explicit name ({@code summarize max(T)} gives
 * {@code max_T}). The "argument name" is the name of the argument expression: a column's name, the
 * parts of a path joined by {@code _} ({@code d.x} gives {@code d_x}) or the result name of a nested
 * call; see {@link ColumnNaming}.
 */
public enum NameRule {
  /** No name: the column becomes {@code Column1}, {@code print_0}, ... */
  NONE,
  /**
   * {@code prefix_arg0}, with an empty {@code arg0} part when there is no first argument or it has no
   * name: {@code count()} gives {@code count_}, {@code max(a + 1)} gives {@code max_}.
   */
  PREFIX_AND_FIRST,
  /** Like {@link #PREFIX_AND_FIRST} when the call has exactly one argument, otherwise no name. */
  PREFIX_AND_ONLY,
  /** {@code prefix} alone, e.g. {@code $IngestionTime}. */
  PREFIX_ONLY,
  /** The first argument's name ({@code bin(Timestamp, 1h)} gives {@code Timestamp}). */
  FIRST,
  /** The only argument's name, if there is exactly one argument. */
  ONLY,
  /** The value of the first argument, a string literal, when that names a column ({@code column_ifexists}). */
  FIRST_VALUE_IF_COLUMN
}
