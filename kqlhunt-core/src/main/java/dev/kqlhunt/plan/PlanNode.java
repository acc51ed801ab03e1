package dev.kqlhunt.plan;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.binder.BoundTabular.ExpandItem;
import dev.kqlhunt.binder.BoundTabular.JoinKey;
import dev.kqlhunt.binder.BoundTabular.JoinKind;
import dev.kqlhunt.binder.BoundTabular.NamedAggregate;
import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.binder.BoundTabular.ParsePart;
import dev.kqlhunt.binder.BoundTabular.SortKey;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.List;
import java.util.Objects;

/**
 * A logical plan operator. Every node knows its output {@link #columns()} (Kusto names and order) and
 * its inputs; expressions are bound expressions evaluated against the input's columns.
 */
public sealed interface PlanNode {
  List<ColumnSymbol> columns();

  /** The direct inputs, left to right (empty for a source). */
  List<PlanNode> inputs();

  /**
   * Reads a stored table. {@code predicates} are conjuncts pushed down by {@link PushFiltersIntoScan}
   * (all must hold; a scan may use them to skip data, and must apply them). {@code known} says the
   * table's schema is known (built in or from a schema file), not guessed from an unknown name.
   */
  record Scan(String table, List<ColumnSymbol> columns, List<BoundExpr> predicates, boolean known) implements PlanNode {
    public Scan {
      Objects.requireNonNull(table, "table is null");
      columns = List.copyOf(columns);
      predicates = List.copyOf(predicates);
    }

    public List<PlanNode> inputs() {
      return List.of();
    }
  }

  /** Keeps the rows where {@code predicate} is true (null and false drop the row). */
  record Filter(PlanNode input, BoundExpr predicate) implements PlanNode {
    public Filter {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(predicate, "predicate is null");
    }

    public List<ColumnSymbol> columns() {
      return input.columns();
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** Computes exactly {@code outputs} (one per output column, in order). */
  record Project(PlanNode input, List<NamedExpr> outputs, List<ColumnSymbol> columns) implements PlanNode {
    public Project {
      Objects.requireNonNull(input, "input is null");
      outputs = List.copyOf(outputs);
      columns = List.copyOf(columns);
      if (outputs.size() != columns.size()) throw new IllegalArgumentException("outputs and columns differ in size");
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** Input columns, a same-named one replaced in place, then the new ones. */
  record Extend(PlanNode input, List<NamedExpr> assignments, List<ColumnSymbol> columns) implements PlanNode {
    public Extend {
      Objects.requireNonNull(input, "input is null");
      assignments = List.copyOf(assignments);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** {@code summarize}: group-by columns then aggregate outputs. */
  record Aggregate(PlanNode input, List<NamedExpr> groupBy, List<NamedAggregate> aggregates, List<ColumnSymbol> columns)
      implements PlanNode {
    public Aggregate {
      Objects.requireNonNull(input, "input is null");
      groupBy = List.copyOf(groupBy);
      aggregates = List.copyOf(aggregates);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** An equality join (residual may be null). */
  record Join(PlanNode left, PlanNode right, JoinKind kind, List<JoinKey> keys, BoundExpr residual,
      List<ColumnSymbol> columns) implements PlanNode {
    public Join {
      Objects.requireNonNull(left, "left is null");
      Objects.requireNonNull(right, "right is null");
      Objects.requireNonNull(kind, "kind is null");
      keys = List.copyOf(keys);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(left, right);
    }
  }

  /** Concatenation of inputs; columns matched by name, {@code sourceColumn} may be null. */
  record Union(List<PlanNode> inputs, String sourceColumn, List<String> sourceNames, List<ColumnSymbol> columns)
      implements PlanNode {
    public Union {
      inputs = List.copyOf(inputs);
      sourceNames = List.copyOf(sourceNames);
      columns = List.copyOf(columns);
    }
  }

  /** Orders rows by keys (stable). */
  record Sort(PlanNode input, List<SortKey> keys) implements PlanNode {
    public Sort {
      Objects.requireNonNull(input, "input is null");
      keys = List.copyOf(keys);
    }

    public List<ColumnSymbol> columns() {
      return input.columns();
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** The first {@code count} rows in key order. */
  record Top(PlanNode input, BoundExpr count, List<SortKey> keys) implements PlanNode {
    public Top {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(count, "count is null");
      keys = List.copyOf(keys);
    }

    public List<ColumnSymbol> columns() {
      return input.columns();
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** Any {@code count} rows ({@code take}, {@code limit}, {@code sample}). */
  record Limit(PlanNode input, BoundExpr count) implements PlanNode {
    public Limit {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(count, "count is null");
    }

    public List<ColumnSymbol> columns() {
      return input.columns();
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** Distinct rows of the key expressions. */
  record Distinct(PlanNode input, List<NamedExpr> keys, List<ColumnSymbol> columns) implements PlanNode {
    public Distinct {
      Objects.requireNonNull(input, "input is null");
      keys = List.copyOf(keys);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** One row with the input's row count. */
  record Count(PlanNode input, List<ColumnSymbol> columns) implements PlanNode {
    public Count {
      Objects.requireNonNull(input, "input is null");
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** {@code mv-expand}: one row per element of the expanded arrays (limit may be null); bags expand to [key, value] arrays when {@code bagExpansionArray}. */
  record MvExpand(PlanNode input, List<ExpandItem> items, boolean bagExpansionArray, String itemIndex, BoundExpr limit,
      List<ColumnSymbol> columns)
      implements PlanNode {
    public MvExpand {
      Objects.requireNonNull(input, "input is null");
      items = List.copyOf(items);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /**
   * {@code parse} / {@code parse-where}: extracts {@code pattern}'s columns from {@code source}; {@code kind}
   * is simple, regex or relaxed; {@code where} drops the rows that do not match.
   */
  record Parse(PlanNode input, BoundExpr source, String kind, String flags, List<ParsePart> pattern, boolean where,
      List<ColumnSymbol> columns) implements PlanNode {
    public Parse {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(kind, "kind is null");
      pattern = List.copyOf(pattern);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** Constant rows: {@code print} (one row of expressions) and {@code datatable} (row-major values). */
  record Values(List<ColumnSymbol> columns, List<BoundExpr> values) implements PlanNode {
    public Values {
      columns = List.copyOf(columns);
      values = List.copyOf(values);
      if (!columns.isEmpty() && values.size() % columns.size() != 0) {
        throw new IllegalArgumentException(values.size() + " values for " + columns.size() + " columns");
      }
    }

    public List<PlanNode> inputs() {
      return List.of();
    }
  }

  /** {@code range name from a to b step s}. */
  record Range(String name, BoundExpr from, BoundExpr to, BoundExpr step, List<ColumnSymbol> columns)
      implements PlanNode {
    public Range {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(from, "from is null");
      Objects.requireNonNull(to, "to is null");
      Objects.requireNonNull(step, "step is null");
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of();
    }
  }

  /** A value computed once and shared by all its uses (a tabular {@code let}, {@code materialize}). */
  record Shared(String name, PlanNode input) implements PlanNode {
    public Shared {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(input, "input is null");
    }

    public List<ColumnSymbol> columns() {
      return input.columns();
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /**
   * {@code mv-apply}: for each row of {@code input}, {@code subquery} runs over that row (the {@code
   * row} placeholder inside it stands for it); the output is the row's columns joined with each
   * result row of the subquery.
   */
  record MvApply(PlanNode input, RowPlaceholder row, PlanNode subquery, List<ColumnSymbol> columns) implements PlanNode {
    public MvApply {
      Objects.requireNonNull(input, "input is null");
      Objects.requireNonNull(row, "row is null");
      Objects.requireNonNull(subquery, "subquery is null");
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** The current row of an enclosing {@link MvApply}; identity matters (one per mv-apply). */
  final class RowPlaceholder implements PlanNode {
    private final List<ColumnSymbol> columns;

    public RowPlaceholder(List<ColumnSymbol> columns) {
      this.columns = List.copyOf(columns);
    }

    public List<ColumnSymbol> columns() {
      return columns;
    }

    public List<PlanNode> inputs() {
      return List.of();
    }
  }

  /** {@code evaluate plugin(arguments)}; {@code columns} may be incomplete (a plugin's schema can depend on the data). */
  record Evaluate(String plugin, PlanNode input, List<BoundExpr> arguments, List<ColumnSymbol> columns) implements PlanNode {
    public Evaluate {
      Objects.requireNonNull(plugin, "plugin is null");
      Objects.requireNonNull(input, "input is null");
      arguments = List.copyOf(arguments);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /**
   * {@code make-series}: per group of {@code groupBy}, one dynamic array per aggregate over the bins
   * {@code from, from+step, ... < to} of {@code axis}; {@code from}/{@code to} may be null (taken from
   * the data), {@code defaults} hold null where none was given.
   */
  record MakeSeries(PlanNode input, List<NamedAggregate> aggregates, List<BoundExpr> defaults, NamedExpr axis,
      BoundExpr from, BoundExpr to, BoundExpr step, List<NamedExpr> groupBy, List<ColumnSymbol> columns)
      implements PlanNode {
    public MakeSeries {
      Objects.requireNonNull(input, "input is null");
      aggregates = List.copyOf(aggregates);
      defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
      Objects.requireNonNull(axis, "axis is null");
      Objects.requireNonNull(step, "step is null");
      groupBy = List.copyOf(groupBy);
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of(input);
    }
  }

  /** An operator the plan does not model; executing it is a KQL5xxx error naming {@code operator}. */
  record Unsupported(String operator, List<ColumnSymbol> columns) implements PlanNode {
    public Unsupported {
      Objects.requireNonNull(operator, "operator is null");
      columns = List.copyOf(columns);
    }

    public List<PlanNode> inputs() {
      return List.of();
    }
  }

  /**
   * An operator the plan passes through as its {@link OperatorSpec} says ({@code parse-kv}, {@code
   * reduce}, {@code scan}, {@code top-nested}, {@code find}, {@code externaldata}, ...). {@code inputs}:
   * the piped input first when there is one. Rules treat it conservatively: it needs every column of
   * every input.
   */
  record Special(OperatorSpec spec, List<PlanNode> inputs, List<ColumnSymbol> columns) implements PlanNode {
    public Special {
      Objects.requireNonNull(spec, "spec is null");
      inputs = List.copyOf(inputs);
      columns = List.copyOf(columns);
    }
  }
}
