package dev.kqlhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON documents held in memory: an array of records, an Event Hub message {@code
 * {"records":[...]}}, an Advanced Hunting API response ({@code {"Schema":[...],"Results":[...]}} or
 * Graph's lowercase {@code schema}/{@code results}), a single object, or several such values one after
 * the other (pretty-printed objects concatenated).
 *
 * <p>Elements are parsed one at a time and routed as they come (see {@link JsonRecordRouter}), each
 * with the line and byte offset where it starts. An element with invalid UTF-8 is rejected and
 * skipped structurally; a syntax error or a truncated document ends reading: the elements before are
 * kept, the rest of the document is one reject. Hunting API values are typed by the response's
 * {@code Schema} ({@link HuntingApiSchema}).
 *
 * <p>The document is read whole, up to {@link ReadOptions#maxDocumentBytes()}; beyond that the tail
 * is one {@link IngestCode#RECORD_TOO_LARGE} reject.
 */
public final class JsonDocumentReader implements FormatReader {
  @Override
  public long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException {
    byte[] doc;
    long excess = 0;
    String ioProblem = null;
    try (InputStream in = source.openStream()) {
      doc = readAtMost(in, options.maxDocumentBytes());
      try {
        if (doc.length == options.maxDocumentBytes()) excess = in.skip(Long.MAX_VALUE);
      } catch (IOException e) {
        ioProblem = e.getMessage();
      }
    } catch (TruncatedRead t) {
      doc = t.bytes;
      ioProblem = t.getCause().getMessage();
    }
    Session s = new Session(source, options, sink, doc);
    long read = s.readAll();
    if (s.unfinished && (excess > 0 || ioProblem != null)) {
      // The tail reject written by readAll already covers the cut; say why it was cut.
      sink.warning(
          Reject.of(
              RecordOrigin.wholeInput(source.name()),
              "",
              IngestCode.IO_ERROR,
              source.name(),
              excess > 0 ? "document larger than " + options.maxDocumentBytes() + " bytes" : ioProblem));
    }
    return read;
  }

  /**
   * Reads up to {@code max} bytes in 1 MiB chunks, then copies them once into an exact array: the
   * peak is twice the document, not the three times of a doubling buffer.
   */
  private static byte[] readAtMost(InputStream in, long max) throws TruncatedRead {
    List<byte[]> chunks = new ArrayList<>();
    long total = 0;
    IOException failure = null;
    boolean more = true;
    while (more && total < max && failure == null) {
      byte[] chunk = new byte[(int) Math.min(1 << 20, max - total)];
      int n = 0;
      try {
        for (int k; n < chunk.length && (k = in.read(chunk, n, chunk.length - n)) >= 0; ) n += k;
      } catch (IOException e) {
        failure = e; // keep every byte delivered before it
      }
      chunks.add(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
      total += n;
      more = n == chunk.length;
    }
    byte[] doc = new byte[(int) total];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, doc, at, c.length);
      at += c.length;
    }
    if (failure != null) throw new TruncatedRead(doc, failure);
    return doc;
  }

  /** The bytes read before a stream failure. */
  private static final class TruncatedRead extends Exception {
    final byte[] bytes;

    TruncatedRead(byte[] bytes, IOException cause) {
      super(cause);
      this.bytes = bytes;
    }
  }

  /** The state of reading one document. */
  private static final class Session {
    private final ReadOptions options;
    private final byte[] doc;
    private final JsonBytes parser = new JsonBytes();
    private final JsonRecordRouter router;
    private final LineCounter lines;
    private boolean unfinished;
    private long read;

    Session(InputSource source, ReadOptions options, RecordSink sink, byte[] doc) {
      this.options = options;
      this.doc = doc;
      this.router = new JsonRecordRouter(source, options, sink);
      this.lines = new LineCounter(doc);
    }

    long readAll() {
      int start = skipBom();
      parser.reset(doc, start, doc.length - start);
      try {
        while (parser.peek() >= 0) readTopValue();
      } catch (JsonSyntaxError e) {
        rejectTail(e);
      }
      return read;
    }

    private int skipBom() {
      boolean bom =
          doc.length >= 3 && (doc[0] & 0xFF) == 0xEF && (doc[1] & 0xFF) == 0xBB && (doc[2] & 0xFF) == 0xBF;
      return bom ? 3 : 0;
    }

    private void readTopValue() throws JsonSyntaxError {
      int c = parser.peek();
      if (c == '[') {
        parser.expect('[');
        readElements(null);
      } else if (c == '{') {
        readTopObject();
      } else {
        int at = parser.position();
        Object v = parser.readValue();
        read += router.route(v, lines.lineAt(at), at, () -> String.valueOf(v));
      }
    }

    /**
     * Reads a top-level object member by member, so that {@code Results}/{@code records} arrays are
     * streamed instead of built whole.
     */
    private void readTopObject() throws JsonSyntaxError {
      int at = parser.position();
      parser.expect('{');
      Map<String, Object> members = new LinkedHashMap<>();
      HuntingApiSchema schema = null;
      boolean streamed = false;
      List<Object[]> pending = null; // Results seen before Schema: elements with their offsets
      if (parser.peek() == '}') parser.expect('}');
      else {
        while (true) {
          String key = parser.readKey();
          boolean isResults = key.equals("Results") || key.equals("results");
          boolean isRecords = key.equals("records");
          if ((isResults || isRecords) && parser.peek() == '[') {
            parser.expect('[');
            streamed = true;
            if (isResults && schema == null) pending = new ArrayList<>();
            readElements(isResults ? schema : null, isResults ? pending : null);
          } else {
            Object v = parser.readValue();
            members.put(key, v);
            if (key.equals("Schema") || key.equals("schema")) schema = HuntingApiSchema.of(v);
          }
          int c = parser.peek();
          if (c == ',') {
            parser.expect(',');
            continue;
          }
          parser.expect('}');
          break;
        }
      }
      if (pending != null) routePending(pending, schema);
      int end = parser.position();
      if (!streamed) read += router.route(members, lines.lineAt(at), at, () -> clip(at, end));
    }

    private void readElements(HuntingApiSchema schema) throws JsonSyntaxError {
      readElements(schema, null);
    }

    /** Reads array elements up to the closing bracket (already past the opening one). */
    private void readElements(HuntingApiSchema schema, List<Object[]> pending)
        throws JsonSyntaxError {
      if (parser.peek() == ']') {
        parser.expect(']');
        return;
      }
      while (true) {
        readElement(schema, pending);
        int c = parser.peek();
        if (c == ',') {
          parser.expect(',');
          continue;
        }
        parser.expect(']');
        return;
      }
    }

    private void readElement(HuntingApiSchema schema, List<Object[]> pending)
        throws JsonSyntaxError {
      parser.peek(); // the element starts after the white space
      int at = parser.position();
      Object v;
      try {
        v = parser.readValue();
      } catch (JsonSyntaxError e) {
        if (e.code() != IngestCode.INVALID_UTF8) throw e;
        int bad = e.offset();
        parser.reset(doc, at, doc.length - at);
        boolean skipped = parser.skipValue();
        int endAt = parser.position();
        read +=
            router.reject(
                lines.lineAt(at), at, RawBytes.text(doc, at, endAt - at), IngestCode.INVALID_UTF8,
                e.badByte(), bad - at);
        if (!skipped) throw e;
        return;
      }
      int end = parser.position();
      if (end - at > options.maxRecordBytes()) { // the same limit as for lines, for the same store
        read +=
            router.reject(
                lines.lineAt(at), at, clip(at, end), IngestCode.RECORD_TOO_LARGE, (long) (end - at),
                options.maxRecordBytes());
        return;
      }
      if (pending != null) {
        pending.add(new Object[] {v, at, end});
        return;
      }
      if (schema != null) v = schema.type(v);
      Object value = v;
      read += router.route(value, lines.lineAt(at), at, () -> clip(at, end));
    }

    private void routePending(List<Object[]> pending, HuntingApiSchema schema) {
      for (Object[] p : pending) {
        int at = (Integer) p[1];
        int end = (Integer) p[2];
        Object v = schema == null ? p[0] : schema.type(p[0]);
        read += router.route(v, lines.lineAt(at), at, () -> clip(at, end));
      }
    }

    private void rejectTail(JsonSyntaxError e) {
      unfinished = true;
      int at = Math.min(e.offset(), doc.length);
      // Report from the start of the line of the error: that is where a reader would look.
      int from = at;
      while (from > 0 && doc[from - 1] != '\n') from--;
      String raw = RawBytes.text(doc, from, doc.length - from);
      long line = lines.lineAt(from);
      read +=
          switch (e.code()) {
            case INVALID_UTF8 ->
                router.reject(line, from, raw, IngestCode.INVALID_UTF8, e.badByte(), at - from);
            case TRUNCATED_INPUT ->
                router.reject(line, from, raw, IngestCode.TRUNCATED_INPUT, e.getMessage());
            default ->
                router.reject(
                    line, from, raw, IngestCode.MALFORMED_JSON, e.getMessage() + " at byte " + at);
          };
    }

    /** The raw text of the value in {@code doc[at, end)}. */
    private String clip(int at, int end) {
      return RawBytes.text(doc, at, end - at);
    }
  }
}
