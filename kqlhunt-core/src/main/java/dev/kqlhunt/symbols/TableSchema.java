package dev.kqlhunt.symbols;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The ordered columns of a table. Column names are case-sensitive, as in Kusto. */
public final class TableSchema {
  private final String name;
  private final List<ColumnSymbol> columns;
  private final Map<String, Integer> indexByName;

  public TableSchema(String name, List<ColumnSymbol> columns) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.columns = List.copyOf(columns);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < this.columns.size(); i++) {
      if (index.putIfAbsent(this.columns.get(i).name(), i) != null) {
        throw new IllegalArgumentException(
            "duplicate column '" + this.columns.get(i).name() + "' in table " + name);
      }
    }
    this.indexByName = Map.copyOf(index);
  }

  public String name() {
    return name;
  }

  public List<ColumnSymbol> columns() {
    return columns;
  }

  /** Index of the column, or -1. */
  public int indexOf(String column) {
    return indexByName.getOrDefault(column, -1);
  }

  public ColumnSymbol column(String column) {
    int i = indexOf(column);
    return i < 0 ? null : columns.get(i);
  }

  @Override
  public String toString() {
    return name + columns;
  }
}
