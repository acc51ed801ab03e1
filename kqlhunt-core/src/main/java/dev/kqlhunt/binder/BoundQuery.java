package dev.kqlhunt.binder;

import java.util.List;
import java.util.Objects;

/**
 * A bound query: its {@code let} statements in order and the value of its last statement, which is a
 * table ({@link #tabular()} non-null), a scalar ({@link #scalar()} non-null) or nothing (a query made of
 * {@code let}s only).
 */
public record BoundQuery(List<Let> lets, BoundTabular tabular, BoundExpr scalar) {
  public BoundQuery {
    lets = List.copyOf(lets);
    if (tabular != null && scalar != null) {
      throw new IllegalArgumentException("a query has one result: tabular or scalar");
    }
  }

  /** {@code table}, {@code scalar} or {@code none}, as the official parser names result kinds. */
  public String resultKind() {
    return tabular != null ? "table" : scalar != null ? "scalar" : "none";
  }

  /**
   * One {@code let}: exactly one of {@code tabular}, {@code scalar} is set for a value; both are null for a
   * function definition (functions are expanded at each call, see {@link BoundTabular.UserCall}).
   */
  public record Let(String name, BoundTabular tabular, BoundExpr scalar) {
    public Let {
      Objects.requireNonNull(name, "name is null");
    }
  }
}
