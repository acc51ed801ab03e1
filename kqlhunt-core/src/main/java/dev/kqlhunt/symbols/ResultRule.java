package dev.kqlhunt.symbols;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link Signature} computes its result type from its arguments. {@link FunctionCatalog#resolve}
 * evaluates the rule; the binder only sees the resulting type.
 */
public sealed interface ResultRule {

  /** Always the same type: {@code strlen} gives {@code long}. */
  record Fixed(ScalarType type) implements ResultRule {
    public Fixed {
      Objects.requireNonNull(type, "type is null");
    }
  }

  /** The type of argument {@code index}: {@code round(x)}, {@code max(x)}, {@code column_ifexists(n, d)}. */
  record ArgType(int index) implements ResultRule {}

  /** The type of argument 0 with {@code int} widened to {@code long}: {@code sum}, {@code sumif}. */
  record ArgTypePromoted(int index) implements ResultRule {}

  /** The type named by the type-literal argument {@code index}: {@code extract(r, 1, s, typeof(long))}. */
  record TypeLiteralArg(int index) implements ResultRule {}

  /** The common type of the {@code COMMON_*} arguments: {@code coalesce}, {@code max_of}. */
  record Common() implements ResultRule {}

  /**
   * The common type of the {@code COMMON_*} arguments where a {@code dynamic} branch does not win over a
   * typed one: {@code iff}, {@code case}.
   */
  record CommonNonDynamic() implements ResultRule {}

  /** The widest numeric type of all arguments: {@code bin(1, 2.5)} is real. */
  record Widest() implements ResultRule {}

  /**
   * The type of the first column of the tabular argument, supplied by the binder as that argument's
   * {@link Argument#type()}: {@code toscalar(T | summarize count())}.
   */
  record ScalarOfTabular() implements ResultRule {}

  /**
   * Several columns, as from {@code series_stats(x)} ({@code series_stats_x_min}, ...): the call's type is
   * the first column's; {@link ColumnNaming#scalarColumns} names them all.
   */
  record Tuple(List<ColumnSymbol> columns) implements ResultRule {
    public Tuple {
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("empty tuple");
      }
    }
  }

  /** A tabular result (the binder computes the schema): {@code materialize}, {@code table}. */
  record Tabular() implements ResultRule {}

  /**
   * A rule too special for the kinds above; the named computation lives in {@link FunctionCatalog}.
   * {@link CustomKind#DYNAMIC} covers the many array/bag/series functions that return {@code dynamic}.
   */
  record Custom(CustomKind kind) implements ResultRule {
    public Custom {
      Objects.requireNonNull(kind, "kind is null");
    }
  }

  /** The special computations behind {@link Custom}. */
  enum CustomKind {
    /** {@code dynamic}. */
    DYNAMIC,
    /**
     * {@code arg_max}/{@code arg_min}: a tuple of argument 0 then the returned columns; the call's type
     * is that of argument 0. See {@link ColumnNaming#aggregateColumns}.
     */
    ARG_EXTREMUM,
    /** {@code take_any(a, b, ...)}: one column per argument; the call's type is that of argument 0. */
    TAKE_ANY,
    /** {@code percentile(x, p)}: the type of {@code x}, but {@code int} widened to {@code long}. */
    PERCENTILE,
    /** {@code percentiles(x, p1, p2, ...)}: one column per percentile, each typed like {@code percentile}. */
    PERCENTILES
  }
}
