package dev.kqlhunt.ingest;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts what passes through to a downstream sink: stored records per table, rejects, skips. Put it
 * last before the store (after {@link TypingSink}) so conversion rejects are counted too. Not
 * thread-safe.
 */
public final class CountingSink implements RecordSink {
  private final RecordSink downstream;
  private final Map<String, Long> storedByTable = new TreeMap<>();
  private long stored;
  private long rejected;
  private long skipped;
  private long warnings;

  public CountingSink(RecordSink downstream) {
    this.downstream = Objects.requireNonNull(downstream, "downstream is null");
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    stored++;
    storedByTable.merge(table, 1L, Long::sum);
    downstream.accept(table, values, origin);
  }

  @Override
  public void reject(Reject reject) {
    rejected++;
    downstream.reject(reject);
  }

  @Override
  public void skip(Reject skip) {
    skipped++;
    downstream.skip(skip);
  }

  @Override
  public void warning(Reject warning) {
    warnings++;
    downstream.warning(warning);
  }

  public long stored() {
    return stored;
  }

  public long rejected() {
    return rejected;
  }

  public long skipped() {
    return skipped;
  }

  public long warnings() {
    return warnings;
  }

  /** Stored records per table, sorted by table name. */
  public Map<String, Long> storedByTable() {
    return Map.copyOf(storedByTable);
  }

  /** Every record that reached this sink: stored + rejected + skipped. */
  public long outcomes() {
    return stored + rejected + skipped;
  }
}
