package dev.kqlhunt.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The postings block of a string column (format in {@link SegmentFile}): for each dictionary code,
 * the ascending row ids holding it, so a selective condition reads the rows of its few matching
 * entries instead of every row's code.
 *
 * <pre>
 * postings := u32 × (entries + 1) list offsets (from the end of this table; ascending; the last is
 *             the lists' total length), then per code in order: its rows as varint gaps
 *             (row - previous row - 1, the previous of the first being -1)
 * </pre>
 *
 * Written only for columns where it pays: strings with at least 2 and at most {@link #maxEntries}
 * entries (larger dictionaries hold rare values whose conditions are deferred anyway).
 */
final class Postings {
  private Postings() {}

  /** Whether a string column of {@code rows} rows and {@code entries} entries gets a postings block. */
  static boolean wanted(int rows, int entries) {
    return entries >= 2 && entries <= maxEntries(rows);
  }

  static int maxEntries(int rows) {
    return Math.max(64, rows / 16);
  }

  /** The postings of {@code codes[0..n)}, each below {@code entries}. */
  static byte[] encode(int[] codes, int n, int entries) {
    int[] start = new int[entries + 1];
    for (int r = 0; r < n; r++) start[codes[r] + 1]++;
    for (int c = 0; c < entries; c++) start[c + 1] += start[c];
    int[] next = Arrays.copyOf(start, entries);
    int[] rows = new int[n];
    for (int r = 0; r < n; r++) rows[next[codes[r]]++] = r; // counting sort: ascending rows per code
    ByteSink lists = new ByteSink(n + 16);
    int[] offsets = new int[entries + 1];
    for (int c = 0; c < entries; c++) {
      offsets[c] = lists.size();
      int prev = -1;
      for (int k = start[c]; k < start[c + 1]; k++) {
        lists.varint(rows[k] - prev - 1);
        prev = rows[k];
      }
    }
    offsets[entries] = lists.size();
    ByteSink out = new ByteSink(4 * (entries + 1) + lists.size());
    for (int o : offsets) out.i32(o);
    byte[] l = lists.toArray();
    out.bytes(l, 0, l.length);
    return out.toArray();
  }

  /**
   * Bytes of the lists of the codes with a true verdict (checking only the offsets read), or -1 when
   * the block does not fit {@code entries}.
   */
  static long listBytes(CheckedBlock block, boolean[] verdicts) {
    int entries = verdicts.length;
    long table = 4L * (entries + 1);
    if (block.length() < table) return -1;
    long total = 0;
    for (int c = 0; c < entries; c++) {
      if (!verdicts[c]) continue;
      ByteBuffer b = block.range(4 * c, 4 * c + 8);
      total += (b.getInt(4 * c + 4) & 0xFFFF_FFFFL) - (b.getInt(4 * c) & 0xFFFF_FFFFL);
    }
    return total;
  }

  /**
   * The rows (ascending) whose code has a true verdict, into {@code out} (of at least {@code rows});
   * returns how many. Reads and checks only the offsets and lists of those codes.
   */
  static int select(CheckedBlock block, boolean[] verdicts, int rows, int[] out, String name) {
    int entries = verdicts.length;
    int table = 4 * (entries + 1);
    if (block.length() < table) throw new CorruptStoreException(name + ": postings block too short");
    int count = 0;
    int lists = 0;
    for (int c = 0; c < entries; c++) {
      if (!verdicts[c]) continue;
      ByteBuffer b = block.range(4 * c, 4 * c + 8);
      long from = table + (b.getInt(4 * c) & 0xFFFF_FFFFL);
      long to = table + (b.getInt(4 * c + 4) & 0xFFFF_FFFFL);
      if (from > to || to > block.length()) throw new CorruptStoreException(name + ": bad postings offsets");
      b = block.range((int) from, (int) to);
      int row = -1;
      for (int at = (int) from; at < to; ) {
        long gap = 0;
        int shift = 0;
        int v;
        do {
          if (at >= to || shift > 28) throw new CorruptStoreException(name + ": bad postings varint");
          v = b.get(at++);
          gap |= (long) (v & 0x7F) << shift;
          shift += 7;
        } while (v < 0);
        long next = row + 1 + gap;
        if (next >= rows || count >= rows) throw new CorruptStoreException(name + ": postings row out of range");
        row = (int) next;
        out[count++] = row;
      }
      lists++;
    }
    if (lists > 1) Arrays.sort(out, 0, count);
    return count;
  }
}
