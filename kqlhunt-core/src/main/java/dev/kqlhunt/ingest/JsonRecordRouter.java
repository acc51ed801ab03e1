package dev.kqlhunt.ingest;

import dev.kqlhunt.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed JSON values into sink calls, knowing the Defender shapes a value may have:
 *
 * <ul>
 *   <li>a Streaming API record ({@code category: "AdvancedHunting-<Table>"}, {@code properties}) goes
 *       to the table its category names; a category that is not {@code AdvancedHunting-} followed by
 *       a known table is rejected ({@link IngestCode#UNKNOWN_CATEGORY}); without a schema catalogue
 *       any table name is accepted; the record's {@code properties} are the row, and its {@code
 *       time} fills {@code Timestamp} when the properties lack one;
 *   <li>an Event Hub message {@code {"records":[...]}} is unpacked, each element one record;
 *   <li>any other object is one record of the default table ({@code --table} or the file name).
 * </ul>
 *
 * Keeps the record index of the input. Not thread-safe.
 */
final class JsonRecordRouter {
  private final String sourceName;
  private final ReadOptions options;
  private final RecordSink sink;
  private final String defaultTable;
  private final long baseLine;
  private final long baseOffset;
  private long index;
  private Object envelopeTime; // the "time" of the Streaming API record being routed

  JsonRecordRouter(InputSource source, ReadOptions options, RecordSink sink) {
    this(source.name(), options, sink, TableNames.defaultTable(options, source), 0, 0, 0);
  }

  /**
   * A router for part of an input: origins get {@code baseLine} added to their line, {@code
   * baseOffset} to their byte offset, and record indexes start at {@code baseIndex}.
   */
  JsonRecordRouter(String sourceName, ReadOptions options, RecordSink sink, String defaultTable,
      long baseLine, long baseOffset, long baseIndex) {
    this.sourceName = sourceName;
    this.options = options;
    this.sink = sink;
    this.defaultTable = defaultTable;
    this.baseLine = baseLine;
    this.baseOffset = baseOffset;
    this.index = baseIndex;
  }

  /** Origin of the next record. */
  RecordOrigin nextOrigin(long line, long offset) {
    return new RecordOrigin(sourceName, line + baseLine, offset + baseOffset, index);
  }

  /** Counts a record stored without routing (the fast path), so later indexes stay right. */
  void countRecord() {
    index++;
  }

  /** Reports a record that could not even be parsed. Returns 1 (records read). */
  long reject(long line, long offset, String raw, IngestCode code, Object... args) {
    sink.reject(Reject.of(nextOrigin(line, offset), raw, code, args));
    index++;
    return 1;
  }

  /**
   * Routes one parsed value found at {@code line}/{@code offset}; {@code raw} supplies the record text
   * for rejects (computed lazily). Returns the number of records it accounted for.
   */
  long route(Object value, long line, long offset, RawText raw) {
    if (value instanceof Map<?, ?> map) {
      Object records = map.get("records");
      if (records instanceof List<?> list && map.size() == 1) return routeEnvelope(list, line, offset);
      return routeRecord(castMap(map), line, offset, raw);
    }
    return reject(line, offset, raw.text(), IngestCode.NOT_AN_OBJECT, describe(value));
  }

  private long routeEnvelope(List<?> list, long line, long offset) {
    long n = 0;
    for (Object element : list) {
      n += route(element, line, offset, () -> Json.write(element));
    }
    return n;
  }

  private long routeRecord(Map<String, Object> map, long line, long offset, RawText raw) {
    Object category = map.get("category");
    Object properties = map.get("properties");
    if (category instanceof String cat && properties instanceof Map<?, ?> props) {
      envelopeTime = map.get("time");
      return routeStreaming(cat, castMap(props), line, offset, raw);
    }
    if (defaultTable == null) {
      return reject(line, offset, raw.text(), IngestCode.NO_TABLE, sourceName);
    }
    sink.accept(defaultTable, map, nextOrigin(line, offset));
    index++;
    return 1;
  }

  private long routeStreaming(
      String category, Map<String, Object> props, long line, long offset, RawText raw) {
    String table =
        category.startsWith(TableNames.STREAMING_PREFIX)
            ? category.substring(TableNames.STREAMING_PREFIX.length())
            : null;
    boolean known =
        table != null
            && TableNames.isIdentifier(table)
            && (options.schemas() == SchemaLookup.NONE || options.schemas().schema(table) != null);
    if (!known) return reject(line, offset, raw.text(), IngestCode.UNKNOWN_CATEGORY, category);
    // Every Defender table has a Timestamp; the envelope's time stands in when properties lack it.
    if (!props.containsKey("Timestamp") && envelopeTime != null) props.put("Timestamp", envelopeTime);
    sink.accept(table, props, nextOrigin(line, offset));
    index++;
    return 1;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  static String describe(Object v) {
    if (v == null) return "null";
    if (v instanceof List<?>) return "an array";
    if (v instanceof String) return "a string";
    if (v instanceof Boolean) return "a boolean";
    return "a number";
  }

  /** The raw text of a record, computed only when a reject needs it. */
  @FunctionalInterface
  interface RawText {
    String text();
  }
}
