package dev.kqlhunt.syntax.tree;

import static java.util.Objects.requireNonNull;

import dev.kqlhunt.syntax.tree.Clause.ColumnDeclaration;
import dev.kqlhunt.syntax.tree.Clause.JoinCondition;
import dev.kqlhunt.syntax.tree.Clause.MakeSeriesAggregate;
import dev.kqlhunt.syntax.tree.Clause.MvExpandItem;
import dev.kqlhunt.syntax.tree.Clause.OperatorParameter;
import dev.kqlhunt.syntax.tree.Clause.ParsePattern;
import dev.kqlhunt.syntax.tree.Clause.TopNestedClause;
import dev.kqlhunt.text.TextSpan;
import java.util.List;

/**
 * Tabular query operators, one record per operator of the KQL reference, named as Kusto names them.
 * An operator appears as the right side of a {@link Expression.PipeExpression}, or alone when it can
 * start a query ({@code print}, {@code range}, {@code datatable}, {@code union}, {@code search},
 * {@code find}, {@code evaluate}, {@code externaldata}). {@code parameters} are the
 * {@code name=value} options written before the operator's body (kind=, hint.*=, withsource=, ...).
 * Optional parts are null when absent, as each record documents.
 */
public sealed interface QueryOperator extends Expression {

  /** {@code as [hint.materialized=true] Name}. */
  record AsOperator(TextSpan span, List<OperatorParameter> parameters, Name name) implements QueryOperator {
    public AsOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code consume}. */
  record ConsumeOperator(TextSpan span, List<OperatorParameter> parameters) implements QueryOperator {
    public ConsumeOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code count}. */
  record CountOperator(TextSpan span) implements QueryOperator {
    public CountOperator {
      requireNonNull(span, "span is null");
    }
  }

  /** {@code datatable(a:string, b:long) [v1, v2, ...]}: values in row-major order. */
  record DataTableOperator(TextSpan span, List<OperatorParameter> parameters, List<ColumnDeclaration> schema, List<Expression> values) implements QueryOperator {
    public DataTableOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      schema = List.copyOf(schema);
      values = List.copyOf(values);
    }
  }

  /** {@code distinct a, b} or {@code distinct *}. */
  record DistinctOperator(TextSpan span, List<OperatorParameter> parameters, List<Expression> columns) implements QueryOperator {
    public DistinctOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      columns = List.copyOf(columns);
    }
  }

  /** {@code evaluate [hints] plugin(args) [: (schema)]}; outputSchema is null unless declared. */
  record EvaluateOperator(TextSpan span, List<OperatorParameter> parameters, Expression plugin,
      TypeExpression.SchemaType outputSchema) implements QueryOperator {
    public EvaluateOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code extend [name =] expr, ...}. */
  record ExtendOperator(TextSpan span, List<Expression> expressions) implements QueryOperator {
    public ExtendOperator {
      requireNonNull(span, "span is null");
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code externaldata (schema) [uris] [with (props)]}. */
  record ExternalDataOperator(TextSpan span, List<OperatorParameter> parameters, List<ColumnDeclaration> schema, List<Expression> uris, List<OperatorParameter> properties) implements QueryOperator {
    public ExternalDataOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      schema = List.copyOf(schema);
      uris = List.copyOf(uris);
      properties = List.copyOf(properties);
    }
  }

  /** {@code facet by a, b [with (subquery) | with operator]}; with may be null. */
  record FacetOperator(TextSpan span, List<Expression> columns, Expression with) implements QueryOperator {
    public FacetOperator {
      requireNonNull(span, "span is null");
      columns = List.copyOf(columns);
    }
  }

  /** {@code find [in (T1, T2)] where predicate [project ...]}; sources empty when no in-clause. */
  record FindOperator(TextSpan span, List<OperatorParameter> parameters, List<Expression> sources, Expression predicate, List<Expression> project) implements QueryOperator {
    public FindOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      sources = List.copyOf(sources);
      project = List.copyOf(project);
    }
  }

  /** {@code fork (a) (b) ...}: each branch is an operator pipe, possibly a SimpleNamedExpression. */
  record ForkOperator(TextSpan span, List<Expression> branches) implements QueryOperator {
    public ForkOperator {
      requireNonNull(span, "span is null");
      branches = List.copyOf(branches);
    }
  }

  /** {@code getschema}. */
  record GetSchemaOperator(TextSpan span) implements QueryOperator {
    public GetSchemaOperator {
      requireNonNull(span, "span is null");
    }
  }

  /** {@code invoke f(args)}. */
  record InvokeOperator(TextSpan span, Expression function) implements QueryOperator {
    public InvokeOperator {
      requireNonNull(span, "span is null");
    }
  }

  /** {@code join [kind=..] [hints] right on ... | where ...}; condition null when absent. */
  record JoinOperator(TextSpan span, List<OperatorParameter> parameters, Expression right, JoinCondition condition) implements QueryOperator {
    public JoinOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code lookup [kind=..] right on ...}. */
  record LookupOperator(TextSpan span, List<OperatorParameter> parameters, Expression right, JoinCondition condition) implements QueryOperator {
    public LookupOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code make-series aggs on axis [from a] [to b] step c | in range(a, b, c) [by ...]}; from/to may be null. */
  record MakeSeriesOperator(TextSpan span, List<OperatorParameter> parameters, List<MakeSeriesAggregate> aggregates, Expression axis, Expression from, Expression to, Expression step, boolean inRange, List<Expression> by) implements QueryOperator {
    public MakeSeriesOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      aggregates = List.copyOf(aggregates);
      by = List.copyOf(by);
    }
  }

  /** {@code mv-apply items [limit n] [id_column ...] on (subquery)}; rowLimit, contextId may be null. */
  record MvApplyOperator(TextSpan span, List<OperatorParameter> parameters, List<MvExpandItem> items, Expression rowLimit, Name contextId, Expression subquery) implements QueryOperator {
    public MvApplyOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      items = List.copyOf(items);
    }
  }

  /** {@code mv-expand [bagexpansion=..] [with_itemindex=..] items [limit n]}; limit may be null. */
  record MvExpandOperator(TextSpan span, List<OperatorParameter> parameters, List<MvExpandItem> items, Expression limit) implements QueryOperator {
    public MvExpandOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      items = List.copyOf(items);
    }
  }

  /** {@code parse|parse-where [kind=..] [flags=..] source with pattern}. */
  record ParseOperator(TextSpan span, String keyword, List<OperatorParameter> parameters, Expression source, ParsePattern pattern) implements QueryOperator {
    public ParseOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code parse-kv source as (schema) [with (props)]}. */
  record ParseKvOperator(TextSpan span, Expression source, List<ColumnDeclaration> schema, List<OperatorParameter> properties) implements QueryOperator {
    public ParseKvOperator {
      requireNonNull(span, "span is null");
      schema = List.copyOf(schema);
      properties = List.copyOf(properties);
    }
  }

  /** {@code partition [hints] by column (subquery) | { subquery }}. */
  record PartitionOperator(TextSpan span, List<OperatorParameter> parameters, Expression by, Expression subquery) implements QueryOperator {
    public PartitionOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code print [name =] expr, ...}. */
  record PrintOperator(TextSpan span, List<Expression> expressions) implements QueryOperator {
    public PrintOperator {
      requireNonNull(span, "span is null");
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code project [name =] expr, ...}. */
  record ProjectOperator(TextSpan span, List<Expression> expressions) implements QueryOperator {
    public ProjectOperator {
      requireNonNull(span, "span is null");
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code project-away a, b*}. */
  record ProjectAwayOperator(TextSpan span, List<Expression> columns) implements QueryOperator {
    public ProjectAwayOperator {
      requireNonNull(span, "span is null");
      columns = List.copyOf(columns);
    }
  }

  /** {@code project-keep a, b*}. */
  record ProjectKeepOperator(TextSpan span, List<Expression> columns) implements QueryOperator {
    public ProjectKeepOperator {
      requireNonNull(span, "span is null");
      columns = List.copyOf(columns);
    }
  }

  /** {@code project-rename new = old, ...} (SimpleNamedExpressions). */
  record ProjectRenameOperator(TextSpan span, List<Expression> renames) implements QueryOperator {
    public ProjectRenameOperator {
      requireNonNull(span, "span is null");
      renames = List.copyOf(renames);
    }
  }

  /** {@code project-reorder a asc, b*}. */
  record ProjectReorderOperator(TextSpan span, List<Expression> columns) implements QueryOperator {
    public ProjectReorderOperator {
      requireNonNull(span, "span is null");
      columns = List.copyOf(columns);
    }
  }

  /** {@code range x from a to b step c}. */
  record RangeOperator(TextSpan span, Name column, Expression from, Expression to, Expression step) implements QueryOperator {
    public RangeOperator {
      requireNonNull(span, "span is null");
    }
  }

  /** {@code reduce [kind=..] by expr [with props]}. */
  record ReduceOperator(TextSpan span, List<OperatorParameter> parameters, Expression by, List<OperatorParameter> with) implements QueryOperator {
    public ReduceOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      with = List.copyOf(with);
    }
  }

  /** {@code render chart [with (props)]}. */
  record RenderOperator(TextSpan span, Name chartType, List<OperatorParameter> properties) implements QueryOperator {
    public RenderOperator {
      requireNonNull(span, "span is null");
      properties = List.copyOf(properties);
    }
  }

  /** {@code sample n}. */
  record SampleOperator(TextSpan span, List<OperatorParameter> parameters, Expression count) implements QueryOperator {
    public SampleOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code sample-distinct n of column}. */
  record SampleDistinctOperator(TextSpan span, List<OperatorParameter> parameters, Expression count, Expression of) implements QueryOperator {
    public SampleDistinctOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code scan ...}: kept as its parts (order by, partition by, declare, with steps) without deeper structure. */
  record ScanOperator(TextSpan span, List<OperatorParameter> parameters, List<SyntaxNode> parts) implements QueryOperator {
    public ScanOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      parts = List.copyOf(parts);
    }
  }

  /** {@code search [kind=..] [in (T1, T2)] predicate}. */
  record SearchOperator(TextSpan span, List<OperatorParameter> parameters, List<Expression> tables, Expression predicate) implements QueryOperator {
    public SearchOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      tables = List.copyOf(tables);
    }
  }

  /** {@code serialize [name = expr, ...]}. */
  record SerializeOperator(TextSpan span, List<Expression> expressions) implements QueryOperator {
    public SerializeOperator {
      requireNonNull(span, "span is null");
      expressions = List.copyOf(expressions);
    }
  }

  /** {@code sort|order by expr [asc|desc] [nulls first|last], ...}. */
  record SortOperator(TextSpan span, String keyword, List<OperatorParameter> parameters, List<Expression> orderings) implements QueryOperator {
    public SortOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      orderings = List.copyOf(orderings);
    }
  }

  /** {@code summarize [hints] [name =] agg, ... [by expr, ...]}. */
  record SummarizeOperator(TextSpan span, List<OperatorParameter> parameters, List<Expression> aggregates, List<Expression> by) implements QueryOperator {
    public SummarizeOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      aggregates = List.copyOf(aggregates);
      by = List.copyOf(by);
    }
  }

  /** {@code take|limit n}. */
  record TakeOperator(TextSpan span, String keyword, List<OperatorParameter> parameters, Expression count) implements QueryOperator {
    public TakeOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code top n by expr [asc|desc] [nulls ...]}; by is an OrderedExpression. */
  record TopOperator(TextSpan span, List<OperatorParameter> parameters, Expression count, Expression by) implements QueryOperator {
    public TopOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code top-hitters n of expr [by expr]}; by may be null. */
  record TopHittersOperator(TextSpan span, Expression count, Expression of, Expression by) implements QueryOperator {
    public TopHittersOperator {
      requireNonNull(span, "span is null");
    }
  }

  /** {@code top-nested ... , top-nested ...}. */
  record TopNestedOperator(TextSpan span, List<TopNestedClause> clauses) implements QueryOperator {
    public TopNestedOperator {
      requireNonNull(span, "span is null");
      clauses = List.copyOf(clauses);
    }
  }

  /** {@code union [kind=..] [withsource=..] [isfuzzy=..] T1, (T2 | ...), T*}. */
  record UnionOperator(TextSpan span, List<OperatorParameter> parameters, List<Expression> tables) implements QueryOperator {
    public UnionOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      tables = List.copyOf(tables);
    }
  }

  /** {@code where|filter predicate}. */
  record WhereOperator(TextSpan span, String keyword, List<OperatorParameter> parameters, Expression predicate) implements QueryOperator {
    public WhereOperator {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** an operator the parser accepts without a dedicated node (graph-*, macro-expand, assert-schema, ...): its name and parts. */
  record GenericOperator(TextSpan span, String name, List<SyntaxNode> parts) implements QueryOperator {
    public GenericOperator {
      requireNonNull(span, "span is null");
      parts = List.copyOf(parts);
    }
  }
}
