package dev.kqlhunt.ingest;

import java.io.IOException;

/**
 * Reads one input of one format into a sink. The Sysmon/EVTX readers implement it too and are
 * registered in {@link ReaderRegistry}.
 *
 * <p>Contract: for every record read, exactly one of {@link RecordSink#accept}, {@link
 * RecordSink#reject} or {@link RecordSink#skip} is called, and the return value is the number of
 * records read, so {@code read == stored + rejected + skipped}. Bad content never throws: a truncated
 * input, a malformed record, an over-long record, an invalid UTF-8 byte are each one reject with file
 * and line/offset, and reading goes on with the next record where the format allows resynchronising.
 * An {@link IOException} of the underlying stream after some records were read is reported as a
 * reject of the unfinished record; only a failure to open the input propagates.
 */
@FunctionalInterface
public interface FormatReader {
  long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException;
}
