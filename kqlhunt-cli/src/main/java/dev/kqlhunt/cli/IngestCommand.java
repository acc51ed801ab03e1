package dev.kqlhunt.cli;

import dev.kqlhunt.ingest.InputFormat;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReadSummary;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.ingest.sysmon.SysmonReaders;
import dev.kqlhunt.store.CorruptStoreException;
import dev.kqlhunt.store.IngestReport;
import dev.kqlhunt.store.StoreIngest;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kqlhunt ingest --store DIR [--format F] [--table T] [--force] [--max-rejects N] PATH...}:
 * appends files (directories are walked) to the store, one commit per file ({@link StoreIngest}).
 * Progress goes to stderr only when there is a terminal; the summary goes to stdout. Exit 0 when the
 * run completes (rejects are logged under {@code DIR/rejects/}), 65 when {@code --max-rejects} is
 * exceeded, 2 for usage errors (unknown format, missing path), 70 when the store cannot be written
 * (locked by another ingest, damaged, I/O failure).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest Defender exports, Sysmon logs and JSON/CSV files into a local store.")
final class IngestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "Store directory (created if missing).")
  Path store;

  @Option(names = "--format", paramLabel = "F",
      description = "Input format instead of detecting it: jsonl, json, csv, defender-streaming, hunting-api, "
          + "sysmon-xml, evtx, nxlog, winlogbeat, windowsevent, evtx-json.")
  String format;

  @Option(names = "--table", paramLabel = "T", description = "Target table for inputs that do not name one.")
  String table;

  @Option(names = "--force", description = "Re-ingest files already in the store.")
  boolean force;

  @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "-1",
      description = "Fail (exit 65) when more than N records are rejected; default: no limit.")
  long maxRejects;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders or archives to ingest.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InputFormat f = null;
    if (format != null) {
      f = InputFormat.fromName(format);
      if (f == null) {
        err.println("kqlhunt ingest: unknown format '" + format + "'");
        return Main.EXIT_USAGE;
      }
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("kqlhunt ingest: no such file or directory: " + p);
        return Main.EXIT_USAGE;
      }
    }
    ReadOptions read = ReadOptions.defaults(SchemaRegistry.builtIn()::table).withFormat(f).withTable(table);
    ReaderRegistry readers = SysmonReaders.registerAll(ReaderRegistry.withDefaults());
    IngestReport report;
    try {
      report = StoreIngest.run(store, paths, new StoreIngest.Options(read, force, maxRejects), readers,
          System.console() != null ? new Progress(err) : null);
    } catch (IOException | CorruptStoreException | java.io.UncheckedIOException e) {
      err.println("kqlhunt ingest: " + e.getMessage());
      return Main.EXIT_SOFTWARE;
    }
    printSummary(report, out);
    out.flush();
    if (report.failed()) {
      err.println("kqlhunt ingest: " + report.failure());
      err.flush();
      return Main.EXIT_DATA_ERR;
    }
    return Main.EXIT_OK;
  }

  static void printSummary(IngestReport r, PrintWriter out) {
    ReadSummary s = r.records();
    out.printf(Locale.ROOT, "files: %d ingested, %d skipped (already in the store)%n", r.files(), r.duplicateFiles());
    out.printf(Locale.ROOT, "records: %d read, %d stored, %d rejected, %d skipped%n",
        s.read(), s.stored(), s.rejected(), s.skipped());
    Map<String, Long> byTable = new TreeMap<>(s.storedByTable());
    byTable.forEach((t, n) -> out.printf(Locale.ROOT, "  %s: %d%n", t, n));
    if (r.coercedValues() > 0) {
      out.printf(Locale.ROOT, "values stored as null (kind differs from the column's): %d%n", r.coercedValues());
    }
    out.printf(Locale.ROOT, "bytes: %d, seconds: %.2f%n", s.bytes(), r.seconds());
    if (!r.rejectFiles().isEmpty()) {
      Path dir = r.rejectFiles().get(0).getParent();
      out.printf(Locale.ROOT, "rejects, skips and warnings: %d file(s) in %s%n", r.rejectFiles().size(), dir);
    }
  }

  /** One status line per file, rewritten in place. */
  private static final class Progress implements StoreIngest.Listener {
    private final PrintWriter err;
    private long records;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void fileStarted(Path file, int index, int count) {
      err.printf(Locale.ROOT, "\r\033[K[%d/%d] %d records  %s", index + 1, count, records, file.getFileName());
      err.flush();
    }

    @Override
    public void fileDone(Path file, ReadSummary summary, boolean duplicate) {
      records += summary.read();
    }
  }
}
