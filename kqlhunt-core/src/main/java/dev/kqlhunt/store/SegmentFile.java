package dev.kqlhunt.store;

import dev.kqlhunt.symbols.ScalarType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The segment file format, version 1: one immutable file holding every column of a segment as
 * blocks, with a footer that indexes them (footer-at-end, so the writer streams blocks and the
 * reader finds everything from the last 16 bytes).
 *
 * <pre>
 * file    := header block* footer trailer
 * header  := "KQHSEGv1" (8 ASCII bytes)
 * block   := bytes, addressed by the footer (offset, length, crc32 of its bytes)
 * footer  := varint version(=1) varint rowCount varint columnCount column*
 * column  := string name, string type (Kusto name), varint nullCount, varint distinctCount,
 *            u8 hasRange, i64 min, i64 max, ref nulls, ref dictionary, ref data
 * ref     := varint offset, varint length, i32 crc32       (length 0: block absent)
 * trailer := i32 footerLength, i32 footerCrc32, "KQHSEGND" (8 ASCII bytes)
 * </pre>
 *
 * All integers are little-endian; varints are unsigned LEB128; a string is a varint byte length and
 * UTF-8 bytes. Per stored type (see {@link StoredTypes#storedType}):
 *
 * <ul>
 *   <li><b>nulls</b> (any type but string): {@code ceil(rows/64)} i64 words, bit {@code r%64} of word
 *       {@code r/64} set when row {@code r} is null; absent when {@code nullCount} is 0.
 *   <li><b>int, long, datetime, timespan</b> (datetime/timespan as 100 ns ticks): data = i64 base,
 *       u8 width, then {@code value - base} of every row bit-packed in {@code width} bits (see {@link
 *       BitPacking}); null rows hold {@code base}. {@code min}/{@code max} are the non-null extremes.
 *   <li><b>real</b>: data = rows × i64 raw IEEE-754 bits; {@code min}/{@code max} are double bits
 *       of the non-null, non-NaN extremes.
 *   <li><b>bool</b>: data = rows bits, 1 for true.
 *   <li><b>string</b>: dictionary = varint count, then count strings (distinct, in first-seen order);
 *       data = u8 width, then each row's code bit-packed in {@code width} bits. The empty string is
 *       an ordinary entry (Kusto strings are never null).
 *   <li><b>dynamic</b>: like string, entries being compact JSON text; null rows hold code 0 and are
 *       marked in the nulls block.
 * </ul>
 *
 * A file is written to {@code NAME.tmp}, forced to disk and renamed to {@code NAME}; it becomes live
 * only when a manifest lists it (see {@link Manifest}), which also records its size and footer CRC.
 */
public final class SegmentFile {
  static final byte[] HEADER = "KQHSEGv1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END = "KQHSEGND".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int TRAILER_BYTES = 16;

  /** Where one block lives. */
  record BlockRef(long offset, int length, int crc) {
    static final BlockRef ABSENT = new BlockRef(0, 0, 0);

    boolean present() {
      return length > 0;
    }
  }

  /** The parsed footer: rows, and per column its stats and block refs (nulls, dictionary, data). */
  record Footer(long rows, List<ColumnStats> columns, List<BlockRef[]> blocks, int crc) {
    int indexOf(String column) {
      for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
      return -1;
    }
  }

  private SegmentFile() {}

  /**
   * Writes {@code columns} (each of {@code rows} rows) to {@code target} through a temporary file,
   * forced to disk and atomically renamed. The directory itself is not forced: the caller does that
   * once per commit. Returns the footer CRC and the file size.
   */
  static long[] write(Path target, List<ColumnBuffer> columns, long rows) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    ByteSink footer = new ByteSink(256 + 64 * columns.size());
    footer.varint(VERSION);
    footer.varint(rows);
    footer.varint(columns.size());
    long size;
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      long pos = writeFully(ch, HEADER, 0);
      for (ColumnBuffer c : columns) {
        if (c.size != rows) throw new IllegalStateException("column " + c.name + " has " + c.size + " rows");
        ColumnBuffer.Encoded e = c.encode();
        writeColumnHeader(footer, e.stats());
        for (byte[] block : new byte[][] {e.nulls(), e.dictionary(), e.data()}) {
          footer.varint(block.length == 0 ? 0 : pos);
          footer.varint(block.length);
          footer.i32(block.length == 0 ? 0 : crc(block, 0, block.length));
          pos = writeFully(ch, block, pos);
        }
      }
      byte[] footerBytes = footer.toArray();
      int footerCrc = crc(footerBytes, 0, footerBytes.length);
      pos = writeFully(ch, footerBytes, pos);
      ByteSink trailer = new ByteSink(TRAILER_BYTES);
      trailer.i32(footerBytes.length);
      trailer.i32(footerCrc);
      trailer.bytes(END, 0, END.length);
      size = writeFully(ch, trailer.toArray(), pos);
      ch.force(true);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return new long[] {footerCrc & 0xFFFF_FFFFL, size};
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  private static void writeColumnHeader(ByteSink footer, ColumnStats s) {
    footer.string(s.name());
    footer.string(s.type().kustoName());
    footer.varint(s.nullCount());
    footer.varint(s.distinctCount());
    footer.u8(s.hasRange() ? 1 : 0);
    footer.i64(s.min());
    footer.i64(s.max());
  }

  private static long writeFully(FileChannel ch, byte[] bytes, long pos) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) pos += ch.write(buf, pos);
    return pos;
  }

  static int crc(byte[] b, int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(b, off, len);
    return (int) crc.getValue();
  }

  /** Reads and checks the header, trailer and footer of an open segment file of {@code size} bytes. */
  static Footer readFooter(FileChannel ch, long size, String name) throws IOException {
    if (size < HEADER.length + TRAILER_BYTES) throw new CorruptStoreException(name + ": too short");
    byte[] head = readBlock(ch, 0, HEADER.length, name);
    if (!java.util.Arrays.equals(head, HEADER)) throw new CorruptStoreException(name + ": bad header");
    ByteSource trailer = new ByteSource(readBlock(ch, size - TRAILER_BYTES, TRAILER_BYTES, name), 0,
        TRAILER_BYTES, name);
    int footerLength = trailer.i32();
    int footerCrc = trailer.i32();
    byte[] end = new byte[8];
    for (int i = 0; i < 8; i++) end[i] = (byte) trailer.u8();
    if (!java.util.Arrays.equals(end, END)) throw new CorruptStoreException(name + ": bad trailer");
    long footerAt = size - TRAILER_BYTES - footerLength;
    if (footerLength <= 0 || footerAt < HEADER.length) throw new CorruptStoreException(name + ": bad footer length");
    byte[] footer = readBlock(ch, footerAt, footerLength, name);
    if (crc(footer, 0, footer.length) != footerCrc) throw new CorruptStoreException(name + ": footer checksum mismatch");
    return parseFooter(new ByteSource(footer, 0, footer.length, name + " footer"), footerAt, footerCrc, name);
  }

  private static Footer parseFooter(ByteSource in, long footerAt, int footerCrc, String name) {
    long version = in.varint();
    if (version != VERSION) throw new CorruptStoreException(name + ": unsupported segment version " + version);
    long rows = in.varint();
    int count = in.varintInt();
    List<ColumnStats> columns = new ArrayList<>(count);
    List<BlockRef[]> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String column = in.string();
      ScalarType type = ScalarType.fromName(in.string());
      if (type == null || StoredTypes.storedType(type) != type) {
        throw new CorruptStoreException(name + ": bad type of column " + column);
      }
      long nulls = in.varint();
      int distinct = in.varintInt();
      boolean hasRange = in.u8() != 0;
      columns.add(new ColumnStats(column, type, nulls, distinct, hasRange, in.i64(), in.i64()));
      BlockRef[] refs = new BlockRef[3];
      for (int b = 0; b < 3; b++) {
        long offset = in.varint();
        int length = in.varintInt();
        int crc = in.i32();
        if (length > 0 && (offset < HEADER.length || offset + length > footerAt)) {
          throw new CorruptStoreException(name + ": block of column " + column + " out of bounds");
        }
        refs[b] = length == 0 ? BlockRef.ABSENT : new BlockRef(offset, length, crc);
      }
      blocks.add(refs);
    }
    if (!in.atEnd()) throw new CorruptStoreException(name + ": trailing bytes in footer");
    return new Footer(rows, List.copyOf(columns), List.copyOf(blocks), footerCrc);
  }

  /** Reads {@code length} bytes at {@code offset}. */
  static byte[] readBlock(FileChannel ch, long offset, int length, String name) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    long pos = offset;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) throw new CorruptStoreException(name + ": file ends inside a block");
      pos += n;
    }
    return buf.array();
  }

  /**
   * Block {@code ref} of a file mapped into {@code file} as a little-endian view of its bytes, after
   * checking its CRC32 over the mapped memory (no copy).
   */
  static ByteBuffer mappedChecked(ByteBuffer file, BlockRef ref, String name) {
    if (ref.offset() + ref.length() > file.capacity()) {
      throw new CorruptStoreException(name + ": block at offset " + ref.offset() + " beyond the end of the file");
    }
    ByteBuffer slice = file.slice((int) ref.offset(), ref.length());
    // load() asks the kernel for the whole block at once (madvise WILLNEED) before touching it: when
    // the file is not in the page cache, one read-ahead instead of a fault per page.
    if (slice instanceof java.nio.MappedByteBuffer m) m.load();
    CRC32 crc = new CRC32();
    crc.update(slice.duplicate());
    if ((int) crc.getValue() != ref.crc()) {
      throw new CorruptStoreException(name + ": block checksum mismatch at offset " + ref.offset());
    }
    return slice.order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }

  /** Reads a block and checks its CRC32. */
  static byte[] readChecked(FileChannel ch, BlockRef ref, String name) throws IOException {
    byte[] b = readBlock(ch, ref.offset(), ref.length(), name);
    if (crc(b, 0, b.length) != ref.crc()) {
      throw new CorruptStoreException(name + ": block checksum mismatch at offset " + ref.offset());
    }
    return b;
  }
}
