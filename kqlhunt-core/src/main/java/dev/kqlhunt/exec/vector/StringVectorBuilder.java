package dev.kqlhunt.exec.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * Appends strings, dictionary-coding them on the way. The dictionary builder may be shared by the
 * builders of all batches of a segment so their vectors share one dictionary.
 */
public final class StringVectorBuilder {
  private final StringDictionaryBuilder dictionary;
  private int[] codes;
  private int size;

  public StringVectorBuilder(int expectedSize) {
    this(new StringDictionaryBuilder(), expectedSize);
  }

  public StringVectorBuilder(StringDictionaryBuilder dictionary, int expectedSize) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary is null");
    this.codes = new int[Math.max(8, expectedSize)];
  }

  /** Appends {@code value}; a Java null is stored as the empty string (Kusto has no null string). */
  public StringVectorBuilder append(String value) {
    return appendCode(dictionary.add(value == null ? "" : value));
  }

  /** Appends a code already obtained from this builder's dictionary. */
  public StringVectorBuilder appendCode(int code) {
    if (size == codes.length) codes = Arrays.copyOf(codes, size * 2);
    codes[size++] = code;
    return this;
  }

  public int size() {
    return size;
  }

  /** Builds the vector with a snapshot of the dictionary; the builder must not be used afterwards. */
  public StringVector build() {
    return new StringVector(codes, size, dictionary.build());
  }
}
