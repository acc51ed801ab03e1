package dev.kqlhunt.ingest;

import java.util.Objects;

/**
 * Options of one ingest run.
 *
 * @param format the format to use ({@code --format}), or null to detect it from the content
 * @param table the target table ({@code --table}) for formats that do not name one, or null to take
 *     it from the file name ({@code DeviceProcessEvents.jsonl} → {@code DeviceProcessEvents})
 * @param schemas schemas of the known tables
 * @param maxRecordBytes a record (line, CSV row, array element) longer than this is rejected with
 *     {@link IngestCode#RECORD_TOO_LARGE} and skipped without being buffered whole
 * @param maxDocumentBytes a single-document input (JSON array, API response) is read into memory up
 *     to this size; the part beyond is rejected as one record
 */
public record ReadOptions(
    InputFormat format, String table, SchemaLookup schemas, int maxRecordBytes, long maxDocumentBytes) {
  /** 16 MiB: far above any real Defender or Sysmon record, far below a heap problem. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

  /** 1 GiB; larger API responses should be exported as JSON lines. */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 1L << 30;

  public ReadOptions {
    Objects.requireNonNull(schemas, "schemas is null");
    if (maxRecordBytes < 1024) throw new IllegalArgumentException("maxRecordBytes < 1024");
    if (maxDocumentBytes < maxRecordBytes || maxDocumentBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxDocumentBytes out of range: " + maxDocumentBytes);
    }
  }

  public static ReadOptions defaults(SchemaLookup schemas) {
    return new ReadOptions(
        null, null, schemas, DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_DOCUMENT_BYTES);
  }

  public ReadOptions withFormat(InputFormat f) {
    return new ReadOptions(f, table, schemas, maxRecordBytes, maxDocumentBytes);
  }

  public ReadOptions withTable(String t) {
    return new ReadOptions(format, t, schemas, maxRecordBytes, maxDocumentBytes);
  }

  public ReadOptions withMaxRecordBytes(int n) {
    return new ReadOptions(format, table, schemas, n, Math.max(n, maxDocumentBytes));
  }

  public ReadOptions withMaxDocumentBytes(long n) {
    return new ReadOptions(format, table, schemas, maxRecordBytes, n);
  }
}
