package dev.kqlhunt.binder;

/**
 * Where a scalar expression is bound: the row it sees, the {@code let} scope, whether aggregate
 * functions may be called ({@code summarize}, {@code make-series}), and for a join condition the
 * left and right rows that {@code $left} and {@code $right} refer to (null elsewhere).
 */
record Env(Row row, Scope scope, boolean aggregates, Row left, Row right) {
  static Env of(Row row, Scope scope) {
    return new Env(row, scope, false, null, null);
  }

  Env withAggregates(boolean on) {
    return on == aggregates ? this : new Env(row, scope, on, left, right);
  }

  Env withRow(Row r) {
    return new Env(r, scope, aggregates, left, right);
  }
}
