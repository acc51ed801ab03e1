package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ScalarType;
import java.util.Objects;

/**
 * A dictionary-coded vector of strings: {@code codes[i]} indexes {@link #dictionary()}. Strings are
 * never null in Kusto, so there is no null mask; a missing value is the empty string.
 */
public final class StringVector implements Vector {
  private final int[] codes;
  private final int size;
  private final StringDictionary dictionary;

  /** Takes ownership of {@code codes}; each of the first {@code size} must index the dictionary. */
  public StringVector(int[] codes, int size, StringDictionary dictionary) {
    this.codes = Objects.requireNonNull(codes, "codes is null");
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary is null");
    if (size < 0 || size > codes.length) throw new IllegalArgumentException("bad size " + size);
    int entries = dictionary.size();
    for (int i = 0; i < size; i++) {
      if (codes[i] < 0 || codes[i] >= entries) {
        throw new IllegalArgumentException("code " + codes[i] + " at " + i + " outside dictionary");
      }
    }
    this.size = size;
  }

  @Override
  public ScalarType type() {
    return ScalarType.STRING;
  }

  @Override
  public int size() {
    return size;
  }

  public String get(int position) {
    Objects.checkIndex(position, size);
    return dictionary.get(codes[position]);
  }

  public int code(int position) {
    Objects.checkIndex(position, size);
    return codes[position];
  }

  /** The backing codes for kernels (read-only by contract; may be longer than size). */
  public int[] rawCodes() {
    return codes;
  }

  public StringDictionary dictionary() {
    return dictionary;
  }

  @Override
  public boolean isNull(int position) {
    return false;
  }

  /** Codes plus the dictionary; a dictionary shared by several vectors is counted by each. */
  @Override
  public long retainedBytes() {
    return 32 + Vector.arrayBytes(codes.length, 4) + dictionary.retainedBytes();
  }
}
