package dev.kqlhunt.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON lines: one JSON value per line, each routed by {@link JsonRecordRouter} (so Streaming
 * API blob lines and Event Hub messages work too). Blank lines are not records. A line that does not
 * parse, is longer than {@link ReadOptions#maxRecordBytes()}, or holds invalid UTF-8 is one reject
 * with its line number and byte offset; reading resumes at the next line. The last line of a file
 * that ends inside a record is rejected as {@link IngestCode#TRUNCATED_INPUT}.
 *
 * <p>Input that turns out to be one pretty-printed document (its first line does not parse alone but
 * the head starts with {@code {} or {@code [}) should go to {@link JsonDocumentReader}; {@link
 * FormatDetector} makes that choice.
 */
public final class JsonLinesReader implements FormatReader {
  @Override
  public long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException {
    JsonRecordRouter router = new JsonRecordRouter(source, options, sink);
    JsonBytes parser = new JsonBytes();
    long read = 0;
    try (InputStream in = source.openStream()) {
      LineReader lines = new LineReader(in, options.maxRecordBytes());
      while (lines.next()) {
        read += readLine(lines, parser, router, options, lines.lineNumber() == 1);
      }
      IOException failure = lines.failure();
      if (failure != null && lines.takeFailure()) {
        sink.warning(ioWarning(source, lines, failure));
      }
    }
    return read;
  }

  /**
   * Reads the current line of {@code lines} through {@code router}; {@code firstOfInput}: it is the
   * input's first line (which may start with a BOM). Returns the records it accounted for.
   */
  static long readLine(LineReader lines, JsonBytes parser, JsonRecordRouter router, ReadOptions options,
      boolean firstOfInput) {
    byte[] b = lines.buffer();
    int bom = firstOfInput ? bomLength(b, lines.start(), lines.length()) : 0;
    int off = lines.start() + bom;
    int len = lines.length() - bom;
    long line = lines.lineNumber();
    long offset = lines.lineOffset();
    if (lines.tooLong()) {
      return router.reject(
          line,
          offset,
          RawBytes.text(b, off, len),
          IngestCode.RECORD_TOO_LARGE,
          lines.fullLength(),
          options.maxRecordBytes());
    }
    if (RawBytes.isBlank(b, off, len)) return 0;
    Object value;
    try {
      value = parser.parse(b, off, len);
    } catch (JsonSyntaxError e) {
      return rejectSyntax(router, lines, e);
    }
    return router.route(value, line, offset, () -> RawBytes.text(b, off, len));
  }

  static int bomLength(byte[] b, int off, int len) {
    return len >= 3 && (b[off] & 0xFF) == 0xEF && (b[off + 1] & 0xFF) == 0xBB && (b[off + 2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  private static long rejectSyntax(JsonRecordRouter router, LineReader lines, JsonSyntaxError e) {
    byte[] b = lines.buffer();
    int off = lines.start();
    int len = lines.length();
    String raw = RawBytes.text(b, off, len);
    long line = lines.lineNumber();
    long offset = lines.lineOffset();
    int at = e.offset() - off;
    return switch (e.code()) {
      case INVALID_UTF8 -> router.reject(line, offset, raw, IngestCode.INVALID_UTF8, e.badByte(), at);
      case TRUNCATED_INPUT -> {
        String why = e.getMessage();
        if (lines.takeFailure()) why += "; " + lines.failure().getMessage();
        yield router.reject(line, offset, raw, IngestCode.TRUNCATED_INPUT, why);
      }
      default ->
          router.reject(line, offset, raw, IngestCode.MALFORMED_JSON, e.getMessage() + " at byte " + at);
    };
  }

  private static Reject ioWarning(InputSource source, LineReader lines, IOException failure) {
    return ioWarning(source.name(), lines.bytesRead(), failure);
  }

  static Reject ioWarning(String name, long offset, IOException failure) {
    RecordOrigin at = new RecordOrigin(name, 0, offset, 0);
    return Reject.of(at, "", IngestCode.IO_ERROR, name, failure.getMessage());
  }
}
