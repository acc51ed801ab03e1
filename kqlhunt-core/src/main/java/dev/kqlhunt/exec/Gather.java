package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.DoubleVector;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.NullMask;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.value.Dynamic;

/**
 * Copies the values at selected positions into a new vector of the same kind. String vectors keep
 * their dictionary (only codes are copied), so a string predicate evaluated per dictionary entry
 * before a filter stays valid after it. A position of {@code -1} yields a null (an empty string for
 * strings): outer joins use it for the missing side.
 */
final class Gather {
  private Gather() {}

  static Vector gather(Vector vector, int[] positions, int count) {
    return switch (vector) {
      case LongVector v -> longs(v, positions, count);
      case DoubleVector v -> doubles(v, positions, count);
      case BoolVector v -> bools(v, positions, count);
      case StringVector v -> strings(v, positions, count);
      case DynamicVector v -> dynamics(v, positions, count);
    };
  }

  private static LongVector longs(LongVector v, int[] positions, int count) {
    long[] raw = v.rawValues();
    long[] out = new long[count];
    long[] nulls = new long[(count + 63) >>> 6];
    for (int i = 0; i < count; i++) {
      int p = positions[i];
      if (p < 0 || v.isNull(p)) nulls[i >>> 6] |= 1L << i;
      else out[i] = raw[p];
    }
    return new LongVector(v.type(), out, count, NullMask.of(nulls));
  }

  private static DoubleVector doubles(DoubleVector v, int[] positions, int count) {
    double[] raw = v.rawValues();
    double[] out = new double[count];
    long[] nulls = new long[(count + 63) >>> 6];
    for (int i = 0; i < count; i++) {
      int p = positions[i];
      if (p < 0 || v.isNull(p)) nulls[i >>> 6] |= 1L << i;
      else out[i] = raw[p];
    }
    return new DoubleVector(out, count, NullMask.of(nulls));
  }

  private static BoolVector bools(BoolVector v, int[] positions, int count) {
    byte[] raw = v.rawValues();
    byte[] out = new byte[count];
    long[] nulls = new long[(count + 63) >>> 6];
    for (int i = 0; i < count; i++) {
      int p = positions[i];
      if (p < 0 || v.isNull(p)) nulls[i >>> 6] |= 1L << i;
      else out[i] = raw[p];
    }
    return new BoolVector(out, count, NullMask.of(nulls));
  }

  private static StringVector strings(StringVector v, int[] positions, int count) {
    int[] codes = v.rawCodes();
    int[] out = new int[count];
    int empty = -1;
    for (int i = 0; i < count; i++) {
      int p = positions[i];
      if (p >= 0) {
        out[i] = codes[p];
      } else {
        if (empty < 0) empty = emptyCode(v);
        if (empty < 0) return withMissing(v, positions, count);
        out[i] = empty;
      }
    }
    return new StringVector(out, count, v.dictionary());
  }

  private static int emptyCode(StringVector v) {
    for (int c = 0; c < v.dictionary().size(); c++) if (v.dictionary().get(c).isEmpty()) return c;
    return -1;
  }

  /** Slow path: the dictionary lacks "" and a missing row needs it; rebuild the column. */
  private static StringVector withMissing(StringVector v, int[] positions, int count) {
    dev.kqlhunt.exec.vector.StringVectorBuilder b = new dev.kqlhunt.exec.vector.StringVectorBuilder(count);
    for (int i = 0; i < count; i++) b.append(positions[i] < 0 ? "" : v.get(positions[i]));
    return b.build();
  }

  private static DynamicVector dynamics(DynamicVector v, int[] positions, int count) {
    Dynamic[] out = new Dynamic[count];
    for (int i = 0; i < count; i++) out[i] = positions[i] < 0 ? Dynamic.NULL : v.get(positions[i]);
    return new DynamicVector(out, count);
  }
}
