package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Table} row by row: strings are dictionary-coded as they come, numbers go to
 * primitive arrays with null masks. Rows are given as arrays in column order or as maps by column
 * name (a missing name is null). Single-threaded; {@link #build()} once.
 */
public final class TableBuilder {
  private final List<ColumnSymbol> columns;
  private final ColumnBuilder[] builders;
  private int rows;

  public TableBuilder(List<ColumnSymbol> columns, int expectedRows) {
    this.columns = List.copyOf(columns);
    this.builders = new ColumnBuilder[this.columns.size()];
    for (int i = 0; i < builders.length; i++) builders[i] = new ColumnBuilder(this.columns.get(i).type(), expectedRows);
  }

  /** Appends one row in column order. */
  public TableBuilder addRow(Object... values) {
    if (values.length != builders.length) {
      throw new IllegalArgumentException(values.length + " values for " + builders.length + " columns");
    }
    for (int i = 0; i < builders.length; i++) builders[i].append(values[i]);
    rows++;
    return this;
  }

  /** Appends one row by column name; names not in the table are ignored. */
  public TableBuilder addRow(Map<String, ?> values) {
    for (int i = 0; i < builders.length; i++) builders[i].append(values.get(columns.get(i).name()));
    rows++;
    return this;
  }

  public int rowCount() {
    return rows;
  }

  public Table build() {
    List<Vector> vectors = new ArrayList<>(builders.length);
    for (ColumnBuilder b : builders) vectors.add(b.build());
    return new Table(columns, vectors, rows);
  }
}
