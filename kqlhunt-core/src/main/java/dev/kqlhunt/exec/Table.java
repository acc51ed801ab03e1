package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory columnar table: one {@link Vector} per column, all of {@link #rowCount()} rows. The
 * storage of a column follows its type: string and guid (as text) in dictionary-coded {@code
 * StringVector}s; bool in {@code BoolVector}; int, long, datetime, timespan in {@code LongVector}s;
 * real and decimal (as double) in {@code DoubleVector}s; dynamic in {@code DynamicVector}s. Operators
 * produce new tables (operator-at-a-time), sharing string dictionaries with their input. Immutable.
 */
public record Table(List<ColumnSymbol> columns, List<Vector> vectors, int rowCount) {
  public Table {
    columns = List.copyOf(columns);
    vectors = List.copyOf(vectors);
    if (columns.size() != vectors.size()) {
      throw new IllegalArgumentException(columns.size() + " columns but " + vectors.size() + " vectors");
    }
    for (int i = 0; i < vectors.size(); i++) {
      Vector v = Objects.requireNonNull(vectors.get(i), "vector is null");
      if (v.size() != rowCount) {
        throw new IllegalArgumentException("column " + columns.get(i).name() + " has " + v.size() + " rows, not " + rowCount);
      }
    }
  }

  /** A table with the given columns and no rows. */
  public static Table empty(List<ColumnSymbol> columns) {
    TableBuilder b = new TableBuilder(columns, 0);
    return b.build();
  }

  public Vector vector(int column) {
    return vectors.get(column);
  }

  /** The index of column {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(name)) return i;
    return -1;
  }

  /** The value at a cell in the executor's representation ({@link Cells#get}). */
  public Object get(int row, int column) {
    return Cells.get(vectors.get(column), row);
  }

  /** Sum of the vectors' retained bytes (shared dictionaries counted per vector: an over-estimate). */
  public long retainedBytes() {
    long bytes = 0;
    for (Vector v : vectors) bytes += v.retainedBytes();
    return bytes;
  }

  /** The rows at {@code positions[0..count)}, in that order (string dictionaries are shared). */
  public Table gather(int[] positions, int count) {
    Vector[] out = new Vector[vectors.size()];
    for (int i = 0; i < out.length; i++) out[i] = Gather.gather(vectors.get(i), positions, count);
    return new Table(columns, List.of(out), count);
  }

  /** The first {@code count} rows. */
  public Table head(int count) {
    if (count >= rowCount) return this;
    int[] positions = new int[count];
    for (int i = 0; i < count; i++) positions[i] = i;
    return gather(positions, count);
  }
}
