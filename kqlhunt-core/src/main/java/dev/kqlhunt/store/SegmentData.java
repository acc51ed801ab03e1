package dev.kqlhunt.store;

import dev.kqlhunt.symbols.ScalarType;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One segment's footer, blocks and decoded columns as a scan needs them: taken from the {@link
 * BlockCache} when there, else read (each block checked against its CRC32) and cached. The file is
 * opened only on the first miss, so a query answered from the cache does no I/O at all. One scan
 * thread per instance; close it when done.
 */
final class SegmentData implements AutoCloseable {
  private final Store store;
  private final SegmentMeta meta;
  private final BlockCache cache;
  private final ReadStats stats;
  private SegmentReader reader;
  private SegmentFile.Footer footer;

  SegmentData(Store store, SegmentMeta meta, BlockCache cache, ReadStats stats) {
    this.store = store;
    this.meta = meta;
    this.cache = cache;
    this.stats = stats;
  }

  String name() {
    return meta.file();
  }

  int rows() {
    return (int) meta.rows();
  }

  private SegmentReader reader() throws IOException {
    if (reader == null) reader = SegmentReader.open(store.directory(), meta, stats);
    return reader;
  }

  private BlockCache.Key key(int column, BlockCache.Part part) {
    return new BlockCache.Key(meta.file(), meta.footerCrc(), column, part);
  }

  SegmentFile.Footer footer() throws IOException {
    if (footer == null) {
      BlockCache.Key k = key(-1, BlockCache.Part.FOOTER);
      footer = (SegmentFile.Footer) cache.get(k);
      if (footer == null) {
        footer = reader().footer();
        cache.put(k, footer, 512 + 256L * footer.columns().size());
      }
    }
    return footer;
  }

  /** Footer index of {@code column}, or -1 when the segment lacks it. */
  int indexOf(String column) throws IOException {
    return footer().indexOf(column);
  }

  ColumnStats stats(int column) throws IOException {
    return footer().columns().get(column);
  }

  /** The checked data block of a column: a little-endian view of the mapped file (absolute reads only). */
  ByteBuffer data(int column) throws IOException {
    BlockCache.Key k = key(column, BlockCache.Part.DATA);
    ByteBuffer b = (ByteBuffer) cache.get(k);
    if (b == null) {
      b = reader().mappedBlock(column, 2);
      cache.put(k, b, 64L + b.limit());
    }
    return b;
  }

  /** The null bitmap words of a column, or null when it has no nulls. */
  long[] nullWords(int column) throws IOException {
    if (!footer().blocks().get(column)[0].present()) return null;
    BlockCache.Key k = key(column, BlockCache.Part.NULLS);
    long[] w = (long[]) cache.get(k);
    if (w == null) {
      w = ColumnDecoder.nullWords(reader().block(column, 0), rows(), name());
      cache.put(k, w, 16L + 8L * w.length);
    }
    return w;
  }

  /** The dictionary of a string or dynamic column, indexed lazily. */
  LazyDictionary dictionary(int column) throws IOException {
    BlockCache.Key k = key(column, BlockCache.Part.DICTIONARY);
    LazyDictionary d = (LazyDictionary) cache.get(k);
    if (d == null) {
      d = new LazyDictionary(reader().block(column, 1), stats(column).distinctCount(), name() + " " + stats(column).name());
      cache.put(k, d, d.retainedBytes());
    }
    return d;
  }

  private int entries(int column) throws IOException {
    ColumnStats s = stats(column);
    // Null rows of a dynamic column hold code 0 even when its dictionary is empty.
    return s.type() == ScalarType.DYNAMIC ? Math.max(1, s.distinctCount()) : s.distinctCount();
  }

  /** Every row's code of a string or dynamic column, decoded once and cached (the basis of full scans). */
  int[] codes(int column) throws IOException {
    BlockCache.Key k = key(column, BlockCache.Part.CODES);
    int[] c = (int[]) cache.get(k);
    if (c == null) {
      c = ColumnDecoder.codes(ColumnDecoder.bytes(data(column)), rows(), entries(column), name());
      cache.put(k, c, 16L + 4L * c.length);
    }
    return c;
  }

  /**
   * The rows whose code has a true verdict, into {@code out} (of at least {@link #rows}); returns how
   * many. From the decoded codes when cached; else the first time straight from the packed block,
   * and from the second time on (the block is in the cache: the column is scanned repeatedly) the
   * codes are decoded once and cached, so warm queries loop over an int array.
   */
  int select(int column, boolean[] verdicts, int[] out) throws IOException {
    BlockCache.Key k = key(column, BlockCache.Part.CODES);
    int[] codes = (int[]) cache.get(k);
    if (codes == null && cache.get(key(column, BlockCache.Part.DATA)) != null) codes = codes(column);
    // A heap copy of the packed codes scans faster than the mapped view and costs little (width bits a row).
    if (codes == null) return ColumnDecoder.selectCodes(ColumnDecoder.bytes(data(column)), rows(), verdicts, out, name());
    int n = rows();
    int count = 0;
    for (int r = 0; r < n; r++) {
      out[count] = r;
      count += verdicts[codes[r]] ? 1 : 0;
    }
    return count;
  }

  /** The codes of rows {@code positions[0..count)}: from the decoded codes when cached, else from the block. */
  int[] codesAt(int column, int[] positions, int count) throws IOException {
    int[] all = (int[]) cache.get(key(column, BlockCache.Part.CODES));
    if (all != null) {
      int[] out = new int[count];
      for (int i = 0; i < count; i++) out[i] = all[positions[i]];
      return out;
    }
    return ColumnDecoder.codesAt(data(column), rows(), entries(column), positions, count, name());
  }

  @Override
  public void close() throws IOException {
    if (reader != null) reader.close();
  }
}
