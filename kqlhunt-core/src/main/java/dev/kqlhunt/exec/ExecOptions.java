package dev.kqlhunt.exec;

/**
 * Parameters of one execution.
 *
 * @param nowTicks the reference time of {@code now()} and {@code ago()}, in 100 ns ticks since
 *     0001-01-01 ({@link dev.kqlhunt.value.DateTimes}); fixed for the whole query, as in Kusto
 * @param maxMemoryBytes the budget of live intermediate results, by the vectors' {@code
 *     retainedBytes()}; exceeding it stops the query with {@link ExecError#MEMORY_LIMIT}
 * @param maxRows rows returned at most; more are cut with a {@link ExecError#ROW_LIMIT} warning
 * @param externalData reads the URLs of {@code externaldata} ({@link ExternalDataResolver#DEFAULT}: http(s) and files)
 */
public record ExecOptions(long nowTicks, long maxMemoryBytes, long maxRows, ExternalDataResolver externalData) {
  public static final long DEFAULT_MAX_MEMORY = 1L << 30;
  public static final long DEFAULT_MAX_ROWS = 1_000_000;

  public ExecOptions {
    if (maxMemoryBytes <= 0) throw new IllegalArgumentException("maxMemoryBytes <= 0");
    if (maxRows < 0) throw new IllegalArgumentException("maxRows < 0");
    java.util.Objects.requireNonNull(externalData, "externalData is null");
  }

  public ExecOptions(long nowTicks, long maxMemoryBytes, long maxRows) {
    this(nowTicks, maxMemoryBytes, maxRows, ExternalDataResolver.DEFAULT);
  }

  /** Options with the given reference time and default limits. */
  public static ExecOptions at(long nowTicks) {
    return new ExecOptions(nowTicks, DEFAULT_MAX_MEMORY, DEFAULT_MAX_ROWS);
  }

  /** Options with the current wall-clock time and default limits. */
  public static ExecOptions now() {
    return at(dev.kqlhunt.value.DateTimes.fromUnixMillis(System.currentTimeMillis()));
  }

  public ExecOptions withMaxMemory(long bytes) {
    return new ExecOptions(nowTicks, bytes, maxRows, externalData);
  }

  public ExecOptions withMaxRows(long rows) {
    return new ExecOptions(nowTicks, maxMemoryBytes, rows, externalData);
  }

  /**
   * These options with {@code _GetWatchlist} reading {@code folder}'s CSV files (null: no folder, so
   * any watchlist is a clear runtime error); other externaldata URLs read as before. See {@link Watchlists}.
   */
  public ExecOptions withWatchlists(java.nio.file.Path folder) {
    return withExternalData(Watchlists.resolver(folder, externalData));
  }

  /** These options with {@code resolver} reading the URLs of {@code externaldata}. */
  public ExecOptions withExternalData(ExternalDataResolver resolver) {
    return new ExecOptions(nowTicks, maxMemoryBytes, maxRows, resolver);
  }
}
