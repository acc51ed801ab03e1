package dev.kqlhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV with a header row (RFC 4180; the Defender portal export is one), BOM or not. The header
 * is authoritative: values are keyed by its names, in its order, so columns may be missing, extra or
 * reordered relative to the table. Every value is a {@code String} (an empty cell is {@code ""});
 * {@link TypingSink} converts them. The header line itself is not a record.
 *
 * <p>A record with a different number of fields than the header, invalid UTF-8, longer than {@link
 * ReadOptions#maxRecordBytes()}, or cut by the end of the input inside quotes is one reject with its
 * line; reading goes on with the next record.
 */
public final class CsvFileReader implements FormatReader {
  @Override
  public long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException {
    String table = TableNames.defaultTable(options, source);
    CsvFields fields = new CsvFields();
    long read = 0;
    try (InputStream in = source.openStream()) {
      LineReader lineReader = new LineReader(in, options.maxRecordBytes());
      CsvRecords records = new CsvRecords(lineReader, options.maxRecordBytes());
      List<String> header = null;
      boolean headerRead = false;
      while (records.next()) {
        if (!headerRead) {
          headerRead = true;
          header = readHeader(records, fields);
          if (header == null) read += rejectRecord(sink, source, records, read, HEADER_UNREADABLE);
        } else if (header == null) { // the header is authoritative: without it nothing can be keyed
          read += rejectRecord(sink, source, records, read, HEADER_UNREADABLE);
        } else {
          read += readRecord(source, sink, table, header, records, fields, read, options);
        }
      }
      if (lineReader.failure() != null && lineReader.takeFailure()) {
        sink.warning(
            Reject.of(
                new RecordOrigin(source.name(), 0, lineReader.bytesRead(), read),
                "",
                IngestCode.IO_ERROR,
                source.name(),
                lineReader.failure().getMessage()));
      }
    }
    return read;
  }

  private static List<String> readHeader(CsvRecords records, CsvFields fields) {
    if (records.tooLong() || records.unterminated()) return null;
    int start = 0;
    byte[] b = records.buffer();
    if (records.length() >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    try {
      List<String> names = fields.split(b, start, records.length() - start);
      names.replaceAll(CsvFileReader::columnName);
      return uniqueNames(names);
    } catch (CsvFields.BadUtf8 e) {
      return null;
    }
  }

  /**
   * Repeated header names get a number, as Kusto names repeated result columns ({@code Name},
   * {@code Name1}, {@code Name2}), so no cell silently overwrites another.
   */
  static List<String> uniqueNames(List<String> names) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<String> out = new java.util.ArrayList<>(names.size());
    for (String n : names) {
      String unique = n;
      for (int k = 1; !seen.add(unique); k++) unique = n + k;
      out.add(unique);
    }
    return out;
  }

  /**
   * The column a header cell names: trimmed, without the {@code " [UTC]"} suffix that Log Analytics
   * (Sentinel) exports add to datetime columns ({@code TimeGenerated [UTC]}).
   */
  static String columnName(String header) {
    String h = header.strip();
    return h.endsWith(" [UTC]") ? h.substring(0, h.length() - 6).strip() : h;
  }

  private static long readRecord(
      InputSource source,
      RecordSink sink,
      String table,
      List<String> header,
      CsvRecords records,
      CsvFields fields,
      long index,
      ReadOptions options) {
    if (records.tooLong()) {
      return rejectRecord(
          sink, source, records, index,
          new Object[] {IngestCode.RECORD_TOO_LARGE, records.fullLength(), options.maxRecordBytes()});
    }
    if (records.unterminated()) {
      return rejectRecord(
          sink, source, records, index,
          new Object[] {IngestCode.TRUNCATED_INPUT, "a quoted field is not closed"});
    }
    List<String> values;
    try {
      values = fields.split(records.buffer(), 0, records.length());
    } catch (CsvFields.BadUtf8 e) {
      return rejectRecord(
          sink, source, records, index, new Object[] {IngestCode.INVALID_UTF8, e.badByte, e.offset});
    }
    if (values.size() != header.size()) {
      return rejectRecord(
          sink, source, records, index,
          new Object[] {IngestCode.FIELD_COUNT, values.size(), header.size()});
    }
    if (table == null) {
      return rejectRecord(
          sink, source, records, index, new Object[] {IngestCode.NO_TABLE, source.name()});
    }
    Map<String, Object> row = new LinkedHashMap<>(header.size() * 2);
    for (int i = 0; i < header.size(); i++) row.put(header.get(i), values.get(i));
    sink.accept(table, row, origin(source, records, index));
    return 1;
  }

  private static final Object[] HEADER_UNREADABLE = {
    IngestCode.BAD_ENVELOPE, "CSV", "the header row is not valid UTF-8 or not complete"
  };

  /** {@code codeAndArgs} is the code followed by its template's arguments. */
  private static long rejectRecord(
      RecordSink sink, InputSource source, CsvRecords records, long index, Object[] codeAndArgs) {
    String raw = RawBytes.text(records.buffer(), 0, records.length());
    IngestCode code = (IngestCode) codeAndArgs[0];
    Object[] args = java.util.Arrays.copyOfRange(codeAndArgs, 1, codeAndArgs.length);
    sink.reject(Reject.of(origin(source, records, index), raw, code, args));
    return 1;
  }

  private static RecordOrigin origin(InputSource source, CsvRecords records, long index) {
    return new RecordOrigin(source.name(), records.line(), records.offset(), index);
  }
}
