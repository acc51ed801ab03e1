/**
 * Our own reader of Windows XML Event Log (EVTX) files: file header, 64 KiB chunks with their CRC32
 * checksums, event records and binary XML (tokens, templates with substitutions, per-chunk name and
 * template tables, typed values), rendered as {@link dev.kqlhunt.ingest.evtx.XmlElement} trees
 * shaped like {@code wevtutil qe /f:xml} output.
 *
 * <p>Contract: {@link dev.kqlhunt.ingest.evtx.EvtxReader#read} never throws on bad content; a
 * damaged chunk or record becomes an {@link dev.kqlhunt.ingest.evtx.EvtxProblem} and the rest of
 * the file is still delivered. Only I/O errors (and a stream that is not EVTX at all) throw. Knows
 * nothing of Sysmon or tables; {@code dev.kqlhunt.ingest.sysmon} builds on it.
 */
package dev.kqlhunt.ingest.evtx;
