package dev.kqlhunt.store;

import java.util.Objects;

/**
 * A live segment as the manifest lists it: enough to prune by time and to check the file is the one
 * that was committed, without opening it.
 *
 * @param table table name
 * @param file path relative to the store directory, with {@code /} separators
 * @param partition the UTC day of the segment's rows ({@code 2026-11-28}), or {@code none} for rows
 *     without a time column value
 * @param rows number of rows
 * @param bytes file size in bytes
 * @param footerCrc CRC32 of the segment footer (which holds the CRC32 of every block)
 * @param minTime smallest time-column value in ticks, or {@link Long#MIN_VALUE} when there is none
 * @param maxTime largest time-column value in ticks, or {@link Long#MIN_VALUE} when there is none
 */
public record SegmentMeta(
    String table,
    String file,
    String partition,
    long rows,
    long bytes,
    long footerCrc,
    long minTime,
    long maxTime) {
  public SegmentMeta {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(partition, "partition is null");
    if (rows < 0 || bytes < 0) throw new IllegalArgumentException("negative size");
    if (file.contains("..") || file.startsWith("/")) throw new IllegalArgumentException("bad file " + file);
  }

  /** Whether the segment has time values at all. */
  public boolean hasTime() {
    return minTime != Long.MIN_VALUE;
  }

  /**
   * Whether some row may have a time in {@code [from, to]} (ticks, inclusive). A segment without time
   * values only overlaps when the caller asks for everything ({@code Long.MIN_VALUE..Long.MAX_VALUE}),
   * because a null time never satisfies a time filter.
   */
  public boolean overlaps(long from, long to) {
    if (!hasTime()) return from == Long.MIN_VALUE && to == Long.MAX_VALUE;
    return minTime <= to && maxTime >= from;
  }
}
