package dev.kqlhunt.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps everything it receives in memory, in order. For tests and small inputs; not thread-safe. */
public final class CollectingSink implements RecordSink {
  /** One accepted record. */
  public record Row(String table, Map<String, Object> values, RecordOrigin origin) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();
  private final List<Reject> skipped = new ArrayList<>();
  private final List<Reject> warnings = new ArrayList<>();

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    rows.add(new Row(table, values, origin));
  }

  @Override
  public void reject(Reject reject) {
    rejects.add(reject);
  }

  @Override
  public void skip(Reject skip) {
    skipped.add(skip);
  }

  @Override
  public void warning(Reject warning) {
    warnings.add(warning);
  }

  public List<Row> rows() {
    return rows;
  }

  /** The accepted rows of one table, in arrival order. */
  public List<Row> rows(String table) {
    List<Row> out = new ArrayList<>();
    for (Row r : rows) if (r.table().equals(table)) out.add(r);
    return out;
  }

  public List<Reject> rejects() {
    return rejects;
  }

  public List<Reject> skipped() {
    return skipped;
  }

  public List<Reject> warnings() {
    return warnings;
  }
}
