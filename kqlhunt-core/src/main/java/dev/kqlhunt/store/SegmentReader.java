package dev.kqlhunt.store;

import dev.kqlhunt.exec.vector.Batch;
import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.DoubleVector;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.NullMask;
import dev.kqlhunt.exec.vector.StringDictionary;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An open segment (format in {@link SegmentFile}): its footer is read and checked on open; columns
 * are read on demand, each chunk of a block checked against its CRC32 before use. Blocks come from a read-only memory
 * mapping of the file, made on the first block asked for (a file over 2 GiB falls back to positional
 * reads); the mapping outlives {@link #close} for as long as views of it are reachable. Mapping relies
 * on segments being immutable: a segment file truncated while mapped would fail with an {@code
 * InternalError} on access rather than a {@link CorruptStoreException}. Loading a column allocates its
 * vector (codes, longs, doubles) once; no per-row objects except for dynamic columns, whose distinct
 * values are parsed once each.
 *
 * <p>Thread-safe for concurrent loads. Close it when done.
 */
public final class SegmentReader implements AutoCloseable {
  private final SegmentMeta meta;
  private final FileChannel channel;
  private final SegmentFile.Footer footer;
  private final String name;
  private final ReadStats stats;
  private MappedByteBuffer map;

  private SegmentReader(SegmentMeta meta, FileChannel channel, SegmentFile.Footer footer, ReadStats stats) {
    this.meta = meta;
    this.channel = channel;
    this.footer = footer;
    this.name = meta.file();
    this.stats = stats;
  }

  /**
   * Opens the segment {@code meta} of the store in {@code storeDir}; fails with {@link
   * CorruptStoreException} when the file's size or footer differ from what the manifest recorded.
   */
  public static SegmentReader open(Path storeDir, SegmentMeta meta) throws IOException {
    return open(storeDir, meta, null);
  }

  /** Like {@link #open(Path, SegmentMeta)}, counting the blocks read in {@code stats} (may be null). */
  static SegmentReader open(Path storeDir, SegmentMeta meta, ReadStats stats) throws IOException {
    Path file = storeDir.resolve(meta.file());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = ch.size();
      if (size != meta.bytes()) {
        throw new CorruptStoreException(meta.file() + ": size " + size + ", manifest says " + meta.bytes());
      }
      SegmentFile.Footer footer = SegmentFile.readFooter(ch, size, meta.file());
      if ((footer.crc() & 0xFFFF_FFFFL) != meta.footerCrc() || footer.rows() != meta.rows()) {
        throw new CorruptStoreException(meta.file() + ": footer differs from the manifest");
      }
      if (stats != null) stats.opened();
      return new SegmentReader(meta, ch, footer, stats);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  public SegmentMeta meta() {
    return meta;
  }

  public int rows() {
    return (int) footer.rows();
  }

  /** The columns this segment has, with their statistics, in file order. */
  public List<ColumnStats> columns() {
    return footer.columns();
  }

  /** The statistics of {@code column}, or null when the segment lacks it (all null / empty). */
  public ColumnStats stats(String column) {
    int i = footer.indexOf(column);
    return i < 0 ? null : footer.columns().get(i);
  }

  /**
   * The dictionary of a string or dynamic column (dynamic entries as JSON text), reading only the
   * dictionary block: the basis of dictionary pruning. A column the segment lacks has the dictionary
   * {@code [""]} for strings (every row is empty) and no entries for dynamic.
   */
  public StringDictionary dictionary(String column) throws IOException {
    int i = footer.indexOf(column);
    if (i < 0) return new StringDictionary(new String[] {""}, 1);
    ColumnStats s = footer.columns().get(i);
    if (s.type() != ScalarType.STRING && s.type() != ScalarType.DYNAMIC) {
      throw new IllegalArgumentException(column + " is not a string or dynamic column but " + s.type());
    }
    byte[] block = block(i, 1);
    ByteSource in = new ByteSource(block, 0, block.length, name + " " + column + " dictionary");
    int count = in.varintInt();
    if (count != s.distinctCount()) throw new CorruptStoreException(name + ": dictionary size mismatch");
    String[] entries = new String[count];
    for (int k = 0; k < count; k++) entries[k] = in.string();
    return new StringDictionary(entries, count);
  }

  /**
   * Whether some row's value of string column {@code column} may satisfy {@code predicate}: false
   * only when no dictionary entry does, so the segment can be skipped without reading its codes.
   */
  public boolean anyDictionaryEntry(String column, Predicate<String> predicate) throws IOException {
    StringDictionary d = dictionary(column);
    for (int k = 0; k < d.size(); k++) if (predicate.test(d.get(k))) return true;
    return false;
  }

  /** Loads the given columns as one batch; a column the segment lacks loads as all null/empty. */
  public Batch load(List<ColumnSymbol> columns) throws IOException {
    List<Vector> vectors = new ArrayList<>(columns.size());
    for (ColumnSymbol c : columns) vectors.add(load(c.name(), c.type()));
    return new Batch(columns, vectors, rows());
  }

  /**
   * Loads one column as a vector of {@code type}, which must be the column's stored type when the
   * segment has it; a missing column loads as nulls (empty strings).
   */
  public Vector load(String column, ScalarType type) throws IOException {
    Objects.requireNonNull(type, "type is null");
    int i = footer.indexOf(column);
    int n = rows();
    if (i < 0) return ColumnDecoder.missing(type, n);
    ColumnStats s = footer.columns().get(i);
    if (s.type() != type) {
      throw new IllegalArgumentException(column + " is stored as " + s.type() + ", not " + type);
    }
    SegmentFile.BlockRef[] refs = footer.blocks().get(i);
    long[] nulls = refs[0].present() ? ColumnDecoder.nullWords(block(i, 0), n, name) : null;
    NullMask mask = nulls == null ? NullMask.NONE : NullMask.of(nulls);
    byte[] data = block(i, 2);
    return switch (type) {
      case INT, LONG, DATETIME, TIMESPAN -> new LongVector(type, ColumnDecoder.longs(data, n, name), n, mask);
      case REAL -> new DoubleVector(ColumnDecoder.doubles(data, n, name), n, mask);
      case BOOL -> new BoolVector(ColumnDecoder.bools(data, n, name), n, mask);
      case STRING -> new StringVector(ColumnDecoder.codes(data, n, s.distinctCount(), name), n, dictionary(column));
      case DYNAMIC -> dynamic(column, data, n, s, mask);
      case GUID, DECIMAL, UNKNOWN -> throw new IllegalArgumentException("not a stored type: " + type);
    };
  }

  private Vector dynamic(String column, byte[] data, int n, ColumnStats s, NullMask mask)
      throws IOException {
    int[] codes = ColumnDecoder.codes(data, n, Math.max(1, s.distinctCount()), name);
    StringDictionary d = dictionary(column);
    Dynamic[] distinct = new Dynamic[d.size()];
    for (int k = 0; k < distinct.length; k++) distinct[k] = DynamicJson.parse(d.get(k));
    Dynamic[] values = new Dynamic[n];
    for (int r = 0; r < n; r++) values[r] = mask.isNull(r) ? Dynamic.NULL : distinct[codes[r]];
    return new DynamicVector(values, n);
  }

  SegmentFile.Footer footer() {
    return footer;
  }

  /**
   * Block {@code kind} (0 nulls, 1 dictionary, 2 data, 3 postings) of the column at footer index {@code column},
   * checked against its CRC32s, as a heap copy; empty when absent.
   */
  byte[] block(int column, int kind) throws IOException {
    ByteBuffer b = checkedBlock(column, kind).all();
    byte[] out = new byte[b.limit()];
    b.get(0, out);
    return out;
  }

  /**
   * Block {@code kind} of the column at footer index {@code column}, to be checked chunk by chunk as
   * it is used: a view of the memory-mapped file (no copy; the mapping lives as long as the view), or
   * of a heap copy when the file is not mapped. Absent blocks are empty. Mapping spares the copy into
   * the heap, which was most of a cold scan's time.
   */
  CheckedBlock checkedBlock(int column, int kind) throws IOException {
    SegmentFile.BlockRef ref = footer.blocks().get(column)[kind];
    String columnName = footer.columns().get(column).name();
    if (!ref.present()) return new CheckedBlock(ByteBuffer.allocate(0), ref, name, columnName, kind, stats);
    if (stats != null) stats.block(columnName, kind);
    ByteBuffer file = mapped();
    ByteBuffer view;
    if (file == null) {
      view = ByteBuffer.wrap(SegmentFile.readUnchecked(channel, ref, name));
    } else if (ref.offset() + ref.length() > file.capacity()) {
      throw new CorruptStoreException(name + ": block at offset " + ref.offset() + " beyond the end of the file");
    } else {
      view = file.slice((int) ref.offset(), ref.length());
    }
    return new CheckedBlock(view, ref, name, columnName, kind, stats);
  }

  /** The whole file mapped read-only, or null when it is too large for one mapping (then blocks are read). */
  private synchronized ByteBuffer mapped() throws IOException {
    if (map == null && meta.bytes() <= Integer.MAX_VALUE) map = channel.map(FileChannel.MapMode.READ_ONLY, 0, meta.bytes());
    return map;
  }

  /** Reads every block and checks its CRC32; throws {@link CorruptStoreException} on a mismatch. */
  public void verify() throws IOException {
    for (ColumnStats c : footer.columns()) load(c.name(), c.type());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
