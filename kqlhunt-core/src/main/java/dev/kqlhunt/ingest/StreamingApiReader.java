package dev.kqlhunt.ingest;

import java.io.IOException;

/**
 * Reads Defender Streaming API output: storage-blob files (one record per line, {@code category:
 * "AdvancedHunting-<Table>"}, {@code properties}) and Event Hub messages ({@code {"records":[...]}},
 * one per line or pretty-printed). Routing and the unknown-category reject are {@link
 * JsonRecordRouter}'s; this class only chooses line-wise reading when the first line is a whole JSON
 * value, and whole-document reading otherwise.
 */
public final class StreamingApiReader implements FormatReader {
  private final JsonLinesReader lines = new JsonLinesReader();
  private final JsonDocumentReader document = new JsonDocumentReader();

  @Override
  public long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException {
    return firstLineIsWholeValue(source.head())
        ? lines.read(source, options, sink)
        : document.read(source, options, sink);
  }

  static boolean firstLineIsWholeValue(byte[] h) {
    int start = FormatDetector.bomLength(h);
    int eol = start;
    while (eol < h.length && h[eol] != '\n') eol++;
    try {
      new JsonBytes().parse(h, start, eol - start);
      return true;
    } catch (JsonSyntaxError e) {
      return false;
    }
  }
}
