/**
 * Ingest: reading exported telemetry into records for the store.
 *
 * <p>The pipeline: {@link dev.kqlhunt.ingest.InputFiles} expands paths and archives into {@link
 * dev.kqlhunt.ingest.InputSource}s; {@link dev.kqlhunt.ingest.FormatDetector} picks an {@link
 * dev.kqlhunt.ingest.InputFormat} from the content; the {@link dev.kqlhunt.ingest.FormatReader}
 * registered for it in {@link dev.kqlhunt.ingest.ReaderRegistry} parses records and hands them to a
 * {@link dev.kqlhunt.ingest.RecordSink}; {@link dev.kqlhunt.ingest.TypingSink} converts values to the
 * table's column types; {@link dev.kqlhunt.ingest.Ingestor} wires it together and returns a {@link
 * dev.kqlhunt.ingest.ReadSummary}.
 *
 * <p>Contract of every reader: each input record ends in exactly one of accept, reject or skip, so
 * records read = stored + rejected + skipped. Bad content never throws; a reject carries a stable
 * {@link dev.kqlhunt.ingest.IngestCode} ({@code KQL4xxx}), the file and line or byte offset, the
 * reason and the raw record truncated to {@link dev.kqlhunt.ingest.Reject#MAX_RAW_CHARS} characters.
 * Records larger than {@link dev.kqlhunt.ingest.ReadOptions#maxRecordBytes()} (16 MiB by default) are
 * rejected without being buffered whole.
 *
 * <p>Sub-packages {@code sysmon} and {@code evtx} (another owner) read the Sysmon formats through the
 * same interfaces.
 */
package dev.kqlhunt.ingest;
