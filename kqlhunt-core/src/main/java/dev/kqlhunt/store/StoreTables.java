package dev.kqlhunt.store;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ScanRequest;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The store as the executor's {@link DataSource}. {@link #scan} reads only what a scan needs:
 * segments are chosen by the request's time ranges against the manifest and by every range and
 * string condition against the segment's footer statistics and dictionaries ({@link SegmentScan}),
 * rows by the conditions over codes and values, and only the requested columns of the surviving
 * rows are materialised ({@link ScanResults}). Blocks and decoded columns are kept in a cache
 * bounded by bytes ({@link BlockCache}), so a repeated query reads nothing from disk.
 *
 * <p>Every chunk of a block read is checked against its CRC32 before use: damage surfaces as {@link CorruptStoreException}
 * (I/O failures as {@link UncheckedIOException}), never as data. Thread-safe.
 */
public final class StoreTables implements DataSource {
  private final Store store;
  private final BlockCache cache;
  private final ReadStats stats = new ReadStats();
  private final long parallelRows;

  /** Serves {@code store} with a cache of at most a quarter of the maximum heap. */
  public StoreTables(Store store) {
    this(store, Runtime.getRuntime().maxMemory() / 4);
  }

  /** Serves {@code store} with a cache of at most about {@code cacheBytes} (0: no cache). */
  public StoreTables(Store store, long cacheBytes) {
    this(store, cacheBytes, SegmentWork.PARALLEL_ROWS);
  }

  /** As above; scans of at least {@code parallelRows} rows use every core (tests force it with 0). */
  StoreTables(Store store, long cacheBytes, long parallelRows) {
    this.store = store;
    this.cache = new BlockCache(cacheBytes);
    this.parallelRows = parallelRows;
  }

  /** What has been read from segment files so far (cache hits are not reads). */
  public ReadStats readStats() {
    return stats;
  }

  /** Estimated bytes held by the cache. */
  public long cachedBytes() {
    return cache.usedBytes();
  }

  /** The whole table (every column, every row), or null when the store has no such table. */
  @Override
  public Table table(String name) {
    return scan(ScanRequest.all(name));
  }

  /** The rows with a time in {@code [fromTicks, toTicks]} (the table's time column), all columns. */
  public Table table(String name, long fromTicks, long toTicks) {
    return table(name, fromTicks, toTicks, Map.of());
  }

  /**
   * The rows with a time in {@code [fromTicks, toTicks]} whose value of every column of {@code
   * dictionaryFilters} satisfies its predicate, all columns. Without a time column the range is
   * ignored when it is everything.
   */
  public Table table(String name, long fromTicks, long toTicks, Map<String, Predicate<String>> dictionaryFilters) {
    List<ScanRequest.Range> ranges = new ArrayList<>();
    String time = store.timeColumn(name);
    if (time != null && (fromTicks != Long.MIN_VALUE || toTicks != Long.MAX_VALUE)) {
      ranges.add(new ScanRequest.Range(time, fromTicks, toTicks));
    }
    List<ScanRequest.StringCondition> strings = new ArrayList<>();
    dictionaryFilters.forEach((c, p) -> strings.add(new ScanRequest.StringCondition(c, p)));
    return scan(new ScanRequest(name, null, ranges, strings));
  }

  /**
   * The rows of the requested table that may meet every range and string condition of {@code
   * request} (rows that fail one are dropped; the executor re-applies its predicates anyway), with the
   * requested columns that the store has, in stored order; null when the store has no such table.
   */
  @Override
  public Table scan(ScanRequest request) {
    String name = request.table();
    if (!store.tables().contains(name)) return null;
    List<ColumnSymbol> columns = new ArrayList<>();
    for (ColumnSymbol c : store.columns(name)) if (request.reads(c.name())) columns.add(c);
    List<SegmentMeta> segments = segments(name, request.ranges());
    long rows = 0;
    for (SegmentMeta s : segments) rows += s.rows();
    SegmentScan.Result[] results = new SegmentScan.Result[segments.size()];
    // Segments not in the cache are read from their files: overlap the reads (see SegmentWork).
    boolean io = !segments.isEmpty() && cache.get(SegmentData.footerKey(segments.get(0))) == null;
    SegmentWork.run(segments.size(), rows >= parallelRows, io && rows >= parallelRows, i -> {
      try (SegmentData data = new SegmentData(store, segments.get(i), cache, stats)) {
        return new SegmentScan(data).run(request.ranges(), request.strings(), columns);
      }
    }, results);
    List<SegmentScan.Result> parts = new ArrayList<>();
    for (SegmentScan.Result r : results) if (r != null) parts.add(r);
    return ScanResults.join(columns, parts);
  }

  /** The segments whose manifest time range may meet every range on the table's time column. */
  private List<SegmentMeta> segments(String table, List<ScanRequest.Range> ranges) {
    String time = store.timeColumn(table);
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;
    for (ScanRequest.Range r : ranges) {
      if (r.column().equals(time)) {
        from = Math.max(from, r.low());
        to = Math.min(to, r.high());
      }
    }
    if (from > to) return List.of();
    List<SegmentMeta> out = new ArrayList<>();
    for (SegmentMeta s : store.segments(table)) {
      // A segment without a recorded time range is left to its footer statistics: it may have been
      // written before the table had a time column.
      if (!s.hasTime() || s.overlaps(from, to)) out.add(s);
    }
    return out;
  }
}
