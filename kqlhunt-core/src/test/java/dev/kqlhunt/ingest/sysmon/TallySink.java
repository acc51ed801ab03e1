package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Counts outcomes per table without keeping rows (real samples hold 50k events); test helper. */
final class TallySink implements RecordSink {
  final Map<String, Long> byTable = new TreeMap<>();
  final Map<String, Long> skipReasons = new TreeMap<>();
  final List<Reject> rejects = new ArrayList<>();
  final List<Reject> warnings = new ArrayList<>();
  long accepted;
  long skipped;
  private final Consumer<Row> onRow;

  record Row(String table, Map<String, Object> values, RecordOrigin origin) {}

  TallySink(Consumer<Row> onRow) {
    this.onRow = onRow;
  }

  TallySink() {
    this(r -> {});
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    accepted++;
    byTable.merge(table, 1L, Long::sum);
    onRow.accept(new Row(table, values, origin));
  }

  @Override
  public void reject(Reject reject) {
    rejects.add(reject);
  }

  @Override
  public void skip(Reject skip) {
    skipped++;
    skipReasons.merge(skip.reason(), 1L, Long::sum);
  }

  @Override
  public void warning(Reject warning) {
    warnings.add(warning);
  }

  long outcomes() {
    return accepted + skipped + rejects.size();
  }
}
