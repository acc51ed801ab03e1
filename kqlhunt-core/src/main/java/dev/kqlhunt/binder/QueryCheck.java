package dev.kqlhunt.binder;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.syntax.ParseResult;
import dev.kqlhunt.syntax.Parser;
import dev.kqlhunt.text.SourceText;
import java.util.List;
import java.util.Objects;

/**
 * Parse plus bind of one query text, as {@code kqlhunt check} and the conformance suite need it: the
 * syntax diagnostics, the binding diagnostics (binding also runs on a recovered tree, so users see
 * every error at once), and the result schema.
 *
 * @param parse the parser's result
 * @param bind the binder's result over the (possibly recovered) tree
 */
public record QueryCheck(ParseResult parse, BindResult bind) {
  public QueryCheck {
    Objects.requireNonNull(parse, "parse is null");
    Objects.requireNonNull(bind, "bind is null");
  }

  /** Parses and binds {@code source} (which may be embedded in a rule file) against {@code registry}. */
  public static QueryCheck run(SourceText source, SchemaRegistry registry) {
    ParseResult parsed = Parser.parse(source);
    return new QueryCheck(parsed, new Binder(registry).bind(parsed));
  }

  public boolean syntaxOk() {
    return !parse.hasErrors();
  }

  public List<Diagnostic> syntaxDiagnostics() {
    return parse.diagnostics();
  }

  public List<Diagnostic> semanticDiagnostics() {
    return bind.diagnostics();
  }

  /** {@code table}, {@code scalar}, {@code none}; {@code error} when the text has syntax errors, as the official parser reports. */
  public String resultKind() {
    return syntaxOk() ? bind.query().resultKind() : "error";
  }

  /** The result columns of a tabular query that parsed cleanly, else null. */
  public List<ColumnSymbol> resultColumns() {
    BoundTabular t = bind.query().tabular();
    return syntaxOk() && t != null ? t.columns() : null;
  }
}
