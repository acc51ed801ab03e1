package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;

/**
 * Window functions over the rows in their current order (the executor keeps input order, so every
 * table is "serialized"): {@code prev(x [, offset [, default]])}, {@code next(...)}, {@code
 * row_number([start [, restart]])}. They need the whole column, so they run here on vectors, not per row.
 */
final class Window {
  private Window() {}

  /** The function's values, or null when {@code name} is not a window function. */
  static Vector evaluate(String name, Vector[] args, ScalarType type, int n) {
    return switch (name) {
      case "prev", "next" -> shift(args, type, n, name.equals("prev") ? -1 : 1);
      case "row_number" -> rowNumber(args, n);
      default -> null;
    };
  }

  private static Vector shift(Vector[] args, ScalarType type, int n, int direction) {
    ColumnBuilder out = new ColumnBuilder(type, n);
    for (int i = 0; i < n; i++) {
      long offset = args.length > 1 ? Coerce.toLong(Cells.get(args[1], i)) : 1;
      long at = i + direction * offset;
      Object v = at >= 0 && at < n ? Cells.get(args[0], (int) at) : args.length > 2 ? Cells.get(args[2], i) : null;
      out.append(v);
    }
    return out.build();
  }

  private static Vector rowNumber(Vector[] args, int n) {
    long start = args.length > 0 ? Coerce.toLong(Cells.get(args[0], 0)) : 1;
    ColumnBuilder out = new ColumnBuilder(ScalarType.LONG, n);
    long next = start;
    for (int i = 0; i < n; i++) {
      // row_number(start, restart): the count starts over at a row where restart is true.
      if (args.length > 1 && i > 0 && Boolean.TRUE.equals(Coerce.toBool(Cells.get(args[1], i)))) next = start;
      out.append(next++);
    }
    return out.build();
  }
}
