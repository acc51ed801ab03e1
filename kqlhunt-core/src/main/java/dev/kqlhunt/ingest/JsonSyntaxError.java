package dev.kqlhunt.ingest;

/**
 * A JSON syntax or encoding error found by {@link JsonBytes}: its code ({@link
 * IngestCode#MALFORMED_JSON}, {@link IngestCode#INVALID_UTF8} or {@link IngestCode#TRUNCATED_INPUT})
 * and the byte offset in the parsed array. Stackless: it is control flow for bad records, not a bug.
 */
public final class JsonSyntaxError extends Exception {
  private final IngestCode code;
  private final int offset;
  private final int badByte;

  JsonSyntaxError(IngestCode code, String message, int offset, int badByte) {
    super(message, null, false, false);
    this.code = code;
    this.offset = offset;
    this.badByte = badByte;
  }

  public IngestCode code() {
    return code;
  }

  /** Offset of the error in the byte array given to the parser. */
  public int offset() {
    return offset;
  }

  /** The offending byte for {@link IngestCode#INVALID_UTF8}, else -1. */
  public int badByte() {
    return badByte;
  }
}
