package dev.kqlhunt.cli;

import dev.kqlhunt.binder.QueryCheck;
import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.rules.BinderQueryValidator;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.RuleValidator;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.symbols.SchemaFileException;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kqlhunt check}: parses and binds queries, prints diagnostics.
 *
 * <ul>
 *   <li>{@code kqlhunt check [--schema FILE] FILE...}: each {@code .kql} file is one query; diagnostics
 *       are printed compiler style ({@code file:line:col: error KQLnnnn: message}, the source line and
 *       a caret). Exit 0 when every file is clean, 65 when any has an error, 2 for usage errors
 *       (missing file, bad options).
 *   <li>{@code kqlhunt check --jsonl [--schema FILE]}: reads {@code {"id","query"}} lines from stdin and
 *       writes one line per input, in order, in the shape of the official parser's oracle ({@link
 *       JsonlCheck}). A bad input line yields {@code {"id":...,"error":"..."}} and the run goes on; the
 *       exit code is 0 unless the run itself fails.
 * </ul>
 *
 * Sentinel rule files ({@code .yaml}/{@code .yml}) are loaded and validated by {@link #reportRule}: the
 * YAML structure, the rule's fields, and its query, with every position reported in the YAML file.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check KQL queries and Sentinel rules for syntax and semantic errors.")
final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--schema", paramLabel = "FILE",
      description = "JSON schema file adding tables and functions (the official oracle's format).")
  Path schema;

  @Option(names = "--jsonl", description = "Read {\"id\",\"query\"} lines on stdin, write one JSON verdict per line.")
  boolean jsonl;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = ".kql query files, or Sentinel rule files (.yaml/.yml) whose fields and query are checked.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SchemaRegistry registry;
    try {
      registry = schema == null ? SchemaRegistry.builtIn() : SchemaRegistry.builtIn().withSchemaFile(schema);
    } catch (SchemaFileException e) {
      err.println("kqlhunt check: bad schema file: " + e.getMessage());
      return Main.EXIT_DATA_ERR;
    }
    if (jsonl) {
      if (!files.isEmpty()) {
        err.println("kqlhunt check: --jsonl reads stdin; do not name files");
        return Main.EXIT_USAGE;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      new JsonlCheck(registry).run(in, out);
      out.flush();
      return Main.EXIT_OK;
    }
    if (files.isEmpty()) {
      err.println("kqlhunt check: no input files (or use --jsonl)");
      return Main.EXIT_USAGE;
    }
    return checkFiles(registry, out, err);
  }

  private int checkFiles(SchemaRegistry registry, PrintWriter out, PrintWriter err) {
    boolean anyError = false;
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        err.println("kqlhunt check: no such file: " + file);
        return Main.EXIT_USAGE;
      } catch (IOException e) {
        err.println("kqlhunt check: cannot read " + file + ": " + e.getMessage());
        return Main.EXIT_USAGE;
      }
      anyError |= isRuleFile(file)
          ? reportRule(file, registry, out)
          : report(SourceText.of(file.toString(), text), registry, out);
    }
    out.flush();
    err.println("kqlhunt check: " + files.size() + (files.size() == 1 ? " file" : " files") + " checked, "
        + (anyError ? "errors found" : "no errors"));
    return anyError ? Main.EXIT_DATA_ERR : Main.EXIT_OK;
  }

  private static boolean isRuleFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * Loads and validates a Sentinel rule file: YAML structure, rule fields (id, tactics, techniques,
   * schedule, entity mappings) and its query, which is parsed and bound with positions in the YAML
   * file. Returns whether any diagnostic is an error.
   */
  static boolean reportRule(Path file, SchemaRegistry registry, PrintWriter out) {
    LoadResult<SentinelRule> loaded = new RuleLoader().load(file);
    List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
    if (loaded.value() != null) {
      all.addAll(new RuleValidator(new BinderQueryValidator(registry)).validate(loaded.value(), Instant.now()));
    }
    all.sort(Comparator.comparingInt(d -> d.span().start()));
    boolean error = false;
    for (Diagnostic d : all) {
      out.print(DiagnosticRenderer.render(loaded.file(), d));
      error |= d.isError();
    }
    return error;
  }

  /**
   * Checks one query text and prints its diagnostics (syntax and binding, in order of position) to
   * {@code out}. Returns whether any is an error.
   */
  static boolean report(SourceText source, SchemaRegistry registry, PrintWriter out) {
    QueryCheck check = QueryCheck.run(source, registry);
    List<Diagnostic> all = new ArrayList<>(check.syntaxDiagnostics());
    all.addAll(check.semanticDiagnostics());
    all.sort(Comparator.comparingInt(d -> d.span().start()));
    boolean error = false;
    for (Diagnostic d : all) {
      out.print(DiagnosticRenderer.render(source, d));
      error |= d.isError();
    }
    return error;
  }
}
