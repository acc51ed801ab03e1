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

  /** The cache key of a segment's footer: present when the segment was read before. */
  static BlockCache.Key footerKey(SegmentMeta meta) {
    return new BlockCache.Key(meta.file(), meta.footerCrc(), -1, BlockCache.Part.FOOTER);
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

  /** How many times smaller the lists to read must be than the code block for postings to be used. */
  static final int POSTINGS_ADVANTAGE = 4;

  private CheckedBlock postings(int column) throws IOException {
    BlockCache.Key k = key(column, BlockCache.Part.POSTINGS);
    CheckedBlock b = (CheckedBlock) cache.get(k);
    if (b == null) {
      b = reader().checkedBlock(column, 3);
      cache.put(k, b, 64L + b.length());
    }
    return b;
  }

  private CheckedBlock dataBlock(int column) throws IOException {
    BlockCache.Key k = key(column, BlockCache.Part.DATA);
    CheckedBlock b = (CheckedBlock) cache.get(k);
    if (b == null) {
      b = reader().checkedBlock(column, 2);
      cache.put(k, b, 64L + b.length());
    }
    return b;
  }

  /** The data block of a column, wholly checked: a little-endian view of the mapped file (absolute reads only). */
  ByteBuffer data(int column) throws IOException {
    return dataBlock(column).all();
  }

  /**
   * The data block of a column with only the bytes of rows {@code positions[0..count)} (ascending)
   * checked, and its header: the view the {@code ColumnDecoder.*At} decoders read. Other bytes of it
   * must not be read. What a row's bytes are follows the layouts of {@link SegmentFile}; a bit-packed
   * value is read as up to 9 bytes from the byte holding its first bit.
   */
  ByteBuffer dataAt(int column, int[] positions, int count) throws IOException {
    CheckedBlock b = dataBlock(column);
    int header;
    int width;
    switch (stats(column).type()) {
      case INT, LONG, DATETIME, TIMESPAN -> {
        if (b.length() < 9) return b.all(); // the decoder reports the bad size
        header = 9;
        width = b.range(0, 9).get(8) & 0xFF;
      }
      case STRING, DYNAMIC -> {
        if (b.length() < 1) return b.all();
        header = 1;
        width = b.range(0, 1).get(0) & 0xFF;
      }
      case REAL -> {
        header = 0;
        width = 64;
      }
      case BOOL -> {
        header = 0;
        width = 1;
      }
      default -> {
        return b.all();
      }
    }
    if (width > 64) return b.all(); // the decoder reports the bad width
    if (count > 1) {
      long first = header + (((long) positions[0] * width) >>> 3);
      long last = header + (((long) positions[count - 1] * width) >>> 3) + 9;
      b.prefetch((int) Math.min(first, Integer.MAX_VALUE), (int) Math.min(last, Integer.MAX_VALUE));
    }
    ByteBuffer view = null;
    long lastEnd = -1;
    for (int k = 0; k < count; k++) {
      long from = header + (((long) positions[k] * width) >>> 3);
      if (from + 9 <= lastEnd) continue;
      long to = Math.min(from + 9, b.length());
      view = b.range((int) Math.min(from, Integer.MAX_VALUE), (int) to);
      lastEnd = to;
    }
    return view == null ? b.range(0, header) : view;
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
    if (codes == null && footer().blocks().get(column)[3].present()) {
      // The postings of the matching entries, when they are much smaller than the packed codes.
      CheckedBlock postings = postings(column);
      long bytes = Postings.listBytes(postings, verdicts);
      if (bytes >= 0 && bytes * POSTINGS_ADVANTAGE < footer().blocks().get(column)[2].length()) {
        return Postings.select(postings, verdicts, rows(), out, name());
      }
    }
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
    return ColumnDecoder.codesAt(dataAt(column, positions, count), rows(), entries(column), positions, count, name());
  }

  @Override
  public void close() throws IOException {
    if (reader != null) reader.close();
  }
}
