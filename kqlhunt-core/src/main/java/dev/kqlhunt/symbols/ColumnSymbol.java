package dev.kqlhunt.symbols;

import java.util.Objects;

/** A named, typed column of a table or a query result. */
public record ColumnSymbol(String name, ScalarType type) {
  public ColumnSymbol {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
  }

  @Override
  public String toString() {
    return name + ":" + type;
  }
}
