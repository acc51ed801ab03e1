package dev.kqlhunt.syntax.tree;

import dev.kqlhunt.text.TextSpan;
import java.util.List;
import java.util.Objects;

/**
 * A type as written in a declaration: a scalar type name ({@code string}, {@code long}, also aliases
 * such as {@code int64} — resolving them is the binder's job), or a tabular schema
 * {@code (a:string, b:long)} / {@code (*)} used by tabular function parameters.
 */
public sealed interface TypeExpression extends SyntaxNode {
  record PrimitiveType(TextSpan span, String name) implements TypeExpression {
    public PrimitiveType {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(name, "name is null");
    }
  }

  /** {@code (col:type, ...)}; {@code wildcard} when a {@code *} appears among the columns. */
  record SchemaType(TextSpan span, List<Clause.ColumnDeclaration> columns, boolean wildcard)
      implements TypeExpression {
    public SchemaType {
      Objects.requireNonNull(span, "span is null");
      columns = List.copyOf(columns);
    }
  }

  record MissingType(TextSpan span) implements TypeExpression {
    public MissingType {
      Objects.requireNonNull(span, "span is null");
    }
  }
}
