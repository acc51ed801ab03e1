package dev.kqlhunt.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.util.zip.CRC32;

/**
 * One block of a segment file as a little-endian view (of the memory-mapped file, or of a heap copy),
 * checked against its CRC32s chunk by chunk on demand: {@link #all} checks every chunk, {@link #range}
 * only the chunks holding the bytes asked for. A late-materialised column whose surviving rows are few
 * thus touches (and, when the file is not in the page cache, reads) a few chunks, not the whole block.
 * A format 1 block is one chunk. Callers read only bytes they had checked.
 *
 * <p>Thread-safe: the checked flags are written racily, but a flag only ever goes from false to true
 * after its chunk matched, and a stale false only costs a second check of immutable bytes.
 */
final class CheckedBlock {
  private final ByteBuffer view;
  private final SegmentFile.BlockRef ref;
  private final boolean[] checked;
  private final String name;
  private final String column;
  private final int kind;
  private final ReadStats stats;
  private volatile boolean allChecked;

  /** A block over {@code view} (exactly the block's bytes), none of it checked yet. */
  CheckedBlock(ByteBuffer view, SegmentFile.BlockRef ref, String name, String column, int kind, ReadStats stats) {
    this.view = view.order(ByteOrder.LITTLE_ENDIAN);
    this.ref = ref;
    this.checked = new boolean[ref.chunks()];
    this.name = name;
    this.column = column;
    this.kind = kind;
    this.stats = stats;
  }

  /** Bytes in the block. */
  int length() {
    return ref.length();
  }

  /** The whole block, every chunk checked. */
  ByteBuffer all() {
    if (!allChecked) {
      range(0, ref.length()); // one load() of every chunk not yet checked, then their CRCs
      allChecked = true;
    }
    return view;
  }

  /**
   * The block with at least bytes {@code [from, to)} checked (clipped to the block); other bytes of
   * the returned view must not be read.
   */
  ByteBuffer range(int from, int to) {
    int end = Math.min(to, ref.length());
    if (from >= end || allChecked) return view;
    int chunk = ref.chunkBytes();
    int first = -1;
    int last = -1;
    for (int c = Math.max(0, from) / chunk, stop = (end - 1) / chunk; c <= stop; c++) {
      if (checked[c]) continue;
      if (first < 0) first = c;
      last = c;
    }
    if (first < 0) return view;
    // Never let a check fault on pages not in the page cache: a fault on a mapping reads around the
    // page (and on this kernel far more: ~7 MB per 4 KiB chunk touched was measured), whereas load()
    // first asks for exactly these bytes (madvise WILLNEED).
    int spanFrom = first * chunk;
    int spanTo = Math.min(ref.length(), (last + 1) * chunk);
    if (view instanceof MappedByteBuffer && view.slice(spanFrom, spanTo - spanFrom) instanceof MappedByteBuffer m) m.load();
    for (int c = first; c <= last; c++) {
      if (!checked[c]) check(c);
    }
    return view;
  }

  /**
   * Asks the kernel for bytes {@code [from, to)} at once before {@link #range} checks chunks of
   * them one by one: when the file is not in the page cache, one read-ahead of the span (madvise
   * WILLNEED) instead of a synchronous fault, each reading around its page, per chunk. No-op for a
   * heap block or a span already checked.
   */
  void prefetch(int from, int to) {
    int start = Math.max(0, from);
    int end = Math.min(to, ref.length());
    if (allChecked || start >= end || !(view instanceof MappedByteBuffer)) return;
    int chunk = ref.chunkBytes();
    boolean needed = false;
    for (int c = start / chunk, last = (end - 1) / chunk; c <= last && !needed; c++) needed = !checked[c];
    if (needed && view.slice(start, end - start) instanceof MappedByteBuffer m) m.load();
  }

  private void check(int c) {
    int chunk = ref.chunkBytes();
    int from = c * chunk;
    int n = Math.min(chunk, ref.length() - from);
    CRC32 crc = new CRC32();
    crc.update(view.slice(from, n));
    if ((int) crc.getValue() != ref.crcs()[c]) {
      throw new CorruptStoreException(name + ": block checksum mismatch at offset " + (ref.offset() + from));
    }
    checked[c] = true;
    if (stats != null) stats.chunk(column, kind, n);
  }
}
