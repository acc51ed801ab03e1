package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small schemas and helpers shared by the ingest tests. */
final class Fixtures {
  private Fixtures() {}

  static final TableSchema PROCESS =
      new TableSchema(
          "DeviceProcessEvents",
          List.of(
              new ColumnSymbol("Timestamp", ScalarType.DATETIME),
              new ColumnSymbol("DeviceName", ScalarType.STRING),
              new ColumnSymbol("ActionType", ScalarType.STRING),
              new ColumnSymbol("ProcessId", ScalarType.LONG),
              new ColumnSymbol("AdditionalFields", ScalarType.DYNAMIC)));

  static final TableSchema NETWORK =
      new TableSchema(
          "DeviceNetworkEvents",
          List.of(
              new ColumnSymbol("Timestamp", ScalarType.DATETIME),
              new ColumnSymbol("RemoteIP", ScalarType.STRING),
              new ColumnSymbol("RemotePort", ScalarType.INT)));

  static final SchemaLookup SCHEMAS = SchemaLookup.of(List.of(PROCESS, NETWORK));

  static ReadOptions options() {
    return ReadOptions.defaults(SCHEMAS);
  }

  /** Reads {@code text} as the file {@code name} through the full pipeline. */
  static Result ingest(String name, String text, ReadOptions options) throws IOException {
    return ingest(name, text.getBytes(StandardCharsets.UTF_8), options);
  }

  static Result ingest(String name, byte[] bytes, ReadOptions options) throws IOException {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary =
        new Ingestor(ReaderRegistry.withDefaults(), options).ingest(InputSource.ofBytes(name, bytes), sink);
    assertTrue(summary.reconciles(), "counts reconcile: " + summary);
    assertEquals(summary.stored(), sink.rows().size());
    assertEquals(summary.rejected(), sink.rejects().size());
    return new Result(summary, sink);
  }

  record Result(ReadSummary summary, CollectingSink sink) {
    List<CollectingSink.Row> rows() {
      return sink.rows();
    }

    List<Reject> rejects() {
      return sink.rejects();
    }

    Reject onlyReject() {
      assertEquals(1, sink.rejects().size(), () -> "rejects: " + sink.rejects());
      return sink.rejects().get(0);
    }
  }
}
