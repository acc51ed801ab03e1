package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import java.util.Arrays;
import java.util.Objects;

/**
 * A vector of {@code dynamic} values as objects (dynamic values are trees; there is no primitive
 * layout worth having yet). A null is {@link Dynamic#NULL}; the {@link #nulls()} mask mirrors it so
 * kernels treat every nullable vector alike.
 */
public final class DynamicVector implements Vector {
  private final Dynamic[] values;
  private final NullMask nulls;
  private final long retainedBytes;

  /** Copies {@code values[0..size)}; Java nulls are rejected (use {@link Dynamic#NULL}). */
  public DynamicVector(Dynamic[] values, int size) {
    this.values = Arrays.copyOf(values, size);
    long[] words = new long[(size + 63) >>> 6];
    long bytes = 32 + Vector.arrayBytes(size, 8);
    for (int i = 0; i < size; i++) {
      Dynamic v = Objects.requireNonNull(this.values[i], "use Dynamic.NULL, not a Java null");
      if (v.isNull()) NullMask.set(words, i);
      bytes += DynamicJson.estimatedBytes(v);
    }
    this.nulls = NullMask.of(words);
    this.retainedBytes = bytes + nulls.retainedBytes();
  }

  @Override
  public ScalarType type() {
    return ScalarType.DYNAMIC;
  }

  @Override
  public int size() {
    return values.length;
  }

  public Dynamic get(int position) {
    return values[position];
  }

  public NullMask nulls() {
    return nulls;
  }

  @Override
  public boolean isNull(int position) {
    return values[position].isNull();
  }

  @Override
  public long retainedBytes() {
    return retainedBytes;
  }
}
