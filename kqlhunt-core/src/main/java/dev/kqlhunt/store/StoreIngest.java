package dev.kqlhunt.store;

import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReadSummary;
import dev.kqlhunt.ingest.ReaderRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code kqlhunt ingest}: reads input files into a store. Files are committed in groups (a group
 * closes at {@link Options#groupRows()} stored rows (default {@link #GROUP_ROWS}), {@link #GROUP_BYTES} input bytes or the last file), each group
 * in one manifest replacement together with its files' ledger entries, so a file is either wholly
 * stored and in the ledger or not at all: a crash loses the open group, and a re-run ingests it
 * again. Grouping keeps many small files from making many tiny segments. A file whose SHA-256 and
 * size are in the ledger (or earlier in the run) is skipped unless {@code force}.
 *
 * <p>Per file: rejects, skips and warnings go to {@code DIR/rejects/<UTC timestamp>-<file>.jsonl}
 * ({@link dev.kqlhunt.ingest.RejectLog}'s lines). With {@code maxRejects >= 0}, the reject that
 * exceeds it (counted over the run) stops the run: the open group (that file and any uncommitted
 * ones before it) is rolled back, earlier groups stay committed, and the report carries the failure
 * and counts only what was committed.
 *
 * <p>Threads: a plain JSON-lines file of a table with a schema takes the fast path ({@link
 * ParallelJsonFile}): rows are decoded from bytes straight into the column buffers, by the caller's
 * thread alone, or, from {@link ParallelJsonFile#PARALLEL_MIN_BYTES} on, by the caller's thread
 * and a worker each reading one half. Any other input is read by the caller's thread while a second
 * one encodes its rows ({@link PipelinedSink}). One more thread hashes a file while it is read when
 * no ledger entry has its size (only then can it be a duplicate, and only then must the hash come
 * first). Results do not depend on the path taken (see docs/INGEST.md).
 */
public final class StoreIngest {
  /** Rows after which the open group is committed. */
  static final long GROUP_ROWS = 1_000_000;

  /** Input bytes after which the open group is committed. */
  static final long GROUP_BYTES = 1L << 30;

  /**
   * @param read reader options (format, table, schemas, limits)
   * @param force re-ingest files the ledger already has
   * @param maxRejects rejects allowed over the run, or -1 for no limit
   * @param groupRows stored rows after which the open group of files is committed
   */
  public record Options(ReadOptions read, boolean force, long maxRejects, long groupRows) {
    public Options {
      Objects.requireNonNull(read, "read is null");
      if (groupRows < 1) throw new IllegalArgumentException("groupRows < 1");
    }

    /** Options with the default group size, {@link StoreIngest#GROUP_ROWS}. */
    public Options(ReadOptions read, boolean force, long maxRejects) {
      this(read, force, maxRejects, GROUP_ROWS);
    }
  }

  /** Told about each file as it starts and ends (progress display). */
  public interface Listener {
    void fileStarted(Path file, int index, int count);

    void fileDone(Path file, ReadSummary summary, boolean duplicate);
  }

  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private StoreIngest() {}

  /** Ingests every file under {@code paths} (directories walked, sorted) into the store in {@code dir}. */
  public static IngestReport run(Path dir, List<Path> paths, Options options, ReaderRegistry readers,
      Listener listener) throws IOException {
    return run(dir, paths, options, readers, listener, ParallelJsonFile.PARALLEL_MIN_BYTES);
  }

  /** {@link #run} reading JSON-lines files of at least {@code parallelMinBytes} with two threads. */
  static IngestReport run(Path dir, List<Path> paths, Options options, ReaderRegistry readers,
      Listener listener, long parallelMinBytes) throws IOException {
    long start = System.nanoTime();
    List<Path> files = expand(paths, dir);
    String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
    try (StoreWriter writer = StoreWriter.open(dir, options.read().schemas());
        IngestRun run = new IngestRun(dir, writer, readers, options, stamp, parallelMinBytes)) {
      for (int i = 0; i < files.size() && run.failure() == null; i++) {
        Path file = files.get(i);
        if (listener != null) listener.fileStarted(file, i, files.size());
        ReadSummary s = run.ingest(file, i == files.size() - 1);
        if (listener != null) listener.fileDone(file, s == null ? ReadSummary.EMPTY : s, s == null);
      }
      run.commitGroup();
      return run.report(System.nanoTime() - start);
    }
  }

  /** The files to read: each path itself, or the regular files under a directory, sorted. */
  static List<Path> expand(List<Path> paths, Path storeDir) throws IOException {
    List<Path> out = new ArrayList<>();
    Path store = storeDir.toAbsolutePath().normalize();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.toAbsolutePath().normalize().startsWith(store))
              .sorted()
              .forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Lowercase hex SHA-256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String safeFileName(Path file) {
    Path name = file.getFileName();
    return (name == null ? "input" : name.toString()).replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
