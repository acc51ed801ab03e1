package dev.kqlhunt.ingest.evtx;

import java.time.Instant;
import java.util.Objects;

/**
 * One decoded event record.
 *
 * @param recordId the identifier in the record header; equals System/EventRecordID in a live log,
 *     but a saved/filtered export renumbers headers from 1 while the XML keeps the original id
 * @param written when the record was written (record header FILETIME)
 * @param fileOffset byte offset of the record in the file
 * @param event the rendered {@code <Event>} element
 */
public record EvtxRecord(long recordId, Instant written, long fileOffset, XmlElement event) {
  public EvtxRecord {
    Objects.requireNonNull(written, "written is null");
    Objects.requireNonNull(event, "event is null");
  }
}
