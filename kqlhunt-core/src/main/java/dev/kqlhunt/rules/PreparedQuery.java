package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.yaml.Located;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.List;

/**
 * A rule query ready to bind or run: placeholders substituted. Its {@link #text()} is what the parser
 * sees; {@link #toFile(Diagnostic)} carries a diagnostic on that text back to the rule file.
 */
public final class PreparedQuery {
  private final EmbeddedQuery origin;
  private final Placeholders.Substitution substitution;
  private final SourceText text;

  PreparedQuery(EmbeddedQuery origin, Placeholders.Substitution substitution) {
    this.origin = origin;
    this.substitution = substitution;
    this.text = substitution.replacements().isEmpty()
        ? origin.query()
        : SourceText.of(origin.query().name(), substitution.text());
  }

  /** The text to parse and run. Render its diagnostics through {@link #toFile(Diagnostic)}. */
  public SourceText text() {
    return text;
  }

  public EmbeddedQuery origin() {
    return origin;
  }

  /** Placeholders left in the text, with spans in the original query. */
  public List<Located<String>> unknownPlaceholders() {
    return substitution.unknownPlaceholders();
  }

  /** Span in the original query (before substitution) of a span of {@link #text()}. */
  public TextSpan toQuery(TextSpan span) {
    int start = substitution.originalOffset(span.start());
    int end = span.length() == 0 ? start : substitution.originalOffset(span.end() - 1) + 1;
    return TextSpan.of(start, Math.max(start, end));
  }

  /** The diagnostic moved onto the rule file ({@link EmbeddedQuery#file()}). */
  public Diagnostic toFile(Diagnostic d) {
    TextSpan inQuery = toQuery(d.span());
    return origin.toFile(new Diagnostic(d.code(), d.severity(), d.message(), inQuery));
  }
}
