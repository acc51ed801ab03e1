package dev.kqlhunt.hunt;

import dev.kqlhunt.ingest.Ingestor;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReadSummary;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.ingest.SchemaLookup;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code --data} files (JSON lines, JSON arrays, CSV, Defender exports, Sysmon; archives and
 * folders expanded) into {@link EventData} through the ingest stage, typed by the schemas of the
 * registry. Rejected records are kept for the caller to print (never silently dropped).
 */
public final class DataFiles {
  /** The loaded events, the rejects (with file and line), and the combined read summary. */
  public record Loaded(EventData data, List<Reject> rejects, ReadSummary summary) {
    public Loaded {
      rejects = List.copyOf(rejects);
    }
  }

  private DataFiles() {}

  /** Reads every path; an unreadable path is reported as an {@link IOException}. */
  public static Loaded load(List<Path> paths, SchemaRegistry schemas) throws IOException {
    return load(paths, schemas, null);
  }

  /**
   * Reads every path into {@code table} when it is not null (for files that do not say which table they
   * hold), else into the table each file names (its name, a Defender export's own table field).
   */
  public static Loaded load(List<Path> paths, SchemaRegistry schemas, String table) throws IOException {
    EventData.Builder builder = EventData.builder();
    List<Reject> rejects = new ArrayList<>();
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
        builder.add(table, values);
      }

      @Override
      public void reject(Reject reject) {
        rejects.add(reject);
      }
    };
    ReadOptions options = ReadOptions.defaults(SchemaLookup.of(schemas.tables()));
    if (table != null) options = options.withTable(table);
    Ingestor ingestor = new Ingestor(ReaderRegistry.withDefaults(), options);
    ReadSummary summary = ReadSummary.EMPTY;
    for (Path p : paths) summary = summary.plus(ingestor.ingest(p, sink));
    return new Loaded(builder.build(), rejects, summary);
  }
}
