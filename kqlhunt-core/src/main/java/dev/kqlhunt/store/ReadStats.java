package dev.kqlhunt.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the blocks read from segment files (cache hits are not reads): what tests use to show
 * that pruning and late materialisation really skip I/O, and what a benchmark can print. Keys are
 * {@code column/kind} with kind {@code nulls}, {@code dictionary}, {@code data} or {@code postings}. Thread-safe.
 */
public final class ReadStats {
  private final Map<String, LongAdder> blocks = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> blockBytes = new ConcurrentHashMap<>();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder segmentsOpened = new LongAdder();

  static final String[] KINDS = {"nulls", "dictionary", "data", "postings"};

  /** A block first touched; its bytes are counted as its chunks are checked ({@link #chunk}). */
  void block(String column, int kind) {
    blocks.computeIfAbsent(column + "/" + KINDS[kind], k -> new LongAdder()).increment();
  }

  /** {@code length} bytes of a block checked (read). */
  void chunk(String column, int kind, int length) {
    blockBytes.computeIfAbsent(column + "/" + KINDS[kind], k -> new LongAdder()).add(length);
    bytes.add(length);
  }

  void opened() {
    segmentsOpened.increment();
  }

  /** Blocks of {@code kind} ({@code nulls}, {@code dictionary}, {@code data}, {@code postings}) of {@code column} read so far. */
  public long blocks(String column, String kind) {
    LongAdder a = blocks.get(column + "/" + kind);
    return a == null ? 0 : a.sum();
  }

  /** Blocks of any kind of {@code column} read so far. */
  public long blocks(String column) {
    long n = 0;
    for (String k : KINDS) n += blocks(column, k);
    return n;
  }

  /** Bytes read so far of blocks of {@code kind} of {@code column}. */
  public long bytes(String column, String kind) {
    LongAdder a = blockBytes.get(column + "/" + kind);
    return a == null ? 0 : a.sum();
  }

  /** Bytes of blocks read (checked chunks) so far. */
  public long bytes() {
    return bytes.sum();
  }

  /** Segment files opened so far (footer read and checked). */
  public long segmentsOpened() {
    return segmentsOpened.sum();
  }

  /** Every counter, sorted by key, for messages. */
  @Override
  public String toString() {
    Map<String, Long> m = new TreeMap<>();
    Map<String, Long> b = new TreeMap<>();
    blocks.forEach((k, v) -> m.put(k, v.sum()));
    blockBytes.forEach((k, v) -> b.put(k, v.sum()));
    return "ReadStats{opened=" + segmentsOpened() + ", bytes=" + bytes() + ", blocks=" + m + ", blockBytes=" + b + "}";
  }
}
