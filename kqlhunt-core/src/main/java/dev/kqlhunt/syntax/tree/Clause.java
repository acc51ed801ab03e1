package dev.kqlhunt.syntax.tree;

import static java.util.Objects.requireNonNull;

import dev.kqlhunt.text.TextSpan;
import java.util.List;

/** Parts of statements and operators that are neither expressions nor names. */
public sealed interface Clause extends SyntaxNode {

  /**
   * An operator parameter such as {@code kind=inner}, {@code hint.strategy=shuffle},
   * {@code withsource=Table}, {@code bagexpansion=array}; also the properties of {@code with(...)}.
   * The name is the full dotted text ({@code hint.strategy}).
   */
  record OperatorParameter(TextSpan span, Name name, Expression value) implements Clause {
    public OperatorParameter {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
      requireNonNull(value, "value is null");
    }
  }

  /** {@code name:type} in datatable, externaldata, parse patterns, parse-kv, schema types. */
  record ColumnDeclaration(TextSpan span, Name name, TypeExpression type) implements Clause {
    public ColumnDeclaration {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
      requireNonNull(type, "type is null");
    }
  }

  /** {@code name:type [= default]}; {@code defaultValue} is null when absent. */
  record FunctionParameter(TextSpan span, Name name, TypeExpression type, Expression defaultValue)
      implements Clause {
    public FunctionParameter {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
      requireNonNull(type, "type is null");
    }
  }

  /** {@code { let a = ...; expression }}: local statements and the resulting expression. */
  record FunctionBody(TextSpan span, List<Statement> statements, Expression expression) implements Clause {
    public FunctionBody {
      requireNonNull(span, "span is null");
      statements = List.copyOf(statements);
      requireNonNull(expression, "expression is null");
    }
  }

  /** {@code "key": value} in a dynamic object literal. */
  record JsonProperty(TextSpan span, String key, Expression value) implements Clause {
    public JsonProperty {
      requireNonNull(span, "span is null");
      requireNonNull(key, "key is null");
      requireNonNull(value, "value is null");
    }
  }

  /**
   * The condition of join/lookup: {@code on a, $left.b == $right.c} (ON, one entry per item) or
   * {@code where predicate} (WHERE, a single entry).
   */
  record JoinCondition(TextSpan span, Kind kind, List<Expression> expressions) implements Clause {
    public enum Kind { ON, WHERE }

    public JoinCondition {
      requireNonNull(span, "span is null");
      requireNonNull(kind, "kind is null");
      expressions = List.copyOf(expressions);
    }
  }

  /** One item of mv-expand / mv-apply: {@code [name =] expr [to typeof(type)]}; type null if absent. */
  record MvExpandItem(TextSpan span, Expression expression, Expression.TypeOfLiteral toType)
      implements Clause {
    public MvExpandItem {
      requireNonNull(span, "span is null");
      requireNonNull(expression, "expression is null");
    }
  }

  /** One aggregate of make-series: {@code [name =] agg(...) [default = value]}; default may be null. */
  record MakeSeriesAggregate(TextSpan span, Expression aggregate, Expression defaultValue) implements Clause {
    public MakeSeriesAggregate {
      requireNonNull(span, "span is null");
      requireNonNull(aggregate, "aggregate is null");
    }
  }

  /**
   * One level of top-nested: {@code [N] of expr [with others = v] by agg [asc|desc]}; count and
   * others may be null.
   */
  record TopNestedClause(TextSpan span, Expression count, Expression of, Expression others, Expression by)
      implements Clause {
    public TopNestedClause {
      requireNonNull(span, "span is null");
      requireNonNull(of, "of is null");
      requireNonNull(by, "by is null");
    }
  }

  /**
   * The {@code with} pattern of parse/parse-where: a sequence of string {@link Expression.Literal}s,
   * {@link ColumnDeclaration}s (a typed column), {@link Expression.NameReference}s (an untyped column)
   * and {@link Expression.StarExpression}s.
   */
  record ParsePattern(TextSpan span, List<SyntaxNode> parts) implements Clause {
    public ParsePattern {
      requireNonNull(span, "span is null");
      parts = List.copyOf(parts);
    }
  }

  /**
   * One definition of a {@code declare pattern}: constant {@code arguments}, an optional constant
   * {@code path} (null without one), and the tabular expression they map to.
   */
  record PatternDefinition(TextSpan span, List<Expression> arguments, Expression path, FunctionBody body)
      implements Clause {
    public PatternDefinition {
      java.util.Objects.requireNonNull(span, "span is null");
      arguments = List.copyOf(arguments);
      java.util.Objects.requireNonNull(body, "body is null");
    }
  }

  /** A {@code declare} item of {@code scan}: {@code name: type [= default]} ({@code defaultValue} may be null). */
  record ScanDeclaration(TextSpan span, ColumnDeclaration column, Expression defaultValue) implements Clause {
    public ScanDeclaration {
      requireNonNull(span, "span is null");
      requireNonNull(column, "column is null");
    }
  }

  /**
   * A {@code step} of {@code scan}: {@code step name [output=all|last|none]: condition [=> c = e, ...];}.
   * {@code output} is null when not given; {@code assignments} are {@link Expression.SimpleNamedExpression}s.
   */
  record ScanStep(TextSpan span, Name name, Name output, Expression condition, List<Expression> assignments)
      implements Clause {
    public ScanStep {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
      requireNonNull(condition, "condition is null");
      assignments = List.copyOf(assignments);
    }
  }
}
