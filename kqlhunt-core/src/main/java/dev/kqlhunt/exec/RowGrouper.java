package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.DoubleVector;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Assigns group ids to rows by the values of key vectors without boxing: each row is hashed from its
 * primitive values (string dictionary codes, long values, double bits, null flags), and an
 * open-addressing table of group ids is probed, comparing a candidate group's first row with the row
 * column by column. Nulls of a column equal each other (one group, docs/SEMANTICS.md); strings compare
 * by dictionary code, which is exact because all rows of a vector share one dictionary of distinct
 * entries. Single-threaded.
 */
final class RowGrouper {
  private final Vector[] keys;
  private int[] slots = new int[64];
  private int[] first = new int[16];
  private int count;

  RowGrouper(List<Vector> keys) {
    this.keys = keys.toArray(new Vector[0]);
    Arrays.fill(slots, -1);
  }

  /** The group of {@code row}, created when new (ids are dense, in first-seen order). */
  int groupOf(int row) {
    if (2 * (count + 1) > slots.length) grow();
    int mask = slots.length - 1;
    int slot = hash(row) & mask;
    while (true) {
      int g = slots[slot];
      if (g < 0) {
        if (count == first.length) first = Arrays.copyOf(first, count * 2);
        first[count] = row;
        slots[slot] = count;
        return count++;
      }
      if (sameKeys(first[g], row)) return g;
      slot = (slot + 1) & mask;
    }
  }

  int count() {
    return count;
  }

  int[] firstRows() {
    return first;
  }

  private void grow() {
    int[] bigger = new int[slots.length * 2];
    Arrays.fill(bigger, -1);
    int mask = bigger.length - 1;
    for (int g = 0; g < count; g++) {
      int slot = hash(first[g]) & mask;
      while (bigger[slot] >= 0) slot = (slot + 1) & mask;
      bigger[slot] = g;
    }
    slots = bigger;
  }

  private int hash(int row) {
    long h = 0x9E3779B97F4A7C15L;
    for (Vector v : keys) {
      long x = v.isNull(row) ? 0x5bd1e995L : switch (v) {
        case StringVector s -> s.code(row);
        case LongVector l -> l.get(row);
        case DoubleVector d -> Double.doubleToLongBits(d.get(row));
        case BoolVector b -> b.get(row) ? 1 : 2;
        case DynamicVector d -> d.get(row).hashCode();
      };
      h = (h ^ x) * 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
    }
    return (int) h;
  }

  private boolean sameKeys(int a, int b) {
    for (Vector v : keys) {
      boolean na = v.isNull(a);
      if (na != v.isNull(b)) return false;
      if (na) continue;
      boolean same = switch (v) {
        case StringVector s -> s.code(a) == s.code(b);
        case LongVector l -> l.get(a) == l.get(b);
        case DoubleVector d -> Double.doubleToLongBits(d.get(a)) == Double.doubleToLongBits(d.get(b));
        case BoolVector x -> x.get(a) == x.get(b);
        case DynamicVector d -> Objects.equals(d.get(a), d.get(b));
      };
      if (!same) return false;
    }
    return true;
  }
}
