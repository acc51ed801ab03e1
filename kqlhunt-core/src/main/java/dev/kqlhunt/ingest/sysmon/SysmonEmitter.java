package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.diag.DiagnosticCode;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;

/**
 * The end of every Sysmon reader: maps each decoded event and hands the outcome to the sink,
 * exactly one of accept / reject / skip per record read, and counts the records read. One per
 * input.
 */
final class SysmonEmitter {
  private final String source;
  private final RecordSink sink;
  private final SysmonMapper mapper;
  private long index;

  SysmonEmitter(String source, RecordSink sink, SysmonMapper mapper) {
    this.source = source;
    this.sink = sink;
    this.mapper = mapper;
  }

  /**
   * One decoded event at {@code line} (0 when the format has none) / {@code byteOffset} (-1
   * unknown).
   */
  void event(SysmonEvent event, long line, long byteOffset, String raw) {
    RecordOrigin origin = origin(line, byteOffset);
    SysmonMapping mapping;
    try {
      mapping = mapper.map(event);
    } catch (IllegalArgumentException e) {
      sink.reject(
          Reject.of(origin, raw, SysmonCode.BAD_EVENT_VALUE, event.eventId(), e.getMessage()));
      return;
    } catch (RuntimeException e) {
      // A mapping bug must cost one record, not the input: readers promise never to throw on
      // content.
      sink.reject(
          Reject.of(origin, raw, SysmonCode.BAD_EVENT_VALUE, event.eventId(), e.toString()));
      return;
    }
    switch (mapping) {
      case SysmonMapping.Row row ->
          sink.accept(row.table(), new java.util.LinkedHashMap<>(row.values()), origin);
      case SysmonMapping.Skipped skipped ->
          sink.skip(Reject.of(origin, "", SysmonCode.NO_TABLE_FOR_EVENT, skipped.reason()));
    }
  }

  /** One record that could not be decoded. */
  void reject(long line, long byteOffset, String raw, DiagnosticCode code, Object... args) {
    sink.reject(Reject.of(origin(line, byteOffset), raw, code, args));
  }

  /** A note about the input as a whole (not a record). */
  void warning(long byteOffset, DiagnosticCode code, Object... args) {
    sink.warning(Reject.of(new RecordOrigin(source, 0, byteOffset, index), "", code, args));
  }

  long read() {
    return index;
  }

  SysmonMapper mapper() {
    return mapper;
  }

  private RecordOrigin origin(long line, long byteOffset) {
    return new RecordOrigin(source, line, byteOffset, index++);
  }
}
