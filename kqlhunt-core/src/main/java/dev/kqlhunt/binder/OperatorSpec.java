package dev.kqlhunt.binder;

import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link BoundTabular.Special} operator does: one record per operator whose details only the
 * executor uses (the binder computes its schema; the planner passes it through). Expressions are
 * bound against the operator's first input, except where a record says otherwise.
 */
public sealed interface OperatorSpec {
  /** A short name for messages ({@code parse-kv}, {@code evaluate ipv4_lookup}). */
  String operator();

  /**
   * {@code parse-kv source as (keys) with (...)}: a null {@code pairDelimiter}/{@code kvDelimiter}
   * means Kusto's default mode (any non-alphanumeric run splits pairs, {@code :} or {@code =} splits a
   * key from its value); {@code quote} holds the quote characters (one, or an open/close pair).
   */
  record ParseKv(BoundExpr source, List<ColumnSymbol> keys, String pairDelimiter, String kvDelimiter, String quote,
      String escape, boolean greedy) implements OperatorSpec {
    public ParseKv {
      Objects.requireNonNull(source, "source is null");
      keys = List.copyOf(keys);
    }

    public String operator() {
      return "parse-kv";
    }
  }

  /**
   * {@code evaluate plugin(...) : (schema)}: the plugin's rows conformed to the declared schema: a
   * declared column the rows lack is null, a value converts to its declared type, other columns go.
   */
  record Conform() implements OperatorSpec {
    public String operator() {
      return "evaluate with an output schema";
    }
  }

  /**
   * {@code make-series kind=nonempty} without by-columns: the input is the make-series; over no rows it
   * still gives one row of series of defaults.
   */
  record NonEmptySeries() implements OperatorSpec {
    public String operator() {
      return "make-series kind=nonempty";
    }
  }

  /** {@code project-by-names n1, ...}: names are strings (wildcards allowed) or dynamic arrays of them. */
  record ProjectByNames(List<BoundExpr> names) implements OperatorSpec {
    public ProjectByNames {
      names = List.copyOf(names);
    }

    public String operator() {
      return "project-by-names";
    }
  }

  /** {@code reduce by e with threshold=t, characters=c}; {@code threshold} and {@code characters} may be null. */
  record Reduce(BoundExpr by, BoundExpr threshold, String characters) implements OperatorSpec {
    public Reduce {
      Objects.requireNonNull(by, "by is null");
    }

    public String operator() {
      return "reduce";
    }
  }

  /**
   * One level of {@code top-nested}: {@code count} (null: all), the grouping expression {@code of},
   * the aggregate {@code by} (bound with aggregates allowed), {@code others} (null: no "others" row).
   */
  record NestedLevel(BoundExpr count, NamedExpr of, NamedExpr by, BoundExpr others, boolean ascending) {
    public NestedLevel {
      Objects.requireNonNull(of, "of is null");
      Objects.requireNonNull(by, "by is null");
    }
  }

  /** {@code top-nested} levels, outermost first. */
  record TopNested(List<NestedLevel> levels) implements OperatorSpec {
    public TopNested {
      levels = List.copyOf(levels);
    }

    public String operator() {
      return "top-nested";
    }
  }

  /**
   * {@code find in (T1, ...) where p [project ...]}: the inputs are the tables, {@code sourceNames} their
   * names for the {@code source_} column; {@code predicate} (may be null) is bound against the union of
   * their columns; an empty {@code project} means the default schema (common columns, then {@code pack_}).
   */
  record Find(List<String> sourceNames, BoundExpr predicate, List<NamedExpr> project) implements OperatorSpec {
    public Find {
      sourceNames = List.copyOf(sourceNames);
      project = List.copyOf(project);
    }

    public String operator() {
      return "find";
    }
  }

  /** {@code externaldata (schema) [uris] with (properties)}: properties by lower-case name, text values. */
  record ExternalData(List<BoundExpr> uris, Map<String, String> properties) implements OperatorSpec {
    public ExternalData {
      uris = List.copyOf(uris);
      properties = Map.copyOf(properties);
    }

    public String operator() {
      return "externaldata";
    }
  }

  /**
   * {@code evaluate ipv4_lookup(T, key, rangeKey [, return_unmatched])}: the second input is the lookup
   * table; {@code arguments} are bound against both tables' columns.
   */
  record Lookup(String plugin, List<BoundExpr> arguments) implements OperatorSpec {
    public Lookup {
      Objects.requireNonNull(plugin, "plugin is null");
      arguments = List.copyOf(arguments);
    }

    public String operator() {
      return "evaluate " + plugin;
    }
  }

  /**
   * A step of {@code scan}: its {@code condition} and {@code assignments} see the current row's columns,
   * the declared columns, and each step's state as columns named {@code step.column}.
   */
  record ScanStep(String name, String output, BoundExpr condition, List<NamedExpr> assignments) {
    public ScanStep {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(output, "output is null");
      assignments = List.copyOf(assignments);
    }
  }

  /** {@code scan [with_match_id=m] [declare (c: t = default, ...)] with (steps)}; {@code matchId} may be null. */
  record Scan(String matchId, List<NamedExpr> declared, List<ColumnSymbol> declaredColumns, List<ScanStep> steps)
      implements OperatorSpec {
    public Scan {
      declared = List.copyOf(declared);
      declaredColumns = List.copyOf(declaredColumns);
      steps = List.copyOf(steps);
    }

    public String operator() {
      return "scan";
    }
  }
}
