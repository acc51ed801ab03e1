package dev.kqlhunt.exec;

/**
 * The memory budget of one query, by the vectors' {@code retainedBytes()}: an operator checks the
 * bytes of its inputs plus its output (what is alive at once) before handing the output on, and an
 * operator that multiplies rows (join, mv-expand) checks an estimate before building. Exceeding the
 * budget throws {@link ExecError#MEMORY_LIMIT}, so a query stops with a message instead of an
 * {@link OutOfMemoryError}. Tracks the peak for reporting. Not thread-safe.
 */
final class MemoryBudget {
  private final long limit;
  private long peak;

  MemoryBudget(long limit) {
    this.limit = limit;
  }

  /** Records that {@code bytes} are alive at once at {@code operator}; throws past the budget. */
  void check(long bytes, String operator) {
    peak = Math.max(peak, bytes);
    if (bytes > limit) {
      throw new ExecutionException(ExecError.MEMORY_LIMIT, formatBytes(limit), formatBytes(bytes), operator);
    }
  }

  long peak() {
    return peak;
  }

  static String formatBytes(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    if (bytes < 1024L * 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / 1073741824.0);
  }
}
