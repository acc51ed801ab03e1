package dev.kqlhunt.text;

import java.util.Objects;

/**
 * A named text that diagnostics point into: a {@code .kql} file, a query typed on the command line, or
 * the query embedded in a rule file.
 *
 * <p>An embedded text carries the position mapping back into its container (see {@link
 * EmbeddedOrigin}), so that a diagnostic in a rule's query is reported at its line and column in the
 * YAML file.
 */
public final class SourceText {
  private final String name;
  private final String text;
  private final EmbeddedOrigin origin;
  private LineMap lineMap;

  private SourceText(String name, String text, EmbeddedOrigin origin) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.text = Objects.requireNonNull(text, "text is null");
    this.origin = origin;
  }

  public static SourceText of(String name, String text) {
    return new SourceText(name, text, null);
  }

  /** A text embedded in another file; positions are reported in that file through {@code origin}. */
  public static SourceText embedded(String name, String text, EmbeddedOrigin origin) {
    return new SourceText(name, text, Objects.requireNonNull(origin, "origin is null"));
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  public LineMap lineMap() {
    if (lineMap == null) lineMap = new LineMap(text);
    return lineMap;
  }

  /** The position of an offset as the user should see it: in the containing file when embedded. */
  public Position position(int offset) {
    LineMap map = lineMap();
    int line = map.line(offset);
    int column = map.column(offset);
    return origin == null ? new Position(line, column) : origin.map(line, column);
  }

  /** The text of the 1-based line of this text (not of the container), without its terminator. */
  public String lineText(int line) {
    LineMap map = lineMap();
    return text.substring(map.lineStart(line), map.lineEnd(line, text));
  }

  /** A 1-based line and column in the file the user edits. */
  public record Position(int line, int column) {}

  /**
   * Where an embedded text sits in its container: each line {@code i} (1-based) of the embedded text
   * begins at container line {@code firstLine + i - 1}, column {@code indent + 1}. This is the shape of
   * YAML block scalars ({@code query: |}), whose lines share one indentation.
   */
  public record EmbeddedOrigin(int firstLine, int indent) {
    Position map(int line, int column) {
      return new Position(firstLine + line - 1, column + indent);
    }
  }
}
