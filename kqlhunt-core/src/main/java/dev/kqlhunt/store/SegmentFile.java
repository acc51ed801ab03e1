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
 * The segment file format, version 2: one immutable file holding every column of a segment as
 * blocks, with a footer that indexes them (footer-at-end, so the writer streams blocks and the
 * reader finds everything from the last 16 bytes).
 *
 * <pre>
 * file    := header block* footer trailer
 * header  := "KQHSEGv2" (8 ASCII bytes)
 * block   := bytes, addressed by the footer (offset, length, crc32 of each chunk of its bytes)
 * footer  := varint version(=2) varint chunkBytes varint rowCount varint columnCount column*
 * column  := string name, string type (Kusto name), varint nullCount, varint distinctCount,
 *            u8 hasRange, i64 min, i64 max, ref nulls, ref dictionary, ref data, ref postings
 * ref     := varint offset, varint length, i32 crc32 × ceil(length / chunkBytes)   (length 0: absent)
 * trailer := i32 footerLength, i32 footerCrc32, "KQHSEGND" (8 ASCII bytes)
 * </pre>
 *
 * Each block is checked in chunks of {@code chunkBytes} ({@value #CHUNK_BYTES} when written; the last
 * chunk may be shorter), each with its own CRC32, so a reader that needs a few rows of a column
 * checks, and reads from disk, only the chunks holding them (see {@link CheckedBlock}).
 *
 * <p><b>Version 1</b> ({@code "KQHSEGv1"}, written before 2026-11-28) differs only in the footer: no
 * {@code chunkBytes}, one CRC32 per block ({@code ref := varint offset, varint length, i32 crc32}) and
 * no postings ref.
 * It is still read: each of its blocks is one chunk. A newer version is refused with a clear message.
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
 *   <li><b>postings</b> (string columns with a small dictionary only, see {@link Postings}): per
 *       dictionary code the ascending ids of its rows, so a selective condition reads the rows of
 *       its matching entries instead of every code.
 *   <li><b>dynamic</b>: like string, entries being compact JSON text; null rows hold code 0 and are
 *       marked in the nulls block.
 * </ul>
 *
 * A file is written to {@code NAME.tmp}, forced to disk and renamed to {@code NAME}; it becomes live
 * only when a manifest lists it (see {@link Manifest}), which also records its size and footer CRC.
 */
public final class SegmentFile {
  static final byte[] HEADER = "KQHSEGv2".getBytes(StandardCharsets.US_ASCII);
  static final byte[] HEADER_V1 = "KQHSEGv1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END = "KQHSEGND".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 2;
  /** Bytes per checked chunk of a block: a page, the unit the OS reads anyway. */
  static final int CHUNK_BYTES = 4096;
  static final int TRAILER_BYTES = 16;
  /** Blocks per column: nulls, dictionary, data, postings (the kinds of {@link ReadStats}). */
  static final int BLOCKS = 4;

  /** Where one block lives, and the CRC32 of each of its chunks of {@code chunkBytes}. */
  record BlockRef(long offset, int length, int chunkBytes, int[] crcs) {
    static final BlockRef ABSENT = new BlockRef(0, 0, 1, new int[0]);

    boolean present() {
      return length > 0;
    }

    int chunks() {
      return crcs.length;
    }

    static int chunks(int length, int chunkBytes) {
      return (int) ((length + (long) chunkBytes - 1) / chunkBytes);
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
    return write(target, columns, rows, VERSION);
  }

  /** As above in format {@code version} (1 or 2): version 1 only to test that older stores are still read. */
  static long[] write(Path target, List<ColumnBuffer> columns, long rows, int version) throws IOException {
    if (version != 1 && version != VERSION) throw new IllegalArgumentException("cannot write version " + version);
    boolean v1 = version == 1;
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    ByteSink footer = new ByteSink(256 + 64 * columns.size());
    footer.varint(version);
    if (!v1) footer.varint(CHUNK_BYTES);
    footer.varint(rows);
    footer.varint(columns.size());
    long size;
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      long pos = writeFully(ch, v1 ? HEADER_V1 : HEADER, 0);
      for (ColumnBuffer c : columns) {
        if (c.size != rows) throw new IllegalStateException("column " + c.name + " has " + c.size + " rows");
        ColumnBuffer.Encoded e = c.encode();
        writeColumnHeader(footer, e.stats());
        byte[][] blocks = v1 ? new byte[][] {e.nulls(), e.dictionary(), e.data()}
            : new byte[][] {e.nulls(), e.dictionary(), e.data(), e.postings()};
        for (byte[] block : blocks) {
          footer.varint(block.length == 0 ? 0 : pos);
          footer.varint(block.length);
          if (v1) footer.i32(block.length == 0 ? 0 : crc(block, 0, block.length));
          for (int at = 0; !v1 && at < block.length; at += CHUNK_BYTES) {
            footer.i32(crc(block, at, Math.min(CHUNK_BYTES, block.length - at)));
          }
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

  /** Bytes read from the end of a segment file at open: trailer and footer in one read in most cases. */
  static final int TAIL_BYTES = 64 * 1024;

  /**
   * Reads and checks the trailer and footer of an open segment file of {@code size} bytes, in one
   * read when the footer fits in the last {@link #TAIL_BYTES} (a cold open costs one I/O per
   * segment). The header magic is checked only when the tail reaches it: the footer's CRC32, its
   * version and the manifest's record of the footer CRC and file size identify the file already.
   */
  static Footer readFooter(FileChannel ch, long size, String name) throws IOException {
    if (size < HEADER.length + TRAILER_BYTES) throw new CorruptStoreException(name + ": too short");
    int tailLength = (int) Math.min(size, TAIL_BYTES);
    byte[] tail = readBlock(ch, size - tailLength, tailLength, name);
    ByteSource trailer = new ByteSource(tail, tailLength - TRAILER_BYTES, TRAILER_BYTES, name);
    int footerLength = trailer.i32();
    int footerCrc = trailer.i32();
    if (!java.util.Arrays.equals(tail, tailLength - END.length, tailLength, END, 0, END.length)) {
      throw new CorruptStoreException(name + ": bad trailer");
    }
    long footerAt = size - TRAILER_BYTES - footerLength;
    if (footerLength <= 0 || footerAt < HEADER.length) throw new CorruptStoreException(name + ": bad footer length");
    if (tailLength == size) {
      boolean v2 = java.util.Arrays.equals(tail, 0, HEADER.length, HEADER, 0, HEADER.length);
      boolean v1 = java.util.Arrays.equals(tail, 0, HEADER.length, HEADER_V1, 0, HEADER.length);
      if (!v1 && !v2) throw new CorruptStoreException(name + ": bad header");
    }
    byte[] footer;
    int footerOffset;
    if (footerLength <= tailLength - TRAILER_BYTES) {
      footer = tail;
      footerOffset = tailLength - TRAILER_BYTES - footerLength;
    } else {
      footer = readBlock(ch, footerAt, footerLength, name);
      footerOffset = 0;
    }
    if (crc(footer, footerOffset, footerLength) != footerCrc) {
      throw new CorruptStoreException(name + ": footer checksum mismatch");
    }
    return parseFooter(new ByteSource(footer, footerOffset, footerLength, name + " footer"), footerAt, footerCrc, name);
  }

  private static Footer parseFooter(ByteSource in, long footerAt, int footerCrc, String name) {
    long version = in.varint();
    if (version != 1 && version != VERSION) {
      throw new CorruptStoreException(name + ": segment format version " + version + " is not supported (this build"
          + " reads versions 1 and " + VERSION + "); use a newer kqlhunt");
    }
    int chunkBytes = version == 1 ? 0 : in.varintInt();
    if (version > 1 && chunkBytes <= 0) throw new CorruptStoreException(name + ": bad chunk size " + chunkBytes);
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
      BlockRef[] refs = new BlockRef[BLOCKS];
      refs[BLOCKS - 1] = BlockRef.ABSENT; // version 1 has no postings
      for (int b = 0; b < (version == 1 ? 3 : BLOCKS); b++) {
        long offset = in.varint();
        int length = in.varintInt();
        if (length < 0 || (length > 0 && (offset < HEADER.length || offset + length > footerAt))) {
          throw new CorruptStoreException(name + ": block of column " + column + " out of bounds");
        }
        // Version 1: one CRC for the whole block (and an i32 even when the block is absent).
        int chunk = chunkBytes == 0 ? Math.max(1, length) : chunkBytes;
        int[] crcs = new int[chunkBytes == 0 ? 1 : BlockRef.chunks(length, chunk)];
        for (int k = 0; k < crcs.length; k++) crcs[k] = in.i32();
        refs[b] = length == 0 ? BlockRef.ABSENT : new BlockRef(offset, length, chunk, crcs);
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

  /** Reads a block (unchecked: wrap it in a {@link CheckedBlock}). */
  static byte[] readUnchecked(FileChannel ch, BlockRef ref, String name) throws IOException {
    return readBlock(ch, ref.offset(), ref.length(), name);
  }
}
