package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.BoolVectorBuilder;
import dev.kqlhunt.exec.vector.DoubleVectorBuilder;
import dev.kqlhunt.exec.vector.DynamicVectorBuilder;
import dev.kqlhunt.exec.vector.LongVectorBuilder;
import dev.kqlhunt.exec.vector.StringVectorBuilder;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends boxed values ({@link Cells}) to a vector of one column type. Also accepts the Java values
 * ingest and the sample generator produce ({@link Instant}, {@link Duration}, {@link UUID}, {@link
 * Integer}, {@link BigDecimal}), converting them to the executor's representation. A value of another
 * kind than the column's is converted the way Kusto's {@code to<type>()} would (a bad one is null).
 * Single-threaded.
 */
public final class ColumnBuilder {
  private final ScalarType type;
  private LongVectorBuilder longs;
  private DoubleVectorBuilder doubles;
  private BoolVectorBuilder bools;
  private StringVectorBuilder strings;
  private DynamicVectorBuilder dynamics;

  public ColumnBuilder(ScalarType type, int expectedSize) {
    this.type = storageType(type);
    switch (this.type) {
      case INT, LONG, DATETIME, TIMESPAN -> longs = new LongVectorBuilder(this.type, expectedSize);
      case REAL -> doubles = new DoubleVectorBuilder(expectedSize);
      case BOOL -> bools = new BoolVectorBuilder(expectedSize);
      case STRING -> strings = new StringVectorBuilder(expectedSize);
      default -> dynamics = new DynamicVectorBuilder(expectedSize);
    }
  }

  /** The vector type holding a column type: guid as string, decimal as real, unknown as dynamic. */
  public static ScalarType storageType(ScalarType type) {
    return switch (type) {
      case GUID -> ScalarType.STRING;
      case DECIMAL -> ScalarType.REAL;
      case UNKNOWN -> ScalarType.DYNAMIC;
      default -> type;
    };
  }

  /** Appends {@code value}; see the class comment for what is accepted. */
  public void append(Object value) {
    switch (type) {
      case INT, LONG, DATETIME, TIMESPAN -> appendLong(value);
      case REAL -> appendDouble(value);
      case BOOL -> appendBool(value);
      case STRING -> strings.append(Coerce.toStringValue(value, ScalarType.UNKNOWN));
      default -> dynamics.append(Coerce.toDynamic(value));
    }
  }

  private void appendLong(Object value) {
    long v = switch (type) {
      case DATETIME -> Coerce.toDateTime(value);
      case TIMESPAN -> Coerce.toTimespan(value);
      default -> Coerce.toLong(value);
    };
    if (v == Coerce.NULL_LONG) longs.appendNull();
    else longs.append(v);
  }

  private void appendDouble(Object value) {
    Double d = Coerce.toReal(value);
    if (d == null) doubles.appendNull();
    else doubles.append(d);
  }

  private void appendBool(Object value) {
    Boolean b = Coerce.toBool(value);
    if (b == null) bools.appendNull();
    else bools.append(b);
  }

  public Vector build() {
    return switch (type) {
      case INT, LONG, DATETIME, TIMESPAN -> longs.build();
      case REAL -> doubles.build();
      case BOOL -> bools.build();
      case STRING -> strings.build();
      default -> dynamics.build();
    };
  }

  /** A vector of {@code count} copies of {@code value}. */
  public static Vector constant(ScalarType type, Object value, int count) {
    ColumnBuilder b = new ColumnBuilder(type, count);
    for (int i = 0; i < count; i++) b.append(value);
    return b.build();
  }

  static Dynamic unused() {
    return Dynamic.NULL;
  }
}
