package dev.kqlhunt.diag;

import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;

/**
 * Renders diagnostics for people, compiler style:
 *
 * <pre>
 * rule.yaml:14:9: error KQL2001: Unknown column 'ProcesCommandLine' (did you mean 'ProcessCommandLine'?)
 *    | where ProcesCommandLine has "x"
 *            ^^^^^^^^^^^^^^^^^
 * </pre>
 */
public final class DiagnosticRenderer {
  private DiagnosticRenderer() {}

  public static String render(SourceText source, Diagnostic d) {
    StringBuilder out = new StringBuilder();
    SourceText.Position pos = source.position(d.span().start());
    out.append(source.name()).append(':').append(pos.line()).append(':').append(pos.column())
        .append(": ").append(d.severity().label()).append(' ').append(d.code().id())
        .append(": ").append(d.message()).append('\n');
    appendExcerpt(out, source, d.span());
    return out.toString();
  }

  private static void appendExcerpt(StringBuilder out, SourceText source, TextSpan span) {
    int offset = Math.min(span.start(), source.length());
    int line = source.lineMap().line(offset);
    String text = source.lineText(line);
    int col = source.lineMap().column(offset) - 1;
    int caretLength = Math.max(1, Math.min(span.length(), text.length() - col));
    out.append("    ").append(text.replace('\t', ' ')).append('\n');
    out.append("    ").append(" ".repeat(Math.max(0, col))).append("^".repeat(caretLength)).append('\n');
  }
}
