package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;

/**
 * Window functions over the rows in their current order (the executor keeps input order, so every
 * table is "serialized"): {@code prev(x [, offset [, default]])}, {@code next(...)}, {@code
 * row_number([start [, restart]])}, {@code row_cumsum(x [, restart])}, {@code row_rank_min(x [,
 * restart])}, {@code row_rank_dense(x [, restart])}, {@code row_window_session(t, maxFromFirst,
 * maxBetween [, restart])}. They need the whole column, so they run here on vectors, not per row. A
 * {@code restart} argument that is true on a row starts a new partition there.
 */
final class Window {
  private Window() {}

  /** The function's values, or null when {@code name} is not a window function. */
  static Vector evaluate(String name, Vector[] args, ScalarType type, int n) {
    return switch (name) {
      case "prev", "next" -> shift(args, type, n, name.equals("prev") ? -1 : 1);
      case "row_number" -> rowNumber(args, n);
      case "row_cumsum" -> cumsum(args, type, n);
      case "row_rank_min", "row_rank_dense" -> rank(args, n, name.equals("row_rank_dense"));
      case "row_window_session" -> session(args, type, n);
      // The older row_rank(x [, dense]) has no restart argument.
      case "row_rank" -> rank(new Vector[] {args[0]}, n,
          args.length > 1 && n > 0 && Boolean.TRUE.equals(Coerce.toBool(Cells.get(args[1], 0))));
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

  private static boolean restart(Vector[] args, int index, int row) {
    return args.length > index && row > 0 && Boolean.TRUE.equals(Coerce.toBool(Cells.get(args[index], row)));
  }

  /** Running sum; a null term adds nothing (row-cumsum-function.md). */
  private static Vector cumsum(Vector[] args, ScalarType type, int n) {
    ColumnBuilder out = new ColumnBuilder(type, n);
    boolean real = type == ScalarType.REAL || type == ScalarType.DECIMAL;
    long longSum = 0;
    double realSum = 0;
    for (int i = 0; i < n; i++) {
      if (restart(args, 1, i)) {
        longSum = 0;
        realSum = 0;
      }
      Object v = ScalarOps.unwrap(Cells.get(args[0], i));
      if (v != null) {
        if (real) realSum += Coerce.toReal(v);
        else longSum += Coerce.toLong(v);
      }
      out.append(real ? (Object) realSum : (Object) longSum);
    }
    return out.build();
  }

  /**
   * Ranks over rows already sorted by the term: equal neighbours share a rank; {@code row_rank_min}
   * gives a new value its 1-based position in the partition, {@code row_rank_dense} the next rank.
   */
  private static Vector rank(Vector[] args, int n, boolean dense) {
    ColumnBuilder out = new ColumnBuilder(ScalarType.LONG, n);
    long rank = 0;
    long position = 0;
    Object previous = null;
    for (int i = 0; i < n; i++) {
      Object v = ScalarOps.unwrap(Cells.get(args[0], i));
      boolean newPartition = i == 0 || restart(args, 1, i);
      if (newPartition) {
        rank = 0;
        position = 0;
      }
      position++;
      boolean same = !newPartition && (v == null ? previous == null
          : previous != null && ScalarOps.compare(v, previous) == 0);
      if (!same) rank = dense ? rank + 1 : position;
      out.append(rank);
      previous = v;
    }
    return out.build();
  }

  /**
   * The first value of each session: a row starts a new session when it is more than {@code
   * maxFromFirst} from the session's first row, more than {@code maxBetween} from the previous row,
   * or when {@code restart} is true (row-window-session-function.md).
   */
  private static Vector session(Vector[] args, ScalarType type, int n) {
    ColumnBuilder out = new ColumnBuilder(type, n);
    long first = Coerce.NULL_LONG;
    long previous = Coerce.NULL_LONG;
    for (int i = 0; i < n; i++) {
      long t = Coerce.toLong(Cells.get(args[0], i));
      long maxFirst = Coerce.toLong(Cells.get(args[1], i));
      long maxBetween = Coerce.toLong(Cells.get(args[2], i));
      if (t == Coerce.NULL_LONG) {
        out.append(null);
        continue;
      }
      if (first == Coerce.NULL_LONG || restart(args, 3, i) || Math.abs(t - first) > maxFirst
          || Math.abs(t - previous) > maxBetween) {
        first = t;
      }
      previous = t;
      out.append(first);
    }
    return out.build();
  }
}
