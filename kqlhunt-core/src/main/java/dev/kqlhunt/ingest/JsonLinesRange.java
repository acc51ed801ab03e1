package dev.kqlhunt.ingest;

import dev.kqlhunt.symbols.TableSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The fast path of JSON-lines ingest for one plain file of a known table, readable in byte ranges
 * (so two threads can read the halves of a big file). Each line is first offered to a {@link
 * JsonRowDecoder}; a line it declines takes the general path of {@link JsonLinesReader} (parse,
 * route, type), so every record is accepted, rejected or skipped exactly as {@link Ingestor} would
 * — same codes, reasons, lines, offsets and indexes — only faster.
 *
 * <p>A range starts at a line start ({@link #nextLineStart}); its origins are shifted by the lines,
 * bytes and records before it, so a range read by another thread before those are known uses 0 for
 * lines and records and its caller shifts its events afterwards.
 */
public final class JsonLinesRange {
  /** Receives each row the fast path decoded; the decoder's slots are valid during the call. */
  @FunctionalInterface
  public interface RowSink {
    void row(JsonRowDecoder row) throws IOException;
  }

  /**
   * A file the fast path can read: a plain (not archive, not UTF-16) file detected (or forced) as
   * JSON lines, read by {@link JsonLinesReader}, whose default table has a schema.
   *
   * @param name the display name its records' origins carry (as {@link InputFiles} names it)
   */
  public record Plan(Path file, String name, String table, TableSchema schema, long size) {}

  /**
   * What a range produced. {@code lines} counts every line (blank ones too); {@code records}
   * every record read (stored + rejected + skipped); {@code cancelled}: stopped early on request.
   */
  public record Result(long lines, long records, long stored, long rejected, long skipped,
      Map<String, Long> storedByTable, boolean cancelled) {}

  private JsonLinesRange() {}

  /** The plan for {@code file}, or null when it must go through {@link Ingestor}. */
  public static Plan plan(Path file, ReadOptions options, ReaderRegistry readers) throws IOException {
    if (!Files.isRegularFile(file)) return null;
    String name = file.toString();
    InputSource source;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      PeekableStream in = new PeekableStream(raw);
      if (InputFiles.sniff(in) != InputFiles.Container.NONE) return null;
      source = InputSource.of(name, InputSource.baseName(name), in);
    }
    InputFormat format = options.format() != null ? options.format() : FormatDetector.detect(source);
    if (format != InputFormat.JSON_LINES || !(readers.reader(format) instanceof JsonLinesReader)) return null;
    String table = TableNames.defaultTable(options, source);
    TableSchema schema = table == null ? null : options.schemas().schema(table);
    if (schema == null) return null;
    return new Plan(file, name, table, schema, Files.size(file));
  }

  /** The offset just after the first newline at or after {@code at}, or the file's size. */
  public static long nextLineStart(Path file, long at) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      long pos = at;
      while (true) {
        buf.clear();
        int n = ch.read(buf, pos);
        if (n <= 0) return ch.size();
        for (int i = 0; i < n; i++) if (buf.get(i) == '\n') return pos + i + 1;
        pos += n;
      }
    }
  }

  /**
   * Reads the lines of {@code [from, to)} ({@code to < 0}: to the end of the file). Fast rows go to
   * {@code fast}; everything else (rows of the general path, typed; rejects; skips; warnings) to
   * {@code slow}. Origins: lines after {@code baseLine}, records from {@code baseIndex}, offsets
   * absolute. {@code cancelled} is polled now and then.
   */
  public static Result read(Plan plan, ReadOptions options, long from, long to, long baseLine,
      long baseIndex, RowSink fast, RecordSink slow, BooleanSupplier cancelled) throws IOException {
    CountingSink counter = new CountingSink(slow);
    RecordSink typed = new TypingSink(options.schemas(), counter);
    JsonRecordRouter router =
        new JsonRecordRouter(plan.name(), options, typed, plan.table(), baseLine, from, baseIndex);
    JsonBytes parser = new JsonBytes();
    JsonRowDecoder decoder = new JsonRowDecoder(plan.schema());
    long records = 0;
    long fastRows = 0;
    long lineCount = 0;
    boolean stopped = false;
    try (FileChannel ch = FileChannel.open(plan.file(), StandardOpenOption.READ)) {
      ch.position(from);
      InputStream in = Channels.newInputStream(ch);
      if (to >= 0) in = new BoundedStream(in, to - from);
      LineReader lines = new LineReader(in, options.maxRecordBytes());
      while (lines.next()) {
        lineCount = lines.lineNumber();
        if ((lineCount & 1023) == 0 && cancelled.getAsBoolean()) {
          stopped = true;
          break;
        }
        boolean first = from == 0 && lineCount == 1;
        if (!lines.tooLong()) {
          byte[] b = lines.buffer();
          int bom = first ? JsonLinesReader.bomLength(b, lines.start(), lines.length()) : 0;
          if (decoder.decode(b, lines.start() + bom, lines.length() - bom)) {
            fast.row(decoder);
            router.countRecord();
            fastRows++;
            records++;
            continue;
          }
        }
        records += JsonLinesReader.readLine(lines, parser, router, options, first);
      }
      IOException failure = lines.failure();
      if (!stopped && failure != null && lines.takeFailure()) {
        typed.warning(JsonLinesReader.ioWarning(plan.name(), from + lines.bytesRead(), failure));
      }
    }
    Map<String, Long> byTable = new java.util.TreeMap<>(counter.storedByTable());
    if (fastRows > 0) byTable.merge(plan.table(), fastRows, Long::sum);
    return new Result(lineCount, records, counter.stored() + fastRows, counter.rejected(),
        counter.skipped(), byTable, stopped);
  }

  /** At most {@code limit} bytes of a stream. */
  private static final class BoundedStream extends InputStream {
    private final InputStream in;
    private long left;

    BoundedStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) return -1;
      int c = in.read();
      if (c >= 0) left--;
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) left -= n;
      return n;
    }
  }
}
