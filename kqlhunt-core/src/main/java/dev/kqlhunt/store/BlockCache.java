package dev.kqlhunt.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link StoreTables} keeps between queries so that a repeated query does no I/O: per segment
 * its checked footer, and per column its checked blocks and what was decoded from them (dictionary
 * index, full code arrays). Least recently used entries are dropped once the estimated bytes exceed
 * the budget. Segments are immutable, so an entry never goes stale (keys carry the segment's file
 * name and footer CRC). Thread-safe (one lock; entries are computed outside it).
 */
final class BlockCache {
  /** What is cached of one column of one segment, or of the segment itself ({@code column} -1). */
  enum Part { FOOTER, NULLS, DICTIONARY, DATA, CODES, POSTINGS }

  record Key(String file, long footerCrc, int column, Part part) {
    Key {
      Objects.requireNonNull(file, "file is null");
      Objects.requireNonNull(part, "part is null");
    }
  }

  private record Entry(Object value, long bytes) {}

  private final long budget;
  private long used;
  private final LinkedHashMap<Key, Entry> map = new LinkedHashMap<>(64, 0.75f, true);

  /** A cache holding at most about {@code budgetBytes} (0 caches nothing). */
  BlockCache(long budgetBytes) {
    this.budget = budgetBytes;
  }

  synchronized Object get(Key key) {
    Entry e = map.get(key);
    return e == null ? null : e.value();
  }

  /** Keeps {@code value} of about {@code bytes}; drops the least recently used entries beyond the budget. */
  synchronized void put(Key key, Object value, long bytes) {
    if (bytes > budget) return;
    Entry old = map.put(key, new Entry(value, bytes));
    if (old != null) used -= old.bytes();
    used += bytes;
    var it = map.entrySet().iterator();
    while (used > budget && it.hasNext()) {
      Map.Entry<Key, Entry> eldest = it.next();
      if (eldest.getKey().equals(key)) continue;
      used -= eldest.getValue().bytes();
      it.remove();
    }
  }

  /** Estimated bytes held. */
  synchronized long usedBytes() {
    return used;
  }
}
