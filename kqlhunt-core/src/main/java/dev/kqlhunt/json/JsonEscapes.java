package dev.kqlhunt.json;

/** The escapes of RFC 8259 section 7, shared by the JSON readers of text and of bytes. */
public final class JsonEscapes {
  /** {@link #simple} for {@code \}{@code u}: four hex digits follow. */
  public static final int UNICODE = -1;
  /** {@link #simple} for a character that does not start a JSON escape. */
  public static final int INVALID = -2;

  private JsonEscapes() {}

  /**
   * The character a one-character escape {@code \c} stands for, {@link #UNICODE} for {@code u}, or
   * {@link #INVALID}.
   */
  public static int simple(int c) {
    return switch (c) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> UNICODE;
      default -> INVALID;
    };
  }
}
