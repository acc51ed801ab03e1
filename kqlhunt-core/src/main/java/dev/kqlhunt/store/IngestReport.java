package dev.kqlhunt.store;

import dev.kqlhunt.ingest.ReadSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link StoreIngest#run}.
 *
 * @param files input files ingested (committed)
 * @param duplicateFiles input files skipped because the ledger already had them
 * @param records what the readers read from the ingested files: {@code read == stored + rejected +
 *     skipped} holds, skipped meaning records skipped on purpose by a reader
 * @param coercedValues extra-column values stored as null because their kind differed from the
 *     column's first value
 * @param rejectFiles the reject logs written ({@code DIR/rejects/*.jsonl})
 * @param failure null on success; else why the run stopped (too many rejects); the file being read
 *     then was rolled back and is not in {@link #records}
 * @param nanos wall-clock duration
 */
public record IngestReport(
    long files,
    long duplicateFiles,
    ReadSummary records,
    long coercedValues,
    List<Path> rejectFiles,
    String failure,
    long nanos) {
  public IngestReport {
    Objects.requireNonNull(records, "records is null");
    rejectFiles = List.copyOf(rejectFiles);
  }

  public boolean failed() {
    return failure != null;
  }

  public double seconds() {
    return nanos / 1e9;
  }
}
