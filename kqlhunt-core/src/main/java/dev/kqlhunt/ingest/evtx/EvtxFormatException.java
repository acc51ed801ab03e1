package dev.kqlhunt.ingest.evtx;

/**
 * Thrown inside the decoder when bytes do not follow the format; caught at the record or chunk
 * boundary and turned into an {@link EvtxProblem}, so it never escapes {@link EvtxReader}.
 */
final class EvtxFormatException extends RuntimeException {
  EvtxFormatException(String message) {
    super(message, null, false, false);
  }
}
