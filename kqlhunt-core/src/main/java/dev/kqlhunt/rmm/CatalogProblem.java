package dev.kqlhunt.rmm;

import java.util.Objects;

/**
 * A reason a catalog file was rejected, positioned in that file.
 *
 * @param file the catalog file name ({@code anydesk.yaml})
 * @param line 1-based line, or 0 when the problem concerns the whole catalog
 * @param message what is wrong
 */
public record CatalogProblem(String file, int line, String message) {
  public CatalogProblem {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(message, "message is null");
    if (line < 0) {
      throw new IllegalArgumentException("line < 0");
    }
  }

  /** {@code file:line: message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    return line == 0 ? file + ": " + message : file + ":" + line + ": " + message;
  }
}
