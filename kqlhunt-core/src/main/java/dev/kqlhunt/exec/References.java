package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.plan.ColumnRefs;
import java.util.Set;

/** The input columns an expression reads, for narrowing what a scan predicate sees ({@link ColumnRefs}). */
final class References {
  private References() {}

  /** Adds the column names {@code e} reads to {@code out}; false when it may read any column ({@code *}). */
  static boolean collect(BoundExpr e, Set<String> out) {
    return ColumnRefs.collect(e, out);
  }
}
