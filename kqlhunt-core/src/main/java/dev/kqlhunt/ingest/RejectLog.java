package dev.kqlhunt.ingest;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes rejects, skips and warnings as JSON lines (the {@code DIR/rejects/*.jsonl} of the store),
 * and passes every call on to {@code downstream}. One line per event:
 *
 * <pre>{"kind":"reject","code":"KQL4006","source":"a.csv","line":5,"offset":812,"index":3,
 *  "reason":"column 'ProcessId' of type long: cannot convert \"x\" (not a number)","raw":"..."}</pre>
 *
 * {@code kind} is {@code reject}, {@code skip} or {@code warning}; {@code line} is 0 and {@code
 * offset} -1 when unknown; {@code raw} is at most {@link Reject#MAX_RAW_CHARS} characters. The writer
 * is not closed here; write failures surface as {@link UncheckedIOException}. Not thread-safe.
 */
public final class RejectLog implements RecordSink {
  private final Writer out;
  private final RecordSink downstream;

  public RejectLog(Writer out, RecordSink downstream) {
    this.out = Objects.requireNonNull(out, "out is null");
    this.downstream = Objects.requireNonNull(downstream, "downstream is null");
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    downstream.accept(table, values, origin);
  }

  @Override
  public void reject(Reject reject) {
    write("reject", reject);
    downstream.reject(reject);
  }

  @Override
  public void skip(Reject skipped) {
    write("skip", skipped);
    downstream.skip(skipped);
  }

  @Override
  public void warning(Reject warning) {
    write("warning", warning);
    downstream.warning(warning);
  }

  /** The JSON line of one event, without the newline. */
  public static String toJson(String kind, Reject r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("code", r.code().id());
    m.put("source", r.origin().source());
    m.put("line", r.origin().line());
    m.put("offset", r.origin().byteOffset());
    m.put("index", r.origin().index());
    m.put("reason", r.reason());
    m.put("raw", r.raw());
    return Json.write(m);
  }

  private void write(String kind, Reject r) {
    try {
      out.write(toJson(kind, r));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
