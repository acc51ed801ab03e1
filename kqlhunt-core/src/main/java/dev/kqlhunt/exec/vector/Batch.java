package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.List;
import java.util.Objects;

/**
 * A horizontal slice of a table: {@link #rowCount()} rows, one {@link Vector} per column of {@link
 * #columns()}, in order. The constructor checks that every vector has the row count and a type
 * that can hold its column's type (a {@code bool} column needs a {@link BoolVector}, {@code int}/
 * {@code long}/{@code datetime}/{@code timespan} a {@link LongVector} of that exact type, ...).
 */
public record Batch(List<ColumnSymbol> columns, List<Vector> vectors, int rowCount) {
  public Batch {
    columns = List.copyOf(columns);
    vectors = List.copyOf(vectors);
    if (columns.size() != vectors.size()) {
      throw new IllegalArgumentException(
          columns.size() + " columns but " + vectors.size() + " vectors");
    }
    if (rowCount < 0) throw new IllegalArgumentException("negative row count");
    for (int i = 0; i < columns.size(); i++) {
      ColumnSymbol c = columns.get(i);
      Vector v = Objects.requireNonNull(vectors.get(i), "vector is null");
      if (v.size() != rowCount) {
        throw new IllegalArgumentException(
            "column " + c.name() + " has " + v.size() + " rows, batch has " + rowCount);
      }
      if (!holds(v, c.type())) {
        throw new IllegalArgumentException(
            "column " + c.name() + ":" + c.type() + " cannot be held by a " + v.type() + " vector");
      }
    }
  }

  private static boolean holds(Vector v, ScalarType type) {
    return v.type() == type;
  }

  public Vector vector(int column) {
    return vectors.get(column);
  }

  /** Sum of the vectors' retained bytes. */
  public long retainedBytes() {
    long bytes = 0;
    for (Vector v : vectors) bytes += v.retainedBytes();
    return bytes;
  }
}
