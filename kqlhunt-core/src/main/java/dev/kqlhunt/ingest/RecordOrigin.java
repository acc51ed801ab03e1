package dev.kqlhunt.ingest;

import java.util.Objects;

/**
 * Where one input record came from, for rejects and for tracing a stored row back to its source.
 *
 * @param source the input's display name: a file path, or {@code archive.zip!/entry.json} for an
 *     archive member (see {@link InputSource#name()})
 * @param line 1-based line where the record starts, or 0 when the format has no lines (EVTX)
 * @param byteOffset byte offset of the record's first byte in the (decompressed) input, or -1 when
 *     unknown
 * @param index 0-based index of the record in the input, counting every record read (stored,
 *     rejected or skipped)
 */
public record RecordOrigin(String source, long line, long byteOffset, long index) {
  public RecordOrigin {
    Objects.requireNonNull(source, "source is null");
    if (line < 0) throw new IllegalArgumentException("line < 0: " + line);
    if (byteOffset < -1) throw new IllegalArgumentException("byteOffset < -1: " + byteOffset);
    if (index < 0) throw new IllegalArgumentException("index < 0: " + index);
  }

  /** An origin for a whole input (a file that could not be read at all, say). */
  public static RecordOrigin wholeInput(String source) {
    return new RecordOrigin(source, 0, 0, 0);
  }

  /** {@code file:line} when the line is known, else {@code file@offset}, else {@code file#index}. */
  @Override
  public String toString() {
    if (line > 0) return source + ":" + line;
    if (byteOffset >= 0) return source + "@" + byteOffset;
    return source + "#" + index;
  }
}
