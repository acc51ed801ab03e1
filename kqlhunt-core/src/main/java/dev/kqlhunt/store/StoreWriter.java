package dev.kqlhunt.store;

import dev.kqlhunt.ingest.JsonRowDecoder;
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
import java.util.concurrent.atomic.AtomicInteger;
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
  private final AtomicInteger sequence = new AtomicInteger();
  private SegmentBuffers buffers;
  private long coerced;

  private StoreWriter(Path dir, SchemaLookup schemas, FileChannel lockChannel, FileLock lock, Manifest m) {
    this.dir = dir;
    this.schemas = schemas;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.manifest = m;
    this.buffers = newBuffers(BUFFER_BYTES);
    indexLedger();
  }

  private SegmentBuffers newBuffers(long budget) {
    return new SegmentBuffers(dir, schemas, manifest, sequence, budget);
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
    try {
      buffers.accept(table, values);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void reject(Reject reject) {}

  /** Whether rows of {@code schema} decoded by the fast path can go to {@code table} (see {@link TableBuffer#acceptsDecoded}). */
  boolean acceptsDecoded(String table, dev.kqlhunt.symbols.TableSchema schema) {
    TableBuffer t = buffers.tables.get(table);
    if (t == null) t = new TableBuffer(table, manifest.tables().getOrDefault(table, List.of()), schemas.schema(table));
    return t.acceptsDecoded(schema);
  }

  /** Appends the row a {@link JsonRowDecoder} holds to {@code table} (whose schema it decodes). */
  void appendDecoded(String table, JsonRowDecoder row) throws IOException {
    buffers.appendDecoded(table, row);
  }

  /**
   * Buffers for rows that are to follow, in the store, every row appended to this writer so far
   * (the second half of a file read by another thread): see {@link #adopt}. Each gets half the
   * buffer budget.
   */
  SegmentBuffers sideBuffers() {
    return newBuffers(BUFFER_BYTES / 2);
  }

  /**
   * Takes the rows of {@code side} after every row appended so far: writes out this writer's
   * buffered rows, then {@code side}'s, and adds their segments (in that order) and {@code side}'s
   * columns to what the next commit makes visible.
   */
  void adopt(SegmentBuffers side) throws IOException {
    buffers.flushAll();
    side.flushAll();
    buffers.pending.addAll(side.pending);
    buffers.touchedDirs.addAll(side.touchedDirs);
    for (TableBuffer t : side.tables.values()) buffers.table(t.table).addColumns(t);
    coerced += side.takeCoerced();
    side.pending.clear();
    side.tables.clear();
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
    buffers.flushAll();
    for (Path d : new TreeSet<>(buffers.touchedDirs).descendingSet()) Manifest.forceDirectory(d);
    Map<String, List<ColumnSymbol>> newTables = new LinkedHashMap<>(manifest.tables());
    coerced += buffers.takeCoerced();
    for (TableBuffer t : buffers.tables.values()) newTables.put(t.table, t.columns());
    List<SegmentMeta> segments = new ArrayList<>(manifest.segments());
    segments.addAll(buffers.pending);
    List<LedgerEntry> ledger = new ArrayList<>(manifest.ledger());
    long generation = manifest.generation() + 1;
    for (LedgerEntry e : ledgerEntries) {
      ledger.add(new LedgerEntry(e.sha256(), e.bytes(), e.name(), e.records(), e.stored(), generation));
    }
    Manifest next = new Manifest(generation, newTables, segments, ledger);
    next.write(dir);
    manifest = next;
    indexLedger();
    sequence.set(0);
    buffers = newBuffers(BUFFER_BYTES);
    return next;
  }

  /** Drops every row appended since the last commit and deletes its segment files. */
  public void rollback() throws IOException {
    buffers.discard();
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
