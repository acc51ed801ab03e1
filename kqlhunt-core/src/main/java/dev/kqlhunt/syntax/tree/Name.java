package dev.kqlhunt.syntax.tree;

import dev.kqlhunt.text.TextSpan;
import java.util.Objects;

/**
 * A name as written: a plain identifier ({@code ProcessId}, {@code $left}), a bracketed or quoted name
 * ({@code ['my col']}), a wildcard pattern ({@code Initiating*}, only where the operator allows it), or
 * a missing name the parser synthesised. {@link #text()} is the name itself, unquoted.
 */
public sealed interface Name extends SyntaxNode {
  /** The name with brackets and quotes removed; empty for a missing name. */
  String text();

  record IdentifierName(TextSpan span, String text) implements Name {
    public IdentifierName {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(text, "text is null");
    }
  }

  record BracketedName(TextSpan span, String text) implements Name {
    public BracketedName {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(text, "text is null");
    }
  }

  /** A name containing {@code *}, as in {@code project-away Initiating*}. */
  record WildcardName(TextSpan span, String text) implements Name {
    public WildcardName {
      Objects.requireNonNull(span, "span is null");
      Objects.requireNonNull(text, "text is null");
    }
  }

  record MissingName(TextSpan span) implements Name {
    public MissingName {
      Objects.requireNonNull(span, "span is null");
    }

    @Override
    public String text() {
      return "";
    }
  }
}
