package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The late-materialisation decoders agree with decoding everything, for every width. */
class ColumnDecoderTest {
  private static byte[] codeBlock(int[] codes, int n, int width) {
    byte[] packed = BitPacking.packInts(codes, n, width);
    byte[] block = new byte[packed.length + 1];
    block[0] = (byte) width;
    System.arraycopy(packed, 0, block, 1, packed.length);
    return block;
  }

  @Test
  void selectingAndPickingCodesAgreesWithFullDecoding() {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("ColumnDecoderTest seed=" + seed + " (replay with -Dkqlhunt.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int round = 0; round < 400; round++) {
      int width = 1 + random.nextInt(random.nextBoolean() ? 8 : 32);
      int entries = (int) Math.min(1L << width, 1 + random.nextInt(1 << Math.min(width, 12)));
      int n = random.nextInt(3000);
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) codes[i] = random.nextInt(entries);
      byte[] block = codeBlock(codes, n, width);
      boolean[] verdicts = new boolean[entries];
      int wanted = random.nextInt(3) == 0 ? entries : 1 + random.nextInt(4);
      for (int k = 0; k < wanted; k++) verdicts[random.nextInt(entries)] = true;

      int[] expected = new int[n];
      int e = 0;
      for (int i = 0; i < n; i++) if (verdicts[codes[i]]) expected[e++] = i;
      int[] out = new int[n];
      int got = ColumnDecoder.selectCodes(block, n, verdicts, out, "t");
      assertArrayEquals(Arrays.copyOf(expected, e), Arrays.copyOf(out, got), "width " + width + " seed " + seed);

      int[] positions = new int[n];
      int p = 0;
      for (int i = 0; i < n; i++) if (random.nextInt(5) == 0) positions[p++] = i;
      int[] picked = ColumnDecoder.codesAt(ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN), n, entries, positions, p, "t");
      for (int k = 0; k < p; k++) {
        if (picked[k] != codes[positions[k]]) throw new AssertionError("codesAt width " + width + " seed " + seed);
      }
    }
  }

  @Test
  void longsAtAgreesWithFullDecodingAndBadBlocksAreCorrupt() {
    Random random = new Random(42);
    for (int width : new int[] {0, 1, 7, 13, 32, 40, 63, 64}) {
      int n = 1000;
      long[] values = new long[n];
      long base = -5_000_000_000L;
      for (int i = 0; i < n; i++) values[i] = width == 0 ? base : base + (random.nextLong() & (width == 64 ? -1L : (1L << width) - 1));
      byte[] packed = BitPacking.packLongs(values, n, base, width);
      ByteBuffer block = ByteBuffer.allocate(9 + packed.length).order(ByteOrder.LITTLE_ENDIAN);
      block.putLong(0, base).put(8, (byte) width).put(9, packed);
      int[] positions = {0, 1, 63, 64, 500, 998, 999};
      long[] got = ColumnDecoder.longsAt(block, n, positions, positions.length, "t");
      for (int k = 0; k < positions.length; k++) {
        if (got[k] != values[positions[k]]) throw new AssertionError("width " + width + " at " + positions[k]);
      }
      if (width > 0) assertThrows(CorruptStoreException.class, () -> ColumnDecoder.longsAt(block, n + 1, positions, 1, "t"));
    }
    // Code 3 does not index a dictionary of 3 entries: an error wherever the scan looks at it.
    byte[] block = codeBlock(new int[] {0, 1, 2, 3}, 4, 2);
    assertThrows(CorruptStoreException.class, () -> ColumnDecoder.selectCodes(block, 4, new boolean[] {true, false, false}, new int[4], "t"));
    byte[] longer = codeBlock(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 3}, 33, 2);
    assertThrows(CorruptStoreException.class, () -> ColumnDecoder.selectCodes(longer, 33, new boolean[] {true, false, false}, new int[33], "t"));
  }
}
