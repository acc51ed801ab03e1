package dev.kqlhunt.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads paths into a sink: expands archives and directories ({@link InputFiles}), detects each
 * input's format ({@link FormatDetector}, unless {@link ReadOptions#format()} forces one), picks its
 * reader ({@link ReaderRegistry}), types the records ({@link TypingSink}) and counts the outcomes.
 *
 * <p>An input whose format cannot be detected is one skip (a README beside the logs is not bad data);
 * an input that has no registered reader or cannot be opened is one reject (each counts as one record
 * read); an archive that breaks part-way keeps the
 * members read before and adds one such reject. Not thread-safe.
 */
public final class Ingestor {
  private final ReaderRegistry readers;
  private final ReadOptions options;

  public Ingestor(ReaderRegistry readers, ReadOptions options) {
    this.readers = Objects.requireNonNull(readers, "readers is null");
    this.options = Objects.requireNonNull(options, "options is null");
  }

  /** Reads everything under {@code path} into {@code sink} (typed on the way); never throws on content. */
  public ReadSummary ingest(Path path, RecordSink sink) throws IOException {
    ReadSummary[] total = {ReadSummary.EMPTY};
    InputFiles.forEach(
        path,
        source -> total[0] = total[0].plus(ingest(source, sink)),
        (name, error) -> total[0] = total[0].plus(unreadable(name, error, sink)));
    return total[0];
  }

  /** A file or archive that could not be opened or broke part-way: one reject (one record read). */
  private static ReadSummary unreadable(String name, IOException error, RecordSink sink) {
    String why = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    sink.reject(Reject.of(RecordOrigin.wholeInput(name), "", IngestCode.IO_ERROR, name, why));
    return new ReadSummary(1, 1, 0, 1, 0, 0, java.util.Map.of());
  }

  /** Reads a stream (standard input, say) named {@code name}; archives in it are expanded. */
  public ReadSummary ingest(String name, java.io.InputStream in, RecordSink sink) throws IOException {
    ReadSummary[] total = {ReadSummary.EMPTY};
    InputFiles.forEach(name, in, source -> total[0] = total[0].plus(ingest(source, sink)));
    return total[0];
  }

  /** Reads one input. */
  public ReadSummary ingest(InputSource source, RecordSink sink) throws IOException {
    CountingSink counter = new CountingSink(sink);
    RecordSink typed = new TypingSink(options.schemas(), counter);
    InputFormat format = options.format() != null ? options.format() : FormatDetector.detect(source);
    long read;
    ByteCounter bytes = new ByteCounter();
    if (format == null) {
      // Not data we know (a README next to the logs, say): reported as skipped, not as bad data.
      String raw = RawBytes.text(source.head(), 0, source.head().length);
      counter.skip(Reject.of(RecordOrigin.wholeInput(source.name()), raw, IngestCode.UNKNOWN_FORMAT, source.name()));
      read = 1;
    } else {
      FormatReader reader = readers.reader(format);
      if (reader == null) {
        read = rejectWhole(source, counter, IngestCode.NO_READER, format.cliName());
      } else {
        read = reader.read(bytes.wrap(source), options, typed);
      }
    }
    return new ReadSummary(
        1,
        read,
        counter.stored(),
        counter.rejected(),
        counter.skipped(),
        bytes.count,
        counter.storedByTable());
  }

  private static long rejectWhole(InputSource source, RecordSink sink, IngestCode code, Object arg) {
    String raw = RawBytes.text(source.head(), 0, source.head().length);
    sink.reject(Reject.of(RecordOrigin.wholeInput(source.name()), raw, code, arg));
    return 1;
  }

  /** Counts the bytes a reader pulls from its input. */
  private static final class ByteCounter {
    long count;

    InputSource wrap(InputSource source) {
      return InputSource.counting(source, n -> count += n);
    }
  }
}
