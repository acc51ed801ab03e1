package dev.kqlhunt.syntax.tree;

import dev.kqlhunt.text.TextSpan;
import java.util.List;
import java.util.Objects;

/** A statement of a query text; statements are separated by {@code ;}. */
public sealed interface Statement extends SyntaxNode {
  /**
   * {@code let name = value}. The value is a scalar or tabular expression, a
   * {@link Expression.FunctionDeclaration} (lambda), or a {@code view} function declaration.
   */
  record LetStatement(TextSpan span, Name name, Expression value) implements Statement {
    public LetStatement {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(value, "value is null");
    }
  }

  /** {@code set name [= value]}; the name may be dotted ({@code query_results_cache_max_age}). */
  record SetStatement(TextSpan span, Name name, Expression value) implements Statement {
    public SetStatement {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(name, "name is null");
    }
  }

  /** {@code declare query_parameters(name:type [= default], ...)}. */
  record DeclareQueryParametersStatement(TextSpan span, List<Clause.FunctionParameter> parameters)
      implements Statement {
    public DeclareQueryParametersStatement {
      Objects.requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code alias database name = cluster(...).database(...)}. */
  record AliasStatement(TextSpan span, Name name, Expression value) implements Statement {
    public AliasStatement {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(value, "value is null");
    }
  }

  /**
   * {@code restrict access to (entity, ...)}: the statements after it may read only the listed tables
   * (and tabular variables); the entities are names, optionally with wildcards or database prefixes.
   */
  record RestrictAccessStatement(TextSpan span, List<Expression> entities) implements Statement {
    public RestrictAccessStatement {
      Objects.requireNonNull(span, "span is null");
      entities = List.copyOf(entities);
    }
  }

  /**
   * {@code declare pattern name [= (arg:type, ...) [[path:type]] { (value, ...) [.[pathValue]] = { query }; ... }]}.
   * A pattern maps constant argument tuples (and an optional path value) to tabular expressions; it is
   * invoked as {@code name(value, ...)} or {@code name(value, ...).[pathValue]}. Without a body the
   * pattern is declared only (the service supplies it); {@code pathParameter} is null without a path.
   */
  record DeclarePatternStatement(TextSpan span, Name name, List<Clause.FunctionParameter> parameters,
      Clause.FunctionParameter pathParameter, List<Clause.PatternDefinition> definitions) implements Statement {
    public DeclarePatternStatement {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(name, "name is null");
      parameters = List.copyOf(parameters);
      definitions = List.copyOf(definitions);
    }
  }

  /** The query itself: a tabular or scalar expression, usually a {@link Expression.PipeExpression}. */
  record QueryStatement(TextSpan span, Expression expression) implements Statement {
    public QueryStatement {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(expression, "expression is null");
    }
  }
}
