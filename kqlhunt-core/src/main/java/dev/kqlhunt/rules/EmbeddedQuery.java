package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.yaml.YamlDocument;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A rule's query as YAML delivered it, with an exact map from every query offset back to the offset in
 * the rule file, whatever the scalar style.
 *
 * <p>Why a map of our own: the lead's {@link SourceText.EmbeddedOrigin} (first line + indent) is exact
 * for literal block scalars ({@code |}, {@code |-}, {@code |2-}), which is what ~99.5% of the corpus
 * uses, but not for folded ({@code >}) or multi-line plain/quoted scalars, where YAML joins lines and
 * resolves escapes. So {@link #query()} carries an EmbeddedOrigin (exact for literal blocks and for
 * one-line scalars, approximate otherwise), and {@link #toFile(Diagnostic)} moves a diagnostic onto the
 * file's own {@link SourceText} exactly; render the result with {@code DiagnosticRenderer} against
 * {@link #file()}. Immutable.
 */
public final class EmbeddedQuery {
  /** How the query scalar was written in YAML. */
  public enum Style { LITERAL, FOLDED, PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED }

  private final SourceText file;
  private final SourceText query;
  private final Style style;
  private final int[] fileOffsets;

  private EmbeddedQuery(SourceText file, SourceText query, Style style, int[] fileOffsets) {
    this.file = file;
    this.query = query;
    this.style = style;
    this.fileOffsets = fileOffsets;
  }

  /** The query of a YAML scalar node of {@code doc}. */
  public static EmbeddedQuery fromScalar(YamlDocument doc, ScalarNode node) {
    String text = node.getValue();
    Style style = styleOf(node.getScalarStyle());
    QueryAligner aligner = new QueryAligner(doc, node, text, style);
    int[] offsets = aligner.align();
    SourceText.EmbeddedOrigin origin = aligner.origin(offsets);
    SourceText query = SourceText.embedded(doc.file().name(), text, origin);
    return new EmbeddedQuery(doc.file(), query, style, offsets);
  }

  /** A query not read from a file (tests, command line): positions are the query's own. */
  public static EmbeddedQuery standalone(SourceText query) {
    int[] identity = new int[query.length() + 1];
    for (int i = 0; i < identity.length; i++) identity[i] = i;
    return new EmbeddedQuery(query, query, Style.LITERAL, identity);
  }

  /** The file the query was read from (the query itself when standalone). */
  public SourceText file() {
    return file;
  }

  /** The query text as YAML delivered it, before placeholder substitution. */
  public SourceText query() {
    return query;
  }

  public String text() {
    return query.text();
  }

  public Style style() {
    return style;
  }

  /** Offset in {@link #file()} of a query offset (the end of the query maps past its last character). */
  public int fileOffset(int queryOffset) {
    return fileOffsets[Math.max(0, Math.min(queryOffset, fileOffsets.length - 1))];
  }

  public TextSpan toFile(TextSpan span) {
    int start = fileOffset(span.start());
    int end = span.length() == 0 ? start : fileOffset(span.end() - 1) + 1;
    return TextSpan.of(start, Math.max(start, end));
  }

  /** The same diagnostic with its span moved from the query into {@link #file()}. */
  public Diagnostic toFile(Diagnostic d) {
    return new Diagnostic(d.code(), d.severity(), d.message(), toFile(d.span()));
  }

  /**
   * The text to run: Sentinel's {@code {{Name}}} placeholders replaced by {@code values} (see
   * {@link Placeholders}). Diagnostics on the prepared text map back to the file through it.
   */
  public PreparedQuery prepare(Map<String, String> values) {
    Objects.requireNonNull(values, "values is null");
    Placeholders.Substitution s = Placeholders.substitute(text(), values);
    return new PreparedQuery(this, s);
  }

  private static Style styleOf(ScalarStyle style) {
    return switch (style) {
      case LITERAL -> Style.LITERAL;
      case FOLDED -> Style.FOLDED;
      case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
      case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> Style.DOUBLE_QUOTED;
      case PLAIN -> Style.PLAIN;
    };
  }
}
