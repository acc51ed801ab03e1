package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.ingest.FormatReader;
import dev.kqlhunt.ingest.InputSource;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.evtx.EvtxProblem;
import dev.kqlhunt.ingest.evtx.EvtxReader;
import dev.kqlhunt.ingest.evtx.EvtxRecord;
import dev.kqlhunt.ingest.evtx.EvtxVisitor;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Windows EVTX file (format {@code evtx}) with our own decoder ({@link EvtxReader}) and
 * maps its events. Origins carry the record's byte offset. A damaged chunk is one reject (its
 * message says how many records the chunk claimed); a record that does not decode is one reject; a
 * wrong file-header checksum is a warning. An I/O failure after the header is one reject and ends
 * the input.
 */
public final class SysmonEvtxReader implements FormatReader {
  @Override
  public long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException {
    SysmonEmitter emitter = new SysmonEmitter(source.name(), sink, new SysmonMapper());
    if (!EvtxReader.looksLikeEvtx(source.head())) {
      emitter.reject(0, 0, "", SysmonCode.DAMAGED_EVTX, "no ElfFile signature: not an EVTX file");
      return emitter.read();
    }
    // The stream belongs to the caller (an archive member must stay open): not closed here.
    InputStream in = source.openStream();
    try {
      EvtxReader.read(in, new Visitor(emitter));
    } catch (IOException e) {
      emitter.reject(0, -1, "", SysmonCode.DAMAGED_EVTX, "input ends early: " + e.getMessage());
    }
    return emitter.read();
  }

  private record Visitor(SysmonEmitter emitter) implements EvtxVisitor {
    @Override
    public void record(EvtxRecord record) {
      SysmonEvent event;
      try {
        event = EventXmlConverter.convert(record.event());
      } catch (BadEventException e) {
        emitter.reject(0, record.fileOffset(), "", e.code(), e.args());
        return;
      }
      emitter.event(event, 0, record.fileOffset(), "");
    }

    @Override
    public void problem(EvtxProblem problem) {
      String lost =
          problem.recordsLost() < 0 ? "" : " (" + problem.recordsLost() + " records lost)";
      if (problem.chunkIndex() < 0) {
        emitter.warning(problem.fileOffset(), SysmonCode.DAMAGED_EVTX, problem.reason());
      } else {
        emitter.reject(
            0,
            problem.fileOffset(),
            "",
            SysmonCode.DAMAGED_EVTX,
            "chunk " + problem.chunkIndex() + ": " + problem.reason() + lost);
      }
    }
  }
}
