package dev.kqlhunt.exec;

/**
 * One scalar function specialised for its argument types: takes the boxed arguments of one row
 * ({@link Cells}) and returns the boxed result (converted to the call's type by the caller's column
 * builder). Prepared state (a compiled regex, a format) lives in the instance; the array is reused
 * between rows and must not be kept.
 */
@FunctionalInterface
interface ScalarFunction {
  Object apply(Object[] args);
}
