package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.List;
import java.util.Objects;

/**
 * A bound tabular expression: a source or an operator applied to its {@code input}, each knowing its
 * output schema ({@link #columns()}, in Kusto's order and with Kusto's names). Expressions inside an
 * operator are bound against the input's columns, so a {@link BoundExpr.ColumnRef} always names a
 * column of the input (or, for a join condition, of the side it says).
 *
 * <p>Operators that only drop, rename or reorder columns ({@code project-away}, {@code project-keep},
 * {@code project-rename}, {@code project-reorder}) are bound to {@link Project} with column
 * references: that is exactly their semantics and saves the planner a case per spelling.
 */
public sealed interface BoundTabular {
  /** The output schema. */
  List<ColumnSymbol> columns();

  /** A named expression: an output column and the expression that computes it. */
  record NamedExpr(String name, BoundExpr expr) {
    public NamedExpr {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(expr, "expr is null");
    }
  }

  /**
   * An aggregate of {@code summarize} or {@code make-series}: the output columns it produces (several
   * for {@code arg_max(t, *)} or {@code percentiles(x, 5, 50)}) and the expression over aggregate
   * calls that computes them (usually one {@link BoundExpr.AggregateCall}).
   */
  record NamedAggregate(List<ColumnSymbol> outputs, BoundExpr expr) {
    public NamedAggregate {
      outputs = List.copyOf(outputs);
      Objects.requireNonNull(expr, "expr is null");
    }
  }

  /** A sort key of {@code sort}, {@code top}. */
  record SortKey(BoundExpr expr, boolean ascending, boolean nullsFirst) {
    public SortKey {
      Objects.requireNonNull(expr, "expr is null");
    }
  }

  /** An equality join key: {@code $left.leftColumn == $right.rightColumn}. */
  record JoinKey(ColumnSymbol left, ColumnSymbol right) {
    public JoinKey {
      Objects.requireNonNull(left, "left is null");
      Objects.requireNonNull(right, "right is null");
    }
  }

  /** A table of the catalogue (or of the schema file). {@code known} is false for an unknown name. */
  record TableScan(String table, List<ColumnSymbol> columns, boolean known) implements BoundTabular {
    public TableScan {
      Objects.requireNonNull(table, "table is null");
      columns = List.copyOf(columns);
    }
  }

  /** A reference to a tabular {@code let} (or {@code materialize}d) value, shared by all its uses. */
  record LetRef(String name, BoundTabular value, boolean materialized) implements BoundTabular {
    public LetRef {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(value, "value is null");
    }

    @Override
    public List<ColumnSymbol> columns() {
      return value.columns();
    }
  }

  /** A call of a user function with a tabular body; {@code expansion} is the bound body. */
  record UserCall(String function, List<BoundExpr> arguments, BoundTabular expansion) implements BoundTabular {
    public UserCall {
      Objects.requireNonNull(function, "function is null");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(expansion, "expansion is null");
    }

    @Override
    public List<ColumnSymbol> columns() {
      return expansion.columns();
    }
  }

  /** {@code where} / {@code filter}. */
  record Filter(BoundTabular input, BoundExpr predicate) implements BoundTabular {
    public Filter {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(predicate, "predicate is null");
    }

    @Override
    public List<ColumnSymbol> columns() {
      return input.columns();
    }
  }

  /** {@code extend}: input columns (a same-named one replaced in place) then new ones. */
  record Extend(BoundTabular input, List<NamedExpr> assignments, List<ColumnSymbol> columns)
      implements BoundTabular {
    public Extend {
      Objects.requireNonNull(input, "input is null");
      assignments = List.copyOf(assignments);
      columns = List.copyOf(columns);
    }
  }

  /**
   * {@code project} and its -away/-keep/-rename/-reorder forms: exactly the listed columns. {@code
   * keepsOthers} is true for the forms that pass unlisted columns through (-away, -rename, -reorder),
   * which matters when the input comes from an unknown table whose columns are not all known.
   */
  record Project(BoundTabular input, List<NamedExpr> outputs, List<ColumnSymbol> columns, boolean keepsOthers)
      implements BoundTabular {
    public Project {
      Objects.requireNonNull(input, "input is null");
      outputs = List.copyOf(outputs);
      columns = List.copyOf(columns);
    }
  }

  /** {@code summarize}: by-columns then aggregates. */
  record Summarize(
      BoundTabular input, List<NamedExpr> groupBy, List<NamedAggregate> aggregates, List<ColumnSymbol> columns)
      implements BoundTabular {
    public Summarize {
      Objects.requireNonNull(input, "input is null");
      groupBy = List.copyOf(groupBy);
      aggregates = List.copyOf(aggregates);
      columns = List.copyOf(columns);
    }
  }

  /** {@code distinct} of expressions (or {@code *}: all input columns). */
  record Distinct(BoundTabular input, List<NamedExpr> keys, List<ColumnSymbol> columns) implements BoundTabular {
    public Distinct {
      Objects.requireNonNull(input, "input is null");
      keys = List.copyOf(keys);
      columns = List.copyOf(columns);
    }
  }

  /** Join kinds of {@code join} and {@code lookup}. */
  enum JoinKind {
    INNERUNIQUE, INNER, LEFTOUTER, RIGHTOUTER, FULLOUTER, LEFTANTI, RIGHTANTI, LEFTSEMI, RIGHTSEMI,
    LOOKUP_INNER, LOOKUP_LEFTOUTER
  }

  /**
   * {@code join} / {@code lookup}. {@code keys} are the equality keys; {@code residual} is any further
   * condition ({@code where} form), or null. Output: left then right columns, duplicates renamed with a
   * numeric suffix; semi/anti joins keep one side only.
   */
  record Join(
      BoundTabular left, BoundTabular right, JoinKind kind, List<JoinKey> keys, BoundExpr residual,
      List<ColumnSymbol> columns)
      implements BoundTabular {
    public Join {
      Objects.requireNonNull(left, "left is null");
      Objects.requireNonNull(right, "right is null");
      Objects.requireNonNull(kind, "kind is null");
      keys = List.copyOf(keys);
      columns = List.copyOf(columns);
    }
  }

  /**
   * {@code union}: inputs in order. {@code outer} keeps the union of columns (Kusto's default),
   * otherwise the common ones; {@code sourceColumn} (from {@code withsource=}) is null when absent, and
   * {@code sourceNames} gives the value it takes for each input.
   */
  record Union(
      List<BoundTabular> inputs, boolean outer, String sourceColumn, List<String> sourceNames,
      List<ColumnSymbol> columns)
      implements BoundTabular {
    public Union {
      inputs = List.copyOf(inputs);
      sourceNames = List.copyOf(sourceNames);
      columns = List.copyOf(columns);
    }
  }

  /** {@code sort} / {@code order}. */
  record Sort(BoundTabular input, List<SortKey> keys) implements BoundTabular {
    public Sort {
      Objects.requireNonNull(input, "input is null");
      keys = List.copyOf(keys);
    }

    @Override
    public List<ColumnSymbol> columns() {
      return input.columns();
    }
  }

  /** {@code top n by ...}. */
  record Top(BoundTabular input, BoundExpr count, List<SortKey> keys) implements BoundTabular {
    public Top {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(count, "count is null");
      keys = List.copyOf(keys);
    }

    @Override
    public List<ColumnSymbol> columns() {
      return input.columns();
    }
  }

  /** {@code take} / {@code limit}; also {@code sample} when {@code sample} is true. */
  record Take(BoundTabular input, BoundExpr count, boolean sample) implements BoundTabular {
    public Take {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(count, "count is null");
    }

    @Override
    public List<ColumnSymbol> columns() {
      return input.columns();
    }
  }

  /** {@code count}: one row, column {@code Count}. */
  record Count(BoundTabular input, List<ColumnSymbol> columns) implements BoundTabular {
    public Count {
      Objects.requireNonNull(input, "input is null");
      columns = List.copyOf(columns);
    }
  }

  /** One expanded expression of {@code mv-expand}: output column {@code name}, cast to {@code type}. */
  record ExpandItem(String name, BoundExpr expr, dev.kqlhunt.symbols.ScalarType type) {
    public ExpandItem {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(expr, "expr is null");
      Objects.requireNonNull(type, "type is null");
    }
  }

  /** {@code mv-expand}: {@code itemIndex} is the {@code with_itemindex} column name or null; {@code limit} may be null. */
  record MvExpand(
      BoundTabular input, List<ExpandItem> items, boolean bagExpansionArray, String itemIndex, BoundExpr limit,
      List<ColumnSymbol> columns)
      implements BoundTabular {
    public MvExpand {
      Objects.requireNonNull(input, "input is null");
      items = List.copyOf(items);
      columns = List.copyOf(columns);
    }
  }

  /** {@code mv-apply}: expands {@code items}, runs {@code subquery} per input row over them. */
  record MvApply(BoundTabular input, List<ExpandItem> items, BoundTabular subquery, List<ColumnSymbol> columns)
      implements BoundTabular {
    public MvApply {
      Objects.requireNonNull(input, "input is null");
      items = List.copyOf(items);
      Objects.requireNonNull(subquery, "subquery is null");
      columns = List.copyOf(columns);
    }
  }

  /** One piece of a {@code parse} pattern: a literal text, or a column to extract (then {@code text} is null). */
  record ParsePart(String text, ColumnSymbol column) {}

  /** {@code parse} / {@code parse-where}: kind is simple, regex or relaxed; {@code flags} for regex. */
  record Parse(
      BoundTabular input, BoundExpr source, String kind, String flags, List<ParsePart> pattern, boolean where,
      List<ColumnSymbol> columns)
      implements BoundTabular {
    public Parse {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(kind, "kind is null");
      pattern = List.copyOf(pattern);
      columns = List.copyOf(columns);
    }
  }

  /** {@code print a, b=...}: one row with no input. */
  record Print(List<NamedExpr> outputs, List<ColumnSymbol> columns) implements BoundTabular {
    public Print {
      outputs = List.copyOf(outputs);
      columns = List.copyOf(columns);
    }
  }

  /** {@code datatable(...)[values]}: row-major values. */
  record Datatable(List<ColumnSymbol> columns, List<BoundExpr> values) implements BoundTabular {
    public Datatable {
      columns = List.copyOf(columns);
      values = List.copyOf(values);
    }
  }

  /** {@code range name from a to b step s}. */
  record Range(String name, BoundExpr from, BoundExpr to, BoundExpr step, List<ColumnSymbol> columns)
      implements BoundTabular {
    public Range {
      Objects.requireNonNull(name, "name is null");
      columns = List.copyOf(columns);
    }
  }

  /** {@code getschema}: one row per input column. */
  record GetSchema(BoundTabular input, List<ColumnSymbol> columns) implements BoundTabular {
    public GetSchema {
      Objects.requireNonNull(input, "input is null");
      columns = List.copyOf(columns);
    }
  }

  /** {@code make-series}: by-columns, then one dynamic series per aggregate, then the axis column. */
  record MakeSeries(
      BoundTabular input, List<NamedAggregate> aggregates, List<BoundExpr> defaults, NamedExpr axis,
      BoundExpr from, BoundExpr to, BoundExpr step, List<NamedExpr> groupBy, List<ColumnSymbol> columns)
      implements BoundTabular {
    public MakeSeries {
      Objects.requireNonNull(input, "input is null");
      aggregates = List.copyOf(aggregates);
      defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
      groupBy = List.copyOf(groupBy);
      columns = List.copyOf(columns);
    }
  }

  /** {@code serialize}, optionally with extended columns. */
  record Serialize(BoundTabular input, List<NamedExpr> assignments, List<ColumnSymbol> columns)
      implements BoundTabular {
    public Serialize {
      Objects.requireNonNull(input, "input is null");
      assignments = List.copyOf(assignments);
      columns = List.copyOf(columns);
    }
  }

  /**
   * An operator whose rows the binder does not model in detail ({@code evaluate} plugins, {@code
   * render}, {@code as}, {@code fork}, {@code facet}, {@code search}, {@code find}, {@code externaldata},
   * {@code top-nested}, {@code scan}, {@code partition}, ...): {@code operator} names it, {@code
   * arguments} are its bound scalar arguments, and {@code columns} is the schema Kusto gives it. {@code
   * open} says the schema is not fully known (a plugin may add columns), so unknown names are no error
   * downstream.
   */
  record Other(
      String operator, BoundTabular input, List<BoundExpr> arguments, List<ColumnSymbol> columns, boolean open)
      implements BoundTabular {
    public Other {
      Objects.requireNonNull(operator, "operator is null");
      arguments = List.copyOf(arguments);
      columns = List.copyOf(columns);
    }
  }

  /**
   * An operator described by an {@link OperatorSpec} ({@code parse-kv}, {@code project-by-names},
   * {@code reduce}, {@code scan}, {@code top-nested}, {@code find}, {@code externaldata}, lookup
   * plugins). {@code inputs} are its tables: the piped input first when it has one (none for a source).
   */
  record Special(OperatorSpec spec, List<BoundTabular> inputs, List<ColumnSymbol> columns, boolean open)
      implements BoundTabular {
    public Special {
      Objects.requireNonNull(spec, "spec is null");
      inputs = List.copyOf(inputs);
      columns = List.copyOf(columns);
    }
  }
}
