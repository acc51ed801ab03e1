package dev.kqlhunt.cli;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.ResultWriter;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.TableSink;
import dev.kqlhunt.exec.Watchlists;
import dev.kqlhunt.ingest.Ingestor;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.ingest.SchemaLookup;
import dev.kqlhunt.symbols.SchemaFileException;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimeParser;
import dev.kqlhunt.value.DateTimes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kqlhunt query}: runs one KQL query over data files and prints the result.
 *
 * <p>{@code --data} takes files or folders of JSON lines, JSON arrays or CSV (format detected from the
 * content); each file's table is {@code --table} or its file name ({@code DeviceProcessEvents.jsonl}).
 * Values are converted to the table's column types; a record that does not convert is reported on
 * stderr with file and line. Exit codes: 0 ok, 65 bad query or data (diagnostics rendered on stderr;
 * also when a data record was rejected, after printing the result over the other records), 70
 * internal error, 2 usage. Execution warnings (row cap, a known table without data) go to stderr.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Run a KQL query over data files (JSON lines, JSON arrays, CSV).")
final class QueryCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "PATH", description = "Data file or folder (repeatable).")
  List<Path> data = new ArrayList<>();

  @Option(names = "--table", paramLabel = "NAME", description = "Table of the data files (default: the file name).")
  String table;

  @Option(names = "--schema", paramLabel = "FILE", description = "JSON schema file adding tables and functions.")
  Path schema;

  @Option(names = "--watchlists", paramLabel = "DIR",
      description = "Folder of Sentinel watchlists for _GetWatchlist('alias'): ALIAS.csv with a header row.")
  Path watchlists;

  @Option(names = "--now", paramLabel = "ISO8601", description = "Reference time of now() and ago() (default: the clock).")
  String now;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, json or csv (default: table).")
  String format = "table";

  @Option(names = "--max-memory", paramLabel = "SIZE", description = "Memory budget, e.g. 512m, 2g (default 1g).")
  String maxMemory;

  @Option(names = "--max-rows", paramLabel = "N", description = "Rows printed at most (default 1000000).")
  Long maxRows;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the query from a file.")
  Path queryFile;

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "The query text.")
  String queryText;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExecOptions options;
    SourceText source;
    try {
      options = options();
      source = source();
    } catch (UsageException e) {
      err.println("kqlhunt query: " + e.getMessage());
      err.flush();
      return Main.EXIT_USAGE;
    }
    SchemaRegistry registry;
    try {
      registry = schema == null ? SchemaRegistry.builtIn() : SchemaRegistry.builtIn().withSchemaFile(schema);
    } catch (SchemaFileException e) {
      err.println("kqlhunt query: bad schema file: " + e.getMessage());
      err.flush();
      return Main.EXIT_DATA_ERR;
    }
    if (watchlists != null && !Files.isDirectory(watchlists)) {
      err.println("kqlhunt query: --watchlists is not a folder: " + watchlists);
      err.flush();
      return Main.EXIT_USAGE;
    }
    // _GetWatchlist is always known (as in Sentinel); its columns come from the folder's watchlists.
    registry = Watchlists.withFunction(registry, watchlists);
    options = options.withWatchlists(watchlists);
    TableSink sink = new TableSink(registry, reject -> err.println(reject));
    Map<String, Table> tables;
    List<TableSchema> inferred;
    try {
      Integer loadExit = load(registry, sink, err);
      if (loadExit != null) return loadExit;
      inferred = sink.inferredSchemas();
      tables = sink.tables();
    } catch (OutOfMemoryError e) {
      // Stop with a message rather than a stack trace; the tables are unreachable once we return.
      err.println("kqlhunt query: the data does not fit in the Java heap; raise -Xmx or query less data");
      err.flush();
      return Main.EXIT_DATA_ERR;
    }
    if (!inferred.isEmpty()) {
      List<TableSchema> all = new ArrayList<>(registry.tables());
      all.addAll(inferred);
      registry = SchemaRegistry.of(all, registry.functions());
    }
    QueryResult result = new QueryRunner(registry, DataSource.of(tables)).run(source, options);
    for (Diagnostic d : result.diagnostics()) err.print(DiagnosticRenderer.render(source, d));
    err.flush();
    if (!result.ok()) return result.internalError() ? Main.EXIT_SOFTWARE : Main.EXIT_DATA_ERR;
    out.print(render(result.table()));
    out.flush();
    return sink.rejected() > 0 ? Main.EXIT_DATA_ERR : Main.EXIT_OK;
  }

  /** Reads every --data path into {@code sink}; an exit code when a path cannot be read, else null. */
  private Integer load(SchemaRegistry registry, TableSink sink, PrintWriter err) throws IOException {
    SchemaLookup lookup = registry::table;
    ReadOptions read = ReadOptions.defaults(lookup);
    if (table != null) read = read.withTable(table);
    Ingestor ingestor = new Ingestor(ReaderRegistry.withDefaults(), read);
    for (Path p : data) {
      if (!Files.exists(p)) {
        err.println("kqlhunt query: no such file or folder: " + p);
        err.flush();
        return Main.EXIT_USAGE;
      }
      ingestor.ingest(p, sink);
    }
    return null;
  }

  private String render(Table t) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> ResultWriter.json(t);
      case "csv" -> ResultWriter.csv(t);
      default -> ResultWriter.table(t, 120);
    };
  }

  private ExecOptions options() throws UsageException {
    if (!List.of("table", "json", "csv").contains(format.toLowerCase(Locale.ROOT))) {
      throw new UsageException("--format must be table, json or csv, not '" + format + "'");
    }
    long nowTicks = DateTimes.fromUnixMillis(System.currentTimeMillis());
    if (now != null) {
      nowTicks = DateTimeParser.parse(now);
      if (nowTicks == DateTimes.NULL) throw new UsageException("--now is not a datetime: '" + now + "'");
    }
    ExecOptions o = ExecOptions.at(nowTicks);
    if (maxMemory != null) o = o.withMaxMemory(parseSize(maxMemory));
    if (maxRows != null) {
      if (maxRows < 0) throw new UsageException("--max-rows must not be negative");
      o = o.withMaxRows(maxRows);
    }
    return o;
  }

  /** {@code 1024}, {@code 64k}, {@code 512m}, {@code 2g} (binary units, case-insensitive, optional "b"). */
  static long parseSize(String text) throws UsageException {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("b")) s = s.substring(0, s.length() - 1);
    long unit = 1;
    if (s.endsWith("k")) unit = 1L << 10;
    else if (s.endsWith("m")) unit = 1L << 20;
    else if (s.endsWith("g")) unit = 1L << 30;
    if (unit != 1) s = s.substring(0, s.length() - 1);
    try {
      long n = Long.parseLong(s.trim());
      if (n <= 0) throw new UsageException("--max-memory must be positive: '" + text + "'");
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException("--max-memory is not a size: '" + text + "'");
    }
  }

  private SourceText source() throws UsageException {
    if ((queryText == null) == (queryFile == null)) throw new UsageException("give the query as an argument or with -f FILE");
    if (queryText != null) return SourceText.of("<query>", queryText);
    try {
      return SourceText.of(queryFile.toString(), Files.readString(queryFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UsageException("cannot read " + queryFile + ": " + e.getMessage());
    }
  }

  /** A bad command line: exit 2. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
