package dev.kqlhunt.exec.vector;

import dev.kqlhunt.value.Dynamic;
import java.util.Arrays;

/** Appends dynamic values; a Java null is stored as {@link Dynamic#NULL}. */
public final class DynamicVectorBuilder {
  private Dynamic[] values;
  private int size;

  public DynamicVectorBuilder(int expectedSize) {
    this.values = new Dynamic[Math.max(8, expectedSize)];
  }

  public DynamicVectorBuilder append(Dynamic value) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = value == null ? Dynamic.NULL : value;
    return this;
  }

  public int size() {
    return size;
  }

  public DynamicVector build() {
    return new DynamicVector(values, size);
  }
}
