package dev.kqlhunt.ingest.evtx;

import java.util.Objects;

/**
 * Something in an EVTX file that could not be read: a damaged file header, a chunk whose checksum
 * does not match (the whole chunk is skipped), or one record that does not decode (only that record
 * is skipped).
 *
 * @param fileOffset byte offset in the file of the damaged structure
 * @param chunkIndex index of the chunk (0-based), or -1 for the file header
 * @param recordsLost how many records are known to be lost (-1 when unknown)
 */
public record EvtxProblem(long fileOffset, int chunkIndex, String reason, long recordsLost) {
  public EvtxProblem {
    Objects.requireNonNull(reason, "reason is null");
  }
}
