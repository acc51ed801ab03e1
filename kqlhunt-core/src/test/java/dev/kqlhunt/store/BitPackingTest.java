package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitPackingTest {
  @Test
  void longsRoundTripAtEveryWidth() {
    long seed = System.nanoTime();
    System.out.println("BitPackingTest seed " + seed);
    Random rnd = new Random(seed);
    for (int width = 0; width <= 64; width++) {
      int n = 1 + rnd.nextInt(300);
      long base = rnd.nextLong() / 4;
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        long bits = width == 0 ? 0 : rnd.nextLong() >>> (64 - width);
        values[i] = base + bits;
      }
      byte[] packed = BitPacking.packLongs(values, n, base, width);
      assertEquals(BitPacking.packedBytes(n, width), packed.length, "seed " + seed);
      long[] back = new long[n];
      BitPacking.unpackLongs(packed, 0, n, width, base, back);
      assertArrayEquals(values, back, "width " + width + " seed " + seed);
    }
  }

  @Test
  void intsRoundTripFromAnOffset() {
    long seed = System.nanoTime();
    System.out.println("BitPackingTest seed " + seed);
    Random rnd = new Random(seed);
    for (int width = 0; width <= 31; width++) {
      int n = rnd.nextInt(500);
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) codes[i] = width == 0 ? 0 : (int) (rnd.nextLong() >>> (64 - width));
      byte[] packed = BitPacking.packInts(codes, n, width);
      byte[] shifted = new byte[packed.length + 3];
      System.arraycopy(packed, 0, shifted, 3, packed.length);
      int[] back = new int[n];
      BitPacking.unpackInts(shifted, 3, n, width, back);
      assertArrayEquals(codes, back, "width " + width + " seed " + seed);
    }
  }

  @Test
  void widthOfUnsignedValues() {
    assertEquals(0, BitPacking.width(0));
    assertEquals(1, BitPacking.width(1));
    assertEquals(40, BitPacking.width(864_000_000_000L));
    assertEquals(64, BitPacking.width(-1L));
  }
}
