package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered, growing list of output columns with a name index, used to compute operator schemas the
 * way Kusto does: {@link #set} replaces a same-named column in place (extend), {@link #addUnique}
 * makes a clashing name unique with Kusto's numeric suffix ({@code DeviceId1}, {@code DeviceId2}),
 * and {@link #nextColumnName} hands out {@code Column1}, {@code Column2}, ... for unnamed expressions.
 */
final class ColumnListBuilder {
  private final List<ColumnSymbol> columns = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private int nextAnonymous = 1;

  ColumnListBuilder() {}

  ColumnListBuilder(List<ColumnSymbol> initial) {
    for (ColumnSymbol c : initial) addUnique(c.name(), c.type());
  }

  int size() {
    return columns.size();
  }

  boolean contains(String name) {
    return index.containsKey(name);
  }

  ColumnSymbol get(String name) {
    Integer i = index.get(name);
    return i == null ? null : columns.get(i);
  }

  /** Replaces the column {@code name} in place, or appends it; returns the symbol. */
  ColumnSymbol set(String name, ScalarType type) {
    ColumnSymbol c = new ColumnSymbol(name, type);
    Integer i = index.get(name);
    if (i == null) {
      index.put(name, columns.size());
      columns.add(c);
    } else {
      columns.set(i, c);
    }
    return c;
  }

  /** Appends {@code name}, or {@code name1}, {@code name2}, ... when taken; returns the symbol. */
  ColumnSymbol addUnique(String name, ScalarType type) {
    String unique = uniqueName(name);
    ColumnSymbol c = new ColumnSymbol(unique, type);
    index.put(unique, columns.size());
    columns.add(c);
    return c;
  }

  /** {@code name} if free, else the first free {@code name1}, {@code name2}, ... */
  String uniqueName(String name) {
    if (!index.containsKey(name)) return name;
    for (int k = 1; ; k++) {
      String candidate = name + k;
      if (!index.containsKey(candidate)) return candidate;
    }
  }

  /** The next free {@code ColumnN} name for an unnamed expression. */
  String nextColumnName() {
    while (true) {
      String candidate = "Column" + nextAnonymous++;
      if (!index.containsKey(candidate)) return candidate;
    }
  }

  /** Removes {@code name} if present. */
  void remove(String name) {
    Integer i = index.remove(name);
    if (i == null) return;
    columns.remove((int) i);
    for (int k = i; k < columns.size(); k++) index.put(columns.get(k).name(), k);
  }

  List<ColumnSymbol> build() {
    return List.copyOf(columns);
  }
}
