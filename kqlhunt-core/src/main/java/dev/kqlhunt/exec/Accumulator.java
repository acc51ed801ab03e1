package dev.kqlhunt.exec;

/**
 * The running state of one aggregate for one group. {@link #add} takes the boxed arguments of one
 * row ({@link Cells}); {@link #result} gives one value per output column of the aggregate (several
 * for {@code arg_max(t, a, b)}). The argument array is reused between rows and must not be kept.
 */
interface Accumulator {
  void add(Object[] args);

  Object[] result();
}
