package dev.kqlhunt.store;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only view of a store directory as of one manifest (see {@link Manifest} for the directory
 * layout and {@link SegmentFile} for segments). Opening reads only the manifest; segments are opened
 * on demand. Segments are immutable and a writer never deletes a listed one, so a view stays valid
 * while an ingest appends (it just does not see the new segments).
 *
 * <p>Pruning for the executor: {@link #segments(String, long, long)} drops segments whose time range
 * misses the query's; {@link SegmentReader#anyDictionaryEntry} tells, from the dictionary block
 * alone, that no row of a segment can satisfy a string predicate. Thread-safe (immutable).
 */
public final class Store {
  private final Path dir;
  private final Manifest manifest;

  private Store(Path dir, Manifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /** Opens the store in {@code dir}; fails when it is not a store (no manifest) or the manifest is bad. */
  public static Store open(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(Manifest.FILE))) {
      throw new java.nio.file.NoSuchFileException(dir + " is not a kqlhunt store (no " + Manifest.FILE + ")");
    }
    return new Store(dir, Manifest.read(dir));
  }

  public Path directory() {
    return dir;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** Table names, in first-ingested order. */
  public Set<String> tables() {
    return manifest.tables().keySet();
  }

  /** The stored columns of {@code table} (empty when the store has no such table). */
  public List<ColumnSymbol> columns(String table) {
    return manifest.tables().getOrDefault(table, List.of());
  }

  /** The table as a schema for the binder, or null when the store has no such table. */
  public TableSchema schema(String table) {
    List<ColumnSymbol> cols = manifest.tables().get(table);
    return cols == null ? null : new TableSchema(table, cols);
  }

  /**
   * The column whose range the manifest records per segment ({@link SegmentMeta#minTime}): {@code
   * Timestamp}, else {@code TimeGenerated}, when it is a datetime column of the table (the rule the
   * writer partitions by); null when the table has neither.
   */
  public String timeColumn(String table) {
    for (String candidate : new String[] {"Timestamp", "TimeGenerated"}) {
      for (ColumnSymbol c : columns(table)) {
        if (c.name().equals(candidate) && c.type() == dev.kqlhunt.symbols.ScalarType.DATETIME) return candidate;
      }
    }
    return null;
  }

  /** Every live segment of {@code table}. */
  public List<SegmentMeta> segments(String table) {
    return manifest.segments(table);
  }

  /**
   * The segments of {@code table} that may hold rows with a time in {@code [fromTicks, toTicks]}
   * (inclusive); pass {@code Long.MIN_VALUE, Long.MAX_VALUE} for all.
   */
  public List<SegmentMeta> segments(String table, long fromTicks, long toTicks) {
    List<SegmentMeta> out = new ArrayList<>();
    for (SegmentMeta s : manifest.segments()) {
      if (s.table().equals(table) && s.overlaps(fromTicks, toTicks)) out.add(s);
    }
    return out;
  }

  /** Total rows of {@code table}. */
  public long rowCount(String table) {
    long n = 0;
    for (SegmentMeta s : manifest.segments()) if (s.table().equals(table)) n += s.rows();
    return n;
  }

  /** Opens one segment for reading (caller closes). */
  public SegmentReader open(SegmentMeta segment) throws IOException {
    Objects.requireNonNull(segment, "segment is null");
    return SegmentReader.open(dir, segment);
  }

  /**
   * Checks every listed segment completely (size, footer, every block's CRC32). Returns one message
   * per damaged or missing segment; empty when the store is whole. Reads the whole store.
   */
  public List<String> verify() {
    List<String> problems = new ArrayList<>();
    for (SegmentMeta s : manifest.segments()) {
      try (SegmentReader r = open(s)) {
        r.verify();
      } catch (IOException | CorruptStoreException e) {
        problems.add(s.file() + ": " + e.getMessage());
      }
    }
    return problems;
  }
}
