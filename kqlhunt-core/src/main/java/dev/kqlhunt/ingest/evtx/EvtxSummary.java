package dev.kqlhunt.ingest.evtx;

/**
 * Counts for one EVTX file read.
 *
 * @param chunks chunks in use (unused, all-zero chunks are not counted)
 * @param damagedChunks chunks skipped because their header or checksums are wrong
 * @param records records decoded and handed to the visitor
 * @param badRecords records that were found but could not be decoded
 */
public record EvtxSummary(int chunks, int damagedChunks, long records, long badRecords) {}
