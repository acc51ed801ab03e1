package dev.kqlhunt.ingest;

import java.util.Map;
import java.util.Objects;

/**
 * A sink that passes every call on to {@code downstream}; decorators extend it and override only the
 * calls they act on, so a new {@link RecordSink} method cannot be forgotten by one of them.
 */
public abstract class ForwardingSink implements RecordSink {
  protected final RecordSink downstream;

  protected ForwardingSink(RecordSink downstream) {
    this.downstream = Objects.requireNonNull(downstream, "downstream is null");
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    downstream.accept(table, values, origin);
  }

  @Override
  public void reject(Reject reject) {
    downstream.reject(reject);
  }

  @Override
  public void skip(Reject skipped) {
    downstream.skip(skipped);
  }

  @Override
  public void warning(Reject warning) {
    downstream.warning(warning);
  }
}
