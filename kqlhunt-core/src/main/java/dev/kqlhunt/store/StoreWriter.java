package dev.kqlhunt.store;

import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.ingest.SchemaLookup;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Appends typed rows (see {@link dev.kqlhunt.ingest.TypingSink}) to a store. Rows are buffered per
 * table and day; a day reaching {@link #SEGMENT_ROWS} rows, or the buffers reaching {@link
 * #BUFFER_BYTES}, is written out as a segment file that stays invisible until {@link #commit}
 * replaces the manifest with one listing it (and the ledger entry of the input). {@link #rollback}
 * drops everything since the last commit. A crash at any point leaves the last committed manifest,
 * and the next writer deletes the invisible files.
 *
 * <p>One writer per store at a time, enforced by an OS file lock on {@code DIR/store.lock}; readers
 * ({@link Store}) need no lock. Not thread-safe. As a {@link RecordSink} it stores accepted rows and
 * ignores rejects, skips and warnings (the caller logs and counts them).
 */
public final class StoreWriter implements RecordSink, AutoCloseable {
  /** Rows per segment at most. */
  public static final int SEGMENT_ROWS = 1 << 20;

  /**
   * Buffered bytes (estimated) above which the largest partition is written out early: a quarter of
   * the heap, at most 512 MiB, so buffering never crowds out the reader and the garbage collector.
   */
  static final long BUFFER_BYTES = Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4);

  private static final int BUDGET_CHECK_ROWS = 8192;

  /**
   * A partition of at least this many rows that has received none for as many rows is written out
   * before the commit: exports are mostly time-ordered, so a finished day is encoded while later
   * days are still being read, not all at once at the end.
   */
  static final int IDLE_ROWS = 1 << 16;

  private final Path dir;
  private final SchemaLookup schemas;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private Manifest manifest;
  private final Set<String> ledgerKeys = new HashSet<>();
  private final Set<Long> ledgerSizes = new HashSet<>();
  private final Map<String, TableBuffer> tables = new LinkedHashMap<>();
  private final List<SegmentMeta> pending = new ArrayList<>();
  private final Set<Path> touchedDirs = new HashSet<>();
  private int sequence;
  private int rowsSinceCheck;
  private long rowCounter;
  private long coerced;

  private StoreWriter(Path dir, SchemaLookup schemas, FileChannel lockChannel, FileLock lock, Manifest m) {
    this.dir = dir;
    this.schemas = schemas;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.manifest = m;
    indexLedger();
  }

  /**
   * Opens (creating if needed) the store in {@code dir} for appending: takes the lock, reads the
   * manifest and deletes segment files no manifest lists (leftovers of a crash).
   */
  public static StoreWriter open(Path dir, SchemaLookup schemas) throws IOException {
    Objects.requireNonNull(schemas, "schemas is null");
    Files.createDirectories(dir.resolve("segments"));
    FileChannel ch = FileChannel.open(dir.resolve("store.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      ch.close();
      throw new IOException("store " + dir + " is in use by another ingest in this process");
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("store " + dir + " is in use by another ingest");
    }
    try {
      Manifest m = Manifest.read(dir);
      // A new store gets its (empty) manifest at once, so readers can open it before a commit.
      if (!Files.exists(dir.resolve(Manifest.FILE))) m.write(dir);
      deleteUnlisted(dir, m);
      return new StoreWriter(dir, schemas, ch, lock, m);
    } catch (IOException | RuntimeException e) {
      lock.release();
      ch.close();
      throw e;
    }
  }

  private static void deleteUnlisted(Path dir, Manifest m) throws IOException {
    Set<Path> live = new HashSet<>();
    for (SegmentMeta s : m.segments()) live.add(dir.resolve(s.file()).normalize());
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir.resolve("segments"))) {
      walk.filter(Files::isRegularFile).filter(p -> !live.contains(p.normalize())).forEach(stale::add);
    }
    for (Path p : stale) Files.deleteIfExists(p);
    Files.deleteIfExists(dir.resolve(Manifest.FILE + ".tmp"));
  }

  /** The last committed manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** Whether a file with this hash and size is in the ledger. */
  public boolean ingested(String sha256, long bytes) {
    return ledgerKeys.contains(sha256 + ":" + bytes);
  }

  /** Whether some ledger entry has this size (only then can a file of this size be a duplicate). */
  public boolean hasSize(long bytes) {
    return ledgerSizes.contains(bytes);
  }

  private void indexLedger() {
    ledgerKeys.clear();
    ledgerSizes.clear();
    for (LedgerEntry e : manifest.ledger()) {
      ledgerKeys.add(e.key());
      ledgerSizes.add(e.bytes());
    }
  }

  /** Values of extra columns stored as null because their kind differed from the column's type. */
  public long coercedValues() {
    return coerced;
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    TableBuffer t = tables.computeIfAbsent(table, name ->
        new TableBuffer(name, manifest.tables().getOrDefault(name, List.of()), schemas.schema(name)));
    TableBuffer.Partition p = t.append(values);
    p.lastTouched = ++rowCounter;
    try {
      if (p.rows >= SEGMENT_ROWS) flush(t, p);
      if (++rowsSinceCheck >= BUDGET_CHECK_ROWS) {
        rowsSinceCheck = 0;
        flushIdle();
        flushIfOverBudget();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void reject(Reject reject) {}

  private void flushIdle() throws IOException {
    for (TableBuffer t : tables.values()) {
      for (TableBuffer.Partition p : new ArrayList<>(t.partitions.values())) {
        if (p.rows >= IDLE_ROWS && rowCounter - p.lastTouched >= IDLE_ROWS) flush(t, p);
      }
    }
  }

  private void flushIfOverBudget() throws IOException {
    long total = 0;
    TableBuffer largestTable = null;
    TableBuffer.Partition largest = null;
    for (TableBuffer t : tables.values()) {
      for (TableBuffer.Partition p : t.partitions.values()) {
        long b = p.bufferedBytes();
        total += b;
        if (largest == null || b > largest.bufferedBytes()) {
          largest = p;
          largestTable = t;
        }
      }
    }
    if (total > BUFFER_BYTES && largest != null) flush(largestTable, largest);
  }

  /** Writes a partition out as an invisible segment and forgets its rows. */
  private void flush(TableBuffer t, TableBuffer.Partition p) throws IOException {
    t.partitions.remove(p.day);
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
    String rel = "segments/" + safeName(t.table) + "/" + p.name() + "/"
        + (manifest.generation() + 1) + "-" + (sequence++) + ".seg";
    Path file = dir.resolve(rel);
    Files.createDirectories(file.getParent());
    long[] written = SegmentFile.write(file, cols, p.rows);
    touchedDirs.add(file.getParent());
    touchedDirs.add(file.getParent().getParent());
    touchedDirs.add(file.getParent().getParent().getParent());
    boolean timed = p.minTime <= p.maxTime;
    pending.add(new SegmentMeta(t.table, rel, p.name(), p.rows, written[1], written[0],
        timed ? p.minTime : Long.MIN_VALUE, timed ? p.maxTime : Long.MIN_VALUE));
  }

  /** A file-system-safe directory name for a table. */
  static String safeName(String table) {
    String s = table.replaceAll("[^A-Za-z0-9_.-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
  }

  /**
   * Makes everything appended since the last commit durable and visible, together with {@code
   * ledgerEntry} (null: none): writes the buffered rows as segments, then replaces the manifest.
   * Returns the new manifest.
   */
  public Manifest commit(LedgerEntry ledgerEntry) throws IOException {
    return commit(ledgerEntry == null ? List.of() : List.of(ledgerEntry));
  }

  /** Like {@link #commit(LedgerEntry)}, for the ledger entries of several inputs at once. */
  public Manifest commit(List<LedgerEntry> ledgerEntries) throws IOException {
    for (TableBuffer t : tables.values()) {
      for (TableBuffer.Partition p : new ArrayList<>(t.partitions.values())) flush(t, p);
    }
    for (Path d : new TreeSet<>(touchedDirs).descendingSet()) Manifest.forceDirectory(d);
    Map<String, List<ColumnSymbol>> newTables = new LinkedHashMap<>(manifest.tables());
    for (TableBuffer t : tables.values()) {
      coerced += t.coerced;
      t.coerced = 0;
      newTables.put(t.table, t.columns());
    }
    List<SegmentMeta> segments = new ArrayList<>(manifest.segments());
    segments.addAll(pending);
    List<LedgerEntry> ledger = new ArrayList<>(manifest.ledger());
    long generation = manifest.generation() + 1;
    for (LedgerEntry e : ledgerEntries) {
      ledger.add(new LedgerEntry(e.sha256(), e.bytes(), e.name(), e.records(), e.stored(), generation));
    }
    Manifest next = new Manifest(generation, newTables, segments, ledger);
    next.write(dir);
    manifest = next;
    indexLedger();
    pending.clear();
    touchedDirs.clear();
    tables.clear();
    sequence = 0;
    return next;
  }

  /** Drops every row appended since the last commit and deletes its segment files. */
  public void rollback() throws IOException {
    for (SegmentMeta s : pending) Files.deleteIfExists(dir.resolve(s.file()));
    pending.clear();
    touchedDirs.clear();
    tables.clear();
  }

  /** Rolls back what is not committed and releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      rollback();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }
}
