package dev.kqlhunt.symbols;

/**
 * A schema file that cannot be used. The message reads {@code FILE:LINE:COLUMN: reason}, ready to
 * print; line and column are 1-based.
 */
public final class SchemaFileException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public SchemaFileException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
