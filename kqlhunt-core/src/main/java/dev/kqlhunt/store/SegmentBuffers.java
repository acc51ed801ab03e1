package dev.kqlhunt.store;

import dev.kqlhunt.ingest.JsonRowDecoder;
import dev.kqlhunt.ingest.SchemaLookup;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows buffered per table and day on their way to segment files, and the segments written since
 * the last commit (invisible until a manifest lists them). A day reaching {@link
 * StoreWriter#SEGMENT_ROWS} rows, a finished day ({@link StoreWriter#IDLE_ROWS}) or the buffers
 * exceeding their byte budget is written out early.
 *
 * <p>{@link StoreWriter} owns one; the parallel JSON-lines path ({@link ParallelJsonFile}) gives its
 * second thread another, whose segments and columns the writer adopts in order ({@link
 * StoreWriter#adopt}). Single-threaded; instances may live on different threads (segment file
 * names come from a shared counter).
 */
final class SegmentBuffers {
  private static final int BUDGET_CHECK_ROWS = 8192;

  private final Path dir;
  private final SchemaLookup schemas;
  private final Manifest manifest;
  private final AtomicInteger sequence;
  private final long budget;
  final Map<String, TableBuffer> tables = new LinkedHashMap<>();
  final List<SegmentMeta> pending = new ArrayList<>();
  final Set<Path> touchedDirs = new HashSet<>();
  private final BufferPool pool = new BufferPool();
  private int rowsSinceCheck;
  private long rowCounter;

  SegmentBuffers(Path dir, SchemaLookup schemas, Manifest manifest, AtomicInteger sequence, long budget) {
    this.dir = dir;
    this.schemas = schemas;
    this.manifest = manifest;
    this.sequence = sequence;
    this.budget = budget;
  }

  TableBuffer table(String name) {
    TableBuffer t = tables.get(name);
    if (t == null) {
      t = new TableBuffer(name, manifest.tables().getOrDefault(name, List.of()), schemas.schema(name));
      t.pool = pool;
      tables.put(name, t);
    }
    return t;
  }

  /** Appends one typed row (see {@link dev.kqlhunt.ingest.TypingSink}). */
  void accept(String table, Map<String, Object> values) throws IOException {
    TableBuffer t = table(table);
    afterAppend(t, t.append(values));
  }

  /** Appends the row {@code row} holds (the JSON fast path); its schema is {@code table}'s. */
  void appendDecoded(String table, JsonRowDecoder row) throws IOException {
    TableBuffer t = table(table);
    afterAppend(t, t.appendDecoded(row));
  }

  private void afterAppend(TableBuffer t, TableBuffer.Partition p) throws IOException {
    p.lastTouched = ++rowCounter;
    if (p.rows >= StoreWriter.SEGMENT_ROWS) flush(t, p);
    if (++rowsSinceCheck >= BUDGET_CHECK_ROWS) {
      rowsSinceCheck = 0;
      flushIdle();
      flushIfOverBudget();
    }
  }

  private void flushIdle() throws IOException {
    for (TableBuffer t : tables.values()) {
      for (TableBuffer.Partition p : new ArrayList<>(t.partitions.values())) {
        if (p.rows >= StoreWriter.IDLE_ROWS && rowCounter - p.lastTouched >= StoreWriter.IDLE_ROWS) {
          flush(t, p);
        }
      }
    }
  }

  private void flushIfOverBudget() throws IOException {
    long total = 0;
    TableBuffer largestTable = null;
    TableBuffer.Partition largest = null;
    long largestBytes = -1;
    for (TableBuffer t : tables.values()) {
      for (TableBuffer.Partition p : t.partitions.values()) {
        long b = p.bufferedBytes();
        total += b;
        if (b > largestBytes) {
          largest = p;
          largestTable = t;
          largestBytes = b;
        }
      }
    }
    if (total > budget && largest != null) flush(largestTable, largest);
  }

  /** Writes every buffered partition out as a segment. */
  void flushAll() throws IOException {
    for (TableBuffer t : tables.values()) {
      for (TableBuffer.Partition p : new ArrayList<>(t.partitions.values())) flush(t, p);
    }
  }

  /** Writes a partition out as an invisible segment and forgets its rows. */
  private void flush(TableBuffer t, TableBuffer.Partition p) throws IOException {
    t.partitions.remove(p.day);
    p.written = true;
    if (p.rows == 0) return;
    // Columns that appeared after this partition's last row still need a null for every row.
    List<ColumnBuffer> cols = new ArrayList<>();
    List<ColumnSymbol> all = t.columns();
    for (int i = 0; i < all.size(); i++) {
      ColumnSymbol c = all.get(i);
      ColumnBuffer b = i < p.columns.length ? p.columns[i] : null;
      if (b == null) {
        b = ColumnBuffer.create(c.name(), c.type());
        b.padNulls(p.rows);
      }
      cols.add(b);
    }
    String rel = "segments/" + StoreWriter.safeName(t.table) + "/" + p.name() + "/"
        + (manifest.generation() + 1) + "-" + sequence.getAndIncrement() + ".seg";
    Path file = dir.resolve(rel);
    Files.createDirectories(file.getParent());
    long[] written = SegmentFile.write(file, cols, p.rows);
    for (ColumnBuffer c : cols) c.recycle(pool);
    touchedDirs.add(file.getParent());
    touchedDirs.add(file.getParent().getParent());
    touchedDirs.add(file.getParent().getParent().getParent());
    boolean timed = p.minTime <= p.maxTime;
    pending.add(new SegmentMeta(t.table, rel, p.name(), p.rows, written[1], written[0],
        timed ? p.minTime : Long.MIN_VALUE, timed ? p.maxTime : Long.MIN_VALUE));
  }

  /** Deletes the segments written since the last commit and forgets every buffered row. */
  void discard() throws IOException {
    for (SegmentMeta s : pending) Files.deleteIfExists(dir.resolve(s.file()));
    pending.clear();
    touchedDirs.clear();
    tables.clear();
  }

  /** Values of extra columns stored as null (kind differing from the column's), taken once. */
  long takeCoerced() {
    long n = 0;
    for (TableBuffer t : tables.values()) {
      n += t.coerced;
      t.coerced = 0;
    }
    return n;
  }
}
