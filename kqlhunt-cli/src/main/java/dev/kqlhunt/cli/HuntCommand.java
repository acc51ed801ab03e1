package dev.kqlhunt.cli;

import dev.kqlhunt.hunt.BundledContent;
import dev.kqlhunt.hunt.DataFiles;
import dev.kqlhunt.hunt.EventData;
import dev.kqlhunt.hunt.HuntWindow;
import dev.kqlhunt.hunt.Hunter;
import dev.kqlhunt.hunt.LocalEngine;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.report.HuntResult;
import dev.kqlhunt.report.ReportFormat;
import dev.kqlhunt.report.TableReport;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmRuleGenerator;
import dev.kqlhunt.rmm.allow.AllowList;
import dev.kqlhunt.rmm.allow.AllowListCompiler;
import dev.kqlhunt.rmm.allow.AllowListLoader;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.sample.SampleDataset;
import dev.kqlhunt.store.Store;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kqlhunt hunt}: runs Sentinel rules over data with exclusions and reports the findings
 * (docs/HUNT.md). Without arguments: the bundled rules and exclusions over the bundled sample data at
 * its reference time. Exit codes: 1 findings, 0 none, 2 usage, 65 a rule, exclusion, allow-list or
 * data file that does not load, a rule whose query fails, or a rejected data record (the report still
 * covers everything that did load).
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
    description = "Run Sentinel rules over data, with exclusions; report findings (exit 1 when there are any).")
final class HuntCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--rules", paramLabel = "PATH", description = "Rule file or folder (repeatable; default: the bundled rules).")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--data", paramLabel = "PATH", description = "Data file or folder (repeatable; JSON lines, JSON, CSV, Defender exports, Sysmon).")
  List<Path> data = new ArrayList<>();

  @Option(names = "--table", paramLabel = "NAME", description = "Table of --data files that do not name one (default: the file name).")
  String table;

  @Option(names = "--store", paramLabel = "DIR", description = "A store written by `kqlhunt ingest`.")
  Path store;

  @Option(names = "--now", paramLabel = "T", description = "Reference time: now() of every rule (default: the sample's, else the clock).")
  String now;

  @Option(names = "--from", paramLabel = "T", description = "Replay scheduled rules from T (with --to).")
  String from;

  @Option(names = "--to", paramLabel = "T", description = "Replay scheduled rules until T; hunting queries run once at T.")
  String to;

  @Option(names = "--exclusions", paramLabel = "FILE", description = "Exclusions file (repeatable).")
  List<Path> exclusions = new ArrayList<>();

  @Option(names = "--allow-list", paramLabel = "FILE", description = "RMM allow-list, compiled to exclusions of the RMM pack's rules (repeatable).")
  List<Path> allowLists = new ArrayList<>();

  @Option(names = "--no-exclusions", description = "Do not apply the bundled exclusions to the bundled rules.")
  boolean noExclusions;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, json, csv, sarif or html (default: table).")
  String format = "table";

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here (default: stdout).")
  Path out;

  /** Set when something did not load or run: the exit code becomes 65. */
  private boolean bad;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ReportFormat fmt = ReportFormat.byName(format);
    String usage = usage(fmt);
    if (usage != null) {
      err.println("kqlhunt hunt: " + usage);
      err.flush();
      return Main.EXIT_USAGE;
    }
    HuntWindow window = window(data.isEmpty() && store == null);
    List<String> notes = new ArrayList<>();
    List<SentinelRule> loadedRules = loadRules(err);
    if (loadedRules.isEmpty() && !bad) {
      err.println("kqlhunt hunt: no rule files (*.yaml, *.yml) under " + rules);
      err.flush();
      return Main.EXIT_USAGE;
    }
    List<ExclusionSet> sets = loadExclusions(err);
    Set<String> allowSources = new LinkedHashSet<>();
    sets.addAll(loadAllowLists(window, err, notes, allowSources));
    SchemaRegistry schemas = SchemaRegistry.builtIn();
    LocalEngine engine;
    String description;
    if (store != null) {
      engine = LocalEngine.over(Store.open(store), schemas);
      description = "store " + store;
    } else if (!data.isEmpty()) {
      DataFiles.Loaded loaded = DataFiles.load(data, schemas, table);
      for (Reject r : loaded.rejects()) err.println(r);
      if (!loaded.rejects().isEmpty()) {
        bad = true;
        notes.add(loaded.rejects().size() + " data record(s) were rejected and not hunted (listed on stderr)");
      }
      engine = LocalEngine.over(loaded.data(), schemas);
      description = "files " + String.join(", ", data.stream().map(Path::toString).toList()) + " (" + loaded.data().size() + " events)";
    } else {
      SampleDataset sample = SampleDataset.generate();
      engine = LocalEngine.over(EventData.builder().addAll("DeviceProcessEvents", sample.rows()).build(), schemas);
      description = "bundled sample data (" + sample.rows().size() + " generated DeviceProcessEvents rows, seed "
          + SampleDataset.DEFAULT_SEED + ")";
    }
    HuntResult result = new Hunter(engine).hunt(loadedRules, sets, window, description).with(notes, allowSources);
    for (HuntResult.RuleError e : result.errors()) {
      err.println("kqlhunt hunt: rule '" + e.ruleName() + "' could not run:\n" + e.message());
      bad = true;
    }
    write(fmt, result);
    err.flush();
    if (bad) return Main.EXIT_DATA_ERR;
    return result.findingCount() > 0 ? Main.EXIT_FINDINGS : Main.EXIT_OK;
  }

  /** A usage problem, or null. */
  private String usage(ReportFormat fmt) {
    if (fmt == null) return "--format must be table, json, csv, sarif or html, not '" + format + "'";
    if (store != null && !data.isEmpty()) return "give --store or --data, not both";
    if (table != null && data.isEmpty()) return "--table goes with --data";
    if (now != null && (from != null || to != null)) return "give --now or --from/--to, not both";
    if ((from == null) != (to == null)) return "--from and --to go together";
    for (String t : new String[] {now, from, to}) {
      if (t != null && HuntWindow.parseTime(t) == null) return "not a datetime: '" + t + "'";
    }
    if (from != null && !HuntWindow.parseTime(from).isBefore(HuntWindow.parseTime(to))) return "--from must be before --to";
    List<Path> files = new ArrayList<>(rules);
    files.addAll(data);
    files.addAll(exclusions);
    files.addAll(allowLists);
    if (store != null) files.add(store);
    for (Path p : files) if (!Files.exists(p)) return "no such file or folder: " + p;
    return null;
  }

  private HuntWindow window(boolean sample) {
    if (from != null) return HuntWindow.replay(HuntWindow.parseTime(from), HuntWindow.parseTime(to));
    if (now != null) return HuntWindow.at(HuntWindow.parseTime(now));
    return HuntWindow.at(sample ? SampleDataset.REFERENCE_TIME : Instant.now());
  }

  private List<SentinelRule> loadRules(PrintWriter err) {
    List<LoadResult<SentinelRule>> results = new ArrayList<>();
    if (rules.isEmpty()) results.addAll(BundledContent.rules());
    RuleLoader loader = new RuleLoader();
    for (Path p : rules) results.addAll(loader.loadAll(p));
    List<SentinelRule> out = new ArrayList<>();
    for (LoadResult<SentinelRule> r : results) {
      if (r.hasErrors() || r.value() == null) {
        r.rendered().forEach(err::print);
        err.println("kqlhunt hunt: skipped rule file " + r.file().name());
        bad = true;
      } else {
        out.add(r.value());
      }
    }
    return out;
  }

  private List<ExclusionSet> loadExclusions(PrintWriter err) {
    List<LoadResult<ExclusionSet>> results = new ArrayList<>();
    if (rules.isEmpty() && exclusions.isEmpty() && !noExclusions) results.addAll(BundledContent.exclusions());
    ExclusionLoader loader = new ExclusionLoader();
    for (Path p : exclusions) results.add(loader.load(p));
    List<ExclusionSet> out = new ArrayList<>();
    for (LoadResult<ExclusionSet> r : results) {
      // Entries with errors are left out by the loader; the sound ones still apply (and we exit 65).
      if (r.hasErrors()) {
        r.rendered().forEach(err::print);
        err.println("kqlhunt hunt: exclusions file " + r.file().name() + " has errors; "
            + (r.value() == null ? "none of its entries applied" : "only its valid entries applied"));
        bad = true;
      }
      if (r.value() != null) out.add(r.value());
    }
    return out;
  }

  /** Each allow-list compiled against the RMM pack as of the reference day (expiry is inclusive, UTC). */
  private List<ExclusionSet> loadAllowLists(HuntWindow window, PrintWriter err, List<String> notes, Set<String> sources) {
    if (allowLists.isEmpty()) return List.of();
    RmmCatalog catalog = RmmCatalog.load();
    var pack = new RmmRuleGenerator().generate(catalog);
    LocalDate today = LocalDate.ofInstant(window.to(), ZoneOffset.UTC);
    List<ExclusionSet> out = new ArrayList<>();
    for (Path p : allowLists) {
      LoadResult<AllowList> list = new AllowListLoader(catalog).load(p);
      if (list.hasErrors() || list.value() == null) {
        list.rendered().forEach(err::print);
        err.println("kqlhunt hunt: allow-list " + p + " does not load; nothing of it applied");
        bad = true;
        continue;
      }
      AllowListCompiler.Compiled compiled = new AllowListCompiler().compile(list.value(), pack, today);
      compiled.notes().forEach(d -> notes.add(firstLine(DiagnosticRenderer.render(list.file(), d))));
      LoadResult<ExclusionSet> set = compiled.loaded();
      if (set.hasErrors() || set.value() == null) {
        set.rendered().forEach(err::print);
        bad = true;
        continue;
      }
      sources.add(set.file().name());
      out.add(set.value());
    }
    return out;
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse(s);
  }

  private void write(ReportFormat fmt, HuntResult result) throws IOException {
    String text = fmt.writer().render(result);
    PrintWriter stdout = spec.commandLine().getOut();
    if (out == null) {
      stdout.print(text);
    } else {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(out, text, StandardCharsets.UTF_8);
      stdout.println("wrote " + fmt.cliName() + " report to " + out + ": " + TableReport.summary(result));
    }
    stdout.flush();
  }
}
