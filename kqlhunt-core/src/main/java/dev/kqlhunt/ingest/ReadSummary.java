package dev.kqlhunt.ingest;

import java.util.Map;
import java.util.Objects;

/**
 * What reading one input (or several, when {@link #plus summed}) produced. Counts reconcile: {@code
 * read == stored + rejected + skipped}; {@link #reconciles()} checks it.
 *
 * @param inputs number of inputs (files or archive members) read
 * @param read records the readers read
 * @param stored records accepted by the sink
 * @param rejected records reported as rejects
 * @param skipped records skipped on purpose
 * @param bytes bytes read (decompressed)
 * @param storedByTable stored records per table
 */
public record ReadSummary(
    long inputs,
    long read,
    long stored,
    long rejected,
    long skipped,
    long bytes,
    Map<String, Long> storedByTable) {
  public static final ReadSummary EMPTY = new ReadSummary(0, 0, 0, 0, 0, 0, Map.of());

  public ReadSummary {
    storedByTable = Map.copyOf(Objects.requireNonNull(storedByTable, "storedByTable is null"));
  }

  public boolean reconciles() {
    return read == stored + rejected + skipped;
  }

  public ReadSummary plus(ReadSummary o) {
    Map<String, Long> tables = new java.util.TreeMap<>(storedByTable);
    o.storedByTable.forEach((t, n) -> tables.merge(t, n, Long::sum));
    return new ReadSummary(
        inputs + o.inputs,
        read + o.read,
        stored + o.stored,
        rejected + o.rejected,
        skipped + o.skipped,
        bytes + o.bytes,
        tables);
  }
}
