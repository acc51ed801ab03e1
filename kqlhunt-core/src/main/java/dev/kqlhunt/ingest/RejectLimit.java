package dev.kqlhunt.ingest;

/**
 * Turns too many rejects into a failure ({@code --max-rejects N}): passes everything on to {@code
 * downstream} and throws {@link TooManyRejects} at the reject that exceeds the limit, after passing
 * that reject on, so the reject log shows it. Skips and warnings do not count. Not thread-safe.
 */
public final class RejectLimit extends ForwardingSink {
  /** Thrown when rejects exceed the limit; the ingest should stop and report failure. */
  public static final class TooManyRejects extends RuntimeException {
    private final long limit;

    TooManyRejects(long limit, Reject last) {
      super("more than " + limit + " rejected records; the last: " + last, null, false, false);
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  private final long maxRejects;
  private long rejects;

  public RejectLimit(long maxRejects, RecordSink downstream) {
    super(downstream);
    if (maxRejects < 0) throw new IllegalArgumentException("maxRejects < 0: " + maxRejects);
    this.maxRejects = maxRejects;
  }

  @Override
  public void reject(Reject reject) {
    downstream.reject(reject);
    if (++rejects > maxRejects) throw new TooManyRejects(maxRejects, reject);
  }
}
