package dev.kqlhunt.exec.vector;

import java.util.Objects;

/**
 * The selected positions of a batch, strictly ascending: {@code positions[0..count)}. Filters produce
 * selections instead of copying columns. The array may be longer than {@code count}. Immutable by
 * contract (the array is not copied; producers hand it over).
 */
public final class Selection {
  private final int[] positions;
  private final int count;

  /** Takes ownership of {@code positions}; validates that the first {@code count} ascend. */
  public Selection(int[] positions, int count) {
    this.positions = Objects.requireNonNull(positions, "positions is null");
    if (count < 0 || count > positions.length) throw new IllegalArgumentException("bad count");
    for (int i = 0; i < count; i++) {
      if (positions[i] < 0 || (i > 0 && positions[i] <= positions[i - 1])) {
        throw new IllegalArgumentException("positions must be ascending and non-negative");
      }
    }
    this.count = count;
  }

  /** For kernels in this package whose loops produce ascending positions by construction. */
  static Selection trusted(int[] positions, int count) {
    return new Selection(positions, count, Unchecked.INSTANCE);
  }

  /** Marks the private constructor that skips the O(count) validation. */
  private enum Unchecked {
    INSTANCE
  }

  private Selection(int[] positions, int count, Unchecked unchecked) {
    this.positions = positions;
    this.count = count;
  }

  /** Every position of a batch of {@code rowCount} rows. */
  public static Selection all(int rowCount) {
    int[] p = new int[rowCount];
    for (int i = 0; i < rowCount; i++) p[i] = i;
    return trusted(p, rowCount);
  }

  public int count() {
    return count;
  }

  public int position(int i) {
    Objects.checkIndex(i, count);
    return positions[i];
  }

  /** The backing array for kernels (read-only by contract; may be longer than count). */
  public int[] rawPositions() {
    return positions;
  }

  public long retainedBytes() {
    return 24 + Vector.arrayBytes(positions.length, 4);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Selection[");
    for (int i = 0; i < count; i++) sb.append(i == 0 ? "" : ",").append(positions[i]);
    return sb.append(']').toString();
  }
}
