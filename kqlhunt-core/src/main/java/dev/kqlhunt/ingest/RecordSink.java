package dev.kqlhunt.ingest;

import java.util.Map;

/**
 * Receives the records of an ingest, one call per input record: exactly one of {@link #accept},
 * {@link #reject} or {@link #skip} for every record a reader reads, so that counts reconcile
 * exactly (records read = stored + rejected + skipped).
 *
 * <p><b>Values.</b> {@code values} maps column names (case-sensitive, as in Kusto) to Java values of
 * two kinds:
 *
 * <ul>
 *   <li>JSON-like values as read: {@code String}, {@code Long}, {@code Double}, {@code BigDecimal},
 *       {@code Boolean}, {@code null}, {@code List<Object>} and {@code Map<String,Object>} (insertion
 *       ordered) of these;
 *   <li>already-typed values a reader decoded itself: {@link java.time.Instant} (datetime), {@link
 *       java.time.Duration} (timespan), {@link java.util.UUID} (guid), {@link Integer} (int).
 * </ul>
 *
 * A reader does not need to know the table's column types: {@link TypingSink} converts the values to
 * the schema's types (see {@link TypedRowConverter} for the typed representation) and rejects what
 * does not convert. The map may be reused by the caller after the call returns only if the sink
 * copies it; readers in this package always pass a fresh map, and sinks may keep it.
 *
 * <p><b>Threading.</b> A sink is called from one thread at a time unless an implementation says
 * otherwise.
 */
public interface RecordSink {
  /** One record for {@code table}. */
  void accept(String table, Map<String, Object> values, RecordOrigin origin);

  /** One record that could not be stored. */
  void reject(Reject reject);

  /**
   * One record that is deliberately not stored (a Sysmon event ID with no Device* table, later a
   * duplicate). The default counts nothing; {@link CountingSink} counts it.
   */
  default void skip(Reject skipped) {}

  /**
   * A note about the input that is not about one record (extra columns, unknown schema). Reported
   * once per input and table, never per record.
   */
  default void warning(Reject warning) {}
}
