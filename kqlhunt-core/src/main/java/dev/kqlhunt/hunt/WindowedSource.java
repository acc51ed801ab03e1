package dev.kqlhunt.hunt;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ScanRequest;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A view of a {@link DataSource} that holds only the rows whose time lies in {@code [fromTicks,
 * toTicks)}: what Sentinel lets one run of a rule see (its lookback). The time of a row is its {@code
 * Timestamp} column, else its {@code TimeGenerated} column (datetime-typed); a row whose time is null
 * is outside every window. A table with neither column (a lookup table) is passed through whole.
 *
 * <p>Scans are forwarded with the window added as a range condition on the time column (so a store can
 * skip segments), and the window is then applied exactly here, because a source may ignore conditions.
 * Results are cached per request; thread-safe.
 */
final class WindowedSource implements DataSource {
  private final DataSource base;
  private final Function<String, List<ColumnSymbol>> columnsOf;
  private final long fromTicks;
  private final long toTicks;
  private final Map<String, Table> tables = new ConcurrentHashMap<>();

  /** @param columnsOf the stored columns of a table (empty or null when unknown), without loading it */
  WindowedSource(DataSource base, Function<String, List<ColumnSymbol>> columnsOf, long fromTicks, long toTicks) {
    this.base = base;
    this.columnsOf = columnsOf;
    this.fromTicks = fromTicks;
    this.toTicks = toTicks;
  }

  @Override
  public Table table(String name) {
    Table whole = base.table(name);
    if (whole == null) return null;
    return tables.computeIfAbsent(name, n -> window(whole, fromTicks, toTicks));
  }

  @Override
  public Table scan(ScanRequest request) {
    List<ColumnSymbol> stored = columnsOf.apply(request.table());
    String time = stored == null ? null : timeColumn(stored);
    if (time == null) {
      Table t = base.scan(request);
      return t == null ? null : window(t, fromTicks, toTicks);
    }
    Set<String> columns = null;
    if (request.columns() != null) {
      columns = new HashSet<>(request.columns());
      columns.add(time);
    }
    List<ScanRequest.Range> ranges = new ArrayList<>(request.ranges());
    ranges.add(new ScanRequest.Range(time, fromTicks, toTicks - 1));
    Table scanned = base.scan(new ScanRequest(request.table(), columns, ranges, request.strings()));
    return scanned == null ? null : window(scanned, fromTicks, toTicks);
  }

  /** The time column of a table with these columns, or null. */
  static String timeColumn(List<ColumnSymbol> columns) {
    for (String name : EventData.TIME_COLUMNS) {
      for (ColumnSymbol c : columns) if (c.name().equals(name) && c.type() == ScalarType.DATETIME) return name;
    }
    return null;
  }

  /** The rows of {@code t} with a time in [from, to); {@code t} itself when all are in. */
  static Table window(Table t, long from, long to) {
    String time = timeColumn(t.columns());
    if (time == null) return t;
    Vector v = t.vector(t.indexOf(time));
    if (!(v instanceof LongVector times)) return t;
    int[] keep = new int[t.rowCount()];
    int n = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      if (times.isNull(i)) continue;
      long ticks = times.get(i);
      if (ticks >= from && ticks < to) keep[n++] = i;
    }
    return n == t.rowCount() ? t : t.gather(keep, n);
  }

  /** Rows of {@code t} with a time in [from, to); every row for a table without a time column. */
  static long count(Table t, long from, long to) {
    String time = timeColumn(t.columns());
    if (time == null) return t.rowCount();
    Vector v = t.vector(t.indexOf(time));
    if (!(v instanceof LongVector times)) return t.rowCount();
    long n = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      if (times.isNull(i)) continue;
      long ticks = times.get(i);
      if (ticks >= from && ticks < to) n++;
    }
    return n;
  }
}
