package dev.kqlhunt.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps each {@link InputFormat} to its reader. {@link #withDefaults()} registers the readers of this
 * package; the Sysmon engineer's readers ({@link InputFormat.Owner#SYSMON}) are added with {@link
 * #register} by whoever assembles the pipeline (the CLI), so this package does not depend on theirs.
 * An input whose format has no reader is rejected as a whole with {@link IngestCode#NO_READER}.
 */
public final class ReaderRegistry {
  private final Map<InputFormat, FormatReader> readers = new EnumMap<>(InputFormat.class);

  /** The readers of this package: JSON lines/documents, CSV, Streaming API, Hunting API. */
  public static ReaderRegistry withDefaults() {
    ReaderRegistry r = new ReaderRegistry();
    r.register(InputFormat.JSON_LINES, new JsonLinesReader());
    r.register(InputFormat.DEFENDER_STREAMING, new StreamingApiReader());
    r.register(InputFormat.JSON_DOCUMENT, new JsonDocumentReader());
    r.register(InputFormat.HUNTING_API, new JsonDocumentReader());
    r.register(InputFormat.CSV, new CsvFileReader());
    return r;
  }

  /** Registers (or replaces) the reader of {@code format}. Returns this. */
  public ReaderRegistry register(InputFormat format, FormatReader reader) {
    readers.put(
        Objects.requireNonNull(format, "format is null"),
        Objects.requireNonNull(reader, "reader is null"));
    return this;
  }

  /** The reader of {@code format}, or null when none is registered. */
  public FormatReader reader(InputFormat format) {
    return readers.get(format);
  }
}
