package dev.kqlhunt.store;

import dev.kqlhunt.ingest.ForwardingSink;
import dev.kqlhunt.ingest.JsonLinesRange;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReadSummary;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores one JSON-lines file through the fast path ({@link JsonLinesRange}) straight into a {@link
 * StoreWriter}, using both cores for a big file: the caller's thread reads the first half (up to a
 * line start) into the writer, a worker reads the second half into side buffers ({@link
 * SegmentBuffers}) and keeps its rejects, skips and warnings; then the writer adopts the side's
 * segments after its own and the events are passed on, shifted by the first half's lines and
 * records, so the sink sees exactly what a sequential read would have sent, in the same order (a
 * warning the first half already gave is not repeated).
 *
 * <p>A second half with more than {@link #MAX_SIDE_EVENTS} events (a badly broken file) is
 * abandoned and read again sequentially, so memory stays bounded. A failure of either half (I/O,
 * {@code --max-rejects}) discards the side's segments and propagates; the caller rolls back.
 */
final class ParallelJsonFile {
  /** Files below this size are read by the caller's thread alone. */
  static final long PARALLEL_MIN_BYTES = 32L << 20;

  static final int MAX_SIDE_EVENTS = 10_000;

  private ParallelJsonFile() {}

  /** Reads {@code plan}'s file; rows go to {@code writer}, everything else to {@code sink}. */
  static ReadSummary ingest(JsonLinesRange.Plan plan, ReadOptions options, StoreWriter writer,
      RecordSink sink, ExecutorService worker, long parallelMinBytes) throws IOException {
    String table = plan.table();
    JsonLinesRange.RowSink direct = row -> writer.appendDecoded(table, row);
    long size = plan.size();
    long mid = size >= parallelMinBytes ? JsonLinesRange.nextLineStart(plan.file(), size / 2) : size;
    if (mid >= size) {
      JsonLinesRange.Result r = JsonLinesRange.read(plan, options, 0, -1, 0, 0, direct, sink, () -> false);
      return summary(plan, r, null);
    }
    SegmentBuffers side = writer.sideBuffers();
    SideSink sideSink = new SideSink(side);
    AtomicBoolean cancel = new AtomicBoolean();
    Future<JsonLinesRange.Result> second = worker.submit(() -> {
      JsonLinesRange.Result r = JsonLinesRange.read(plan, options, mid, -1, 0, 0,
          row -> side.appendDecoded(table, row), sideSink, () -> cancel.get() || sideSink.overflowed());
      // Encode the side's last days here, not on the caller's thread: they are written out anyway.
      if (!r.cancelled()) side.flushAll();
      return r;
    });
    WarningMemory firstSink = new WarningMemory(sink);
    JsonLinesRange.Result first;
    JsonLinesRange.Result rest;
    try {
      first = JsonLinesRange.read(plan, options, 0, mid, 0, 0, direct, firstSink, () -> false);
      rest = await(second);
    } catch (IOException | RuntimeException | Error e) {
      cancel.set(true);
      try {
        await(second);
      } catch (IOException | RuntimeException | Error ignored) {
        // the first failure is the one to report
      }
      side.discard();
      throw e;
    }
    if (rest.cancelled()) {
      side.discard();
      rest = JsonLinesRange.read(plan, options, mid, -1, first.lines(), first.records(), direct, sink, () -> false);
      return summary(plan, first, rest);
    }
    // Adopt first: should a replayed reject exceed --max-rejects, the rollback removes these too.
    writer.adopt(side);
    for (SideSink.Event e : sideSink.events) {
      Reject r = shift(e.reject(), first.lines(), first.records());
      switch (e.kind()) {
        case REJECT -> sink.reject(r);
        case SKIP -> sink.skip(r);
        case WARNING -> {
          if (!firstSink.warned.contains(key(r))) sink.warning(r);
        }
      }
    }
    return summary(plan, first, rest);
  }

  private static JsonLinesRange.Result await(Future<JsonLinesRange.Result> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof UncheckedIOException u) throw u.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }

  private static Reject shift(Reject r, long lines, long records) {
    RecordOrigin o = r.origin();
    if (o.line() == 0) return r; // not about a record (an I/O warning)
    RecordOrigin moved = new RecordOrigin(o.source(), o.line() + lines, o.byteOffset(), o.index() + records);
    return new Reject(moved, r.code(), r.reason(), r.raw());
  }

  private static String key(Reject r) {
    return r.code().id() + "\0" + r.reason();
  }

  private static ReadSummary summary(JsonLinesRange.Plan plan, JsonLinesRange.Result a, JsonLinesRange.Result b) {
    Map<String, Long> byTable = new TreeMap<>(a.storedByTable());
    long read = a.records();
    long stored = a.stored();
    long rejected = a.rejected();
    long skipped = a.skipped();
    if (b != null) {
      b.storedByTable().forEach((t, n) -> byTable.merge(t, n, Long::sum));
      read += b.records();
      stored += b.stored();
      rejected += b.rejected();
      skipped += b.skipped();
    }
    return new ReadSummary(1, read, stored, rejected, skipped, plan.size(), byTable);
  }

  /** Passes everything on and remembers the warnings given. */
  private static final class WarningMemory extends ForwardingSink {
    final Set<String> warned = new HashSet<>();

    WarningMemory(RecordSink downstream) {
      super(downstream);
    }

    @Override
    public void warning(Reject warning) {
      warned.add(key(warning));
      downstream.warning(warning);
    }
  }

  /** The second half's sink: rows into the side buffers, events kept for later. */
  private static final class SideSink implements RecordSink {
    enum Kind { REJECT, SKIP, WARNING }

    record Event(Kind kind, Reject reject) {}

    private final SegmentBuffers side;
    final List<Event> events = new ArrayList<>();
    private volatile boolean overflowed;

    SideSink(SegmentBuffers side) {
      this.side = side;
    }

    boolean overflowed() {
      return overflowed;
    }

    @Override
    public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
      try {
        side.accept(table, values);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void add(Kind kind, Reject r) {
      events.add(new Event(kind, r));
      if (events.size() > MAX_SIDE_EVENTS) overflowed = true;
    }

    @Override
    public void reject(Reject reject) {
      add(Kind.REJECT, reject);
    }

    @Override
    public void skip(Reject skipped) {
      add(Kind.SKIP, skipped);
    }

    @Override
    public void warning(Reject warning) {
      add(Kind.WARNING, warning);
    }
  }
}
