package dev.kqlhunt.rules;

import dev.kqlhunt.rules.yaml.YamlDocument;
import dev.kqlhunt.text.SourceText;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Computes, for each offset of a YAML scalar's value, the offset in the file it was read from.
 *
 * <p>Literal blocks map line by line (file line = first content line + i, column = indent + c) and the
 * result is verified against the file text. Every other style, or a literal block that fails the
 * check, is aligned greedily: each value character is matched with the next equal file character,
 * with YAML escapes ({@code \"}, {@code \n}, {@code ''}) consumed as units. Folding only turns line
 * breaks and indentation into spaces, so non-blank characters always align exactly; whitespace may
 * land a few columns early, which is harmless for diagnostics. Cost O(value + scalar length).
 */
final class QueryAligner {
  private final YamlDocument doc;
  private final ScalarNode node;
  private final String value;
  private final EmbeddedQuery.Style style;
  private final String fileText;
  private int literalFirstLine = -1;
  private int literalIndent = -1;

  QueryAligner(YamlDocument doc, ScalarNode node, String value, EmbeddedQuery.Style style) {
    this.doc = doc;
    this.node = node;
    this.value = value;
    this.style = style;
    this.fileText = doc.file().text();
  }

  int[] align() {
    if (style == EmbeddedQuery.Style.LITERAL) {
      int[] exact = alignLiteral();
      if (exact != null) return exact;
    }
    return alignGreedy();
  }

  /** The lead's line+indent origin: exact for verified literal blocks, anchored at the first char else. */
  SourceText.EmbeddedOrigin origin(int[] offsets) {
    if (literalFirstLine > 0) return new SourceText.EmbeddedOrigin(literalFirstLine, literalIndent);
    int first = offsets.length > 0 ? offsets[0] : 0;
    SourceText.Position p = doc.file().position(first);
    return new SourceText.EmbeddedOrigin(p.line(), p.column() - 1);
  }

  private int[] alignLiteral() {
    int headerLine0 = node.getStartMark().map(m -> m.getLine()).orElse(-1);
    if (headerLine0 < 0) return null;
    int firstLine = headerLine0 + 2; // 1-based line after the '|' header
    String[] lines = value.split("\n", -1);
    int indent = detectIndent(lines, firstLine);
    if (indent < 0) return null;
    var map = doc.file().lineMap();
    int[] offsets = new int[value.length() + 1];
    int q = 0;
    for (int i = 0; i < lines.length; i++) {
      int line = firstLine + i;
      boolean trailing = i == lines.length - 1 && lines[i].isEmpty();
      if (trailing) {
        // The position just past the final line break: nothing to verify, it is the next file line.
        offsets[q] = line > map.lineCount() ? fileText.length() : map.lineStart(line);
        break;
      }
      if (line > map.lineCount()) return null;
      int start = map.lineStart(line);
      String fileLine = fileText.substring(start, map.lineEnd(line, fileText));
      boolean matches = lines[i].isEmpty()
          ? fileLine.isBlank()
          : fileLine.length() == indent + lines[i].length() && fileLine.startsWith(lines[i], indent);
      if (!matches) return null;
      for (int c = 0; c <= lines[i].length() && q < offsets.length; c++) {
        offsets[q++] = Math.min(start + indent + c, fileText.length());
      }
    }
    literalFirstLine = firstLine;
    literalIndent = indent;
    return offsets;
  }

  private int detectIndent(String[] lines, int firstLine) {
    var map = doc.file().lineMap();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) continue;
      int line = firstLine + i;
      if (line > map.lineCount()) return -1;
      String fileLine = fileText.substring(map.lineStart(line), map.lineEnd(line, fileText));
      return fileLine.endsWith(lines[i]) ? fileLine.length() - lines[i].length() : -1;
    }
    return 0;
  }

  private int[] alignGreedy() {
    int start = doc.offset(node.getStartMark().orElseThrow());
    int end = node.getEndMark().map(doc::offset).orElse(fileText.length());
    int f = start;
    if (style == EmbeddedQuery.Style.SINGLE_QUOTED || style == EmbeddedQuery.Style.DOUBLE_QUOTED) f++;
    if (style == EmbeddedQuery.Style.FOLDED) f = nextLineStart(f);
    int[] offsets = new int[value.length() + 1];
    for (int q = 0; q < value.length(); q++) {
      char c = value.charAt(q);
      if (style == EmbeddedQuery.Style.DOUBLE_QUOTED && f < end && fileText.charAt(f) == '\\') {
        if (isEscapedBreak(f)) {
          f = skipEscape(f); // an escaped line break yields no character: match c again
          q--;
          continue;
        }
        offsets[q] = f;
        f = skipEscape(f);
        continue;
      }
      if (style == EmbeddedQuery.Style.SINGLE_QUOTED && c == '\'' && f + 1 < end
          && fileText.charAt(f) == '\'' && fileText.charAt(f + 1) == '\'') {
        offsets[q] = f;
        f += 2;
        continue;
      }
      int g = f;
      while (g < end && fileText.charAt(g) != c) g++;
      if (g < end) {
        offsets[q] = g;
        f = g + 1;
      } else {
        offsets[q] = Math.min(f, fileText.length()); // unmatched (e.g. a folded break): stay put
      }
    }
    offsets[value.length()] = Math.min(f, fileText.length());
    return offsets;
  }

  private boolean isEscapedBreak(int f) {
    return f + 1 < fileText.length() && (fileText.charAt(f + 1) == '\n' || fileText.charAt(f + 1) == '\r');
  }

  private int nextLineStart(int offset) {
    int i = fileText.indexOf('\n', offset);
    return i < 0 ? offset : i + 1;
  }

  /** Offset just past the escape sequence starting at {@code f} (a backslash) in a double-quoted scalar. */
  private int skipEscape(int f) {
    if (f + 1 >= fileText.length()) return f + 1;
    char e = fileText.charAt(f + 1);
    int hex = switch (e) {
      case 'x' -> 2;
      case 'u' -> 4;
      case 'U' -> 8;
      default -> 0;
    };
    if (e == '\n' || e == '\r') {
      int g = f + 1;
      while (g < fileText.length() && (fileText.charAt(g) == '\n' || fileText.charAt(g) == '\r'
          || fileText.charAt(g) == ' ' || fileText.charAt(g) == '\t')) g++;
      return g;
    }
    return Math.min(fileText.length(), f + 2 + hex);
  }
}
