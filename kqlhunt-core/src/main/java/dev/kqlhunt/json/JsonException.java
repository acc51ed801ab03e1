package dev.kqlhunt.json;

/** Malformed JSON, with the 0-based character offset and 1-based line and column of the problem. */
public final class JsonException extends RuntimeException {
  private final int offset;
  private final int line;
  private final int column;

  public JsonException(String reason, int offset, int line, int column) {
    super(reason + " at line " + line + ", column " + column + " (offset " + offset + ")");
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  public int offset() {
    return offset;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
