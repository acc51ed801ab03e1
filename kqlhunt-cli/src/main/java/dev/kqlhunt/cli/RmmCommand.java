package dev.kqlhunt.cli;

import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.GeneratedRule;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.IndicatorKind;
import dev.kqlhunt.rmm.KeptRule;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmCorrelationRules;
import dev.kqlhunt.rmm.RmmCorrelationRules.CorrelationRule;
import dev.kqlhunt.rmm.RmmCoverage;
import dev.kqlhunt.rmm.RmmRuleGenerator;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.rmm.allow.AllowList;
import dev.kqlhunt.rmm.allow.AllowListCompiler;
import dev.kqlhunt.rmm.allow.AllowListLoader;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.rules.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kqlhunt rmm}: the RMM catalog, its detection pack, coverage and the sanctioned-tool allow-list. */
@Command(name = "rmm", mixinStandardHelpOptions = true,
    description = "The RMM tool catalog and detection pack (docs/RMM.md).",
    subcommands = {RmmCommand.ListTools.class, RmmCommand.Show.class, RmmCommand.Rules.class,
        RmmCommand.Coverage.class, RmmCommand.Allow.class})
final class RmmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.EXIT_USAGE;
  }

  /** The confidence named by an option value; null (and a usage message) when it names none. */
  static Confidence confidence(CommandSpec spec, String text) {
    Confidence c = Confidence.fromYaml(text.toLowerCase(Locale.ROOT));
    if (c == null) {
      spec.commandLine().getErr().println("kqlhunt rmm: --min-confidence must be high, medium or low, not '" + text + "'");
    }
    return c;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "One line per tool: id, name, category, indicator kinds, confidence summary.")
  static final class ListTools implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      RmmCatalog catalog = RmmCatalog.load();
      out.printf("%-36s %-36s %-4s %-72s %s%n", "id", "name", "cat", "indicator kinds", "high/medium/low");
      for (RmmTool t : catalog.tools()) {
        Map<IndicatorKind, Integer> kinds = new EnumMap<>(IndicatorKind.class);
        int[] byConfidence = new int[Confidence.values().length];
        for (Indicator i : t.indicators()) {
          kinds.merge(i.kind(), 1, Integer::sum);
          byConfidence[i.confidence().ordinal()]++;
        }
        StringBuilder k = new StringBuilder();
        kinds.forEach((kind, n) -> k.append(k.isEmpty() ? "" : ",").append(kind.yamlName()).append('=').append(n));
        out.printf("%-36s %-36s %-4s %-72s %d/%d/%d%n", t.id(), t.name(), t.category(), k.isEmpty() ? "-" : k,
            byConfidence[Confidence.HIGH.ordinal()], byConfidence[Confidence.MEDIUM.ordinal()],
            byConfidence[Confidence.LOW.ordinal()]);
      }
      out.printf("%d tools%n", catalog.tools().size());
      out.flush();
      return Main.EXIT_OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "All facts of one tool, with provenance.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TOOL", description = "Tool id, name or alias.")
    String tool;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<RmmTool> found = RmmCatalog.load().find(tool);
      if (found.isEmpty()) {
        spec.commandLine().getErr().println("kqlhunt rmm show: unknown tool '" + tool + "' (see `kqlhunt rmm list`)");
        return Main.EXIT_DATA_ERR;
      }
      RmmTool t = found.get();
      out.println("id:         " + t.id());
      out.println("name:       " + t.name());
      out.println("aliases:    " + String.join(", ", t.aliases()));
      out.println("vendor:     " + (t.vendor() == null ? "" : t.vendor()));
      out.println("website:    " + (t.website() == null ? "" : t.website()));
      out.println("category:   " + t.category());
      out.println("attack:     " + String.join(", ", t.attack()));
      out.println("platforms:  " + String.join(", ", t.platforms()));
      out.println("indicators: " + t.indicators().size());
      for (Indicator i : t.indicators()) {
        out.println("  - " + i.kind().yamlName() + " [" + i.confidence().yamlName() + "] " + facts(i)
            + "  (" + i.provenance() + ")");
      }
      out.println("kept rules: " + t.keptRules().size());
      for (KeptRule k : t.keptRules()) {
        out.println("  - " + k.id() + " " + k.kind().slug() + " '" + k.name() + "'  (" + k.provenance() + ")");
      }
      out.flush();
      return Main.EXIT_OK;
    }

    private static String facts(Indicator i) {
      return switch (i) {
        case Indicator.PeVersionInfo p -> "company=" + p.company() + " product=" + p.product()
            + " originalFileName=" + p.originalFileName();
        case Indicator.ProcessName p -> p.name();
        case Indicator.Path p -> p.path();
        case Indicator.Signer s -> s.name();
        case Indicator.Domain d -> d.domain() + (d.ports().isEmpty() ? "" : " ports=" + d.ports());
        case Indicator.RegistryKey r -> r.key();
        case Indicator.ServiceName s -> s.name();
      };
    }
  }

  @Command(name = "rules", mixinStandardHelpOptions = true,
      description = "Write the pack (per-tool and correlation rules) as Sentinel YAML, one file per rule.")
  static final class Rules implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "medium",
        description = "Lowest indicator confidence used: high, medium or low (default: ${DEFAULT-VALUE}).")
    String minConfidence;

    @Override
    public Integer call() throws IOException {
      Confidence floor = confidence(spec, minConfidence);
      if (floor == null) return Main.EXIT_USAGE;
      RmmCatalog catalog = RmmCatalog.load();
      List<GeneratedRule> pack = new RmmRuleGenerator(floor).generate(catalog);
      List<CorrelationRule> correlations = new RmmCorrelationRules(floor).generate(catalog);
      Files.createDirectories(out);
      for (GeneratedRule r : pack) write(r.fileName(), r.yaml());
      for (CorrelationRule r : correlations) write(r.fileName(), r.yaml());
      spec.commandLine().getOut().printf("wrote %d rules (%d per-tool, %d correlation) to %s%n",
          pack.size() + correlations.size(), pack.size(), correlations.size(), out);
      spec.commandLine().getOut().flush();
      return Main.EXIT_OK;
    }

    private void write(String name, String yaml) throws IOException {
      Files.writeString(out.resolve(name), yaml, StandardCharsets.UTF_8);
    }
  }

  @Command(name = "coverage", mixinStandardHelpOptions = true,
      description = "Tools x rule kinds, totals, and the tables the pack reads.")
  static final class Coverage implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "medium",
        description = "Lowest indicator confidence used (default: ${DEFAULT-VALUE}).")
    String minConfidence;

    @Override
    public Integer call() {
      Confidence floor = confidence(spec, minConfidence);
      if (floor == null) return Main.EXIT_USAGE;
      RmmCatalog catalog = RmmCatalog.load();
      PrintWriter out = spec.commandLine().getOut();
      out.print(RmmCoverage.of(catalog, new RmmRuleGenerator(floor)).render());
      long usable = catalog.tools().stream().filter(t -> t.hasUsableIndicator(floor)).count();
      out.printf("tools in catalog: %d; with at least one usable indicator (>= %s): %d%n",
          catalog.tools().size(), floor.yamlName(), usable);
      out.println("correlation rules: 2 (multi-vendor, first-seen; table DeviceProcessEvents)");
      out.flush();
      return Main.EXIT_OK;
    }
  }

  @Command(name = "allow", mixinStandardHelpOptions = true,
      description = "Check an allow-list and compile it to an exclusions file for `kqlhunt hunt --exclusions`.")
  static final class Allow implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Allow-list YAML (docs/RMM.md, section Allow-list).")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the exclusions here (default: stdout).")
    Path outFile;

    @Option(names = "--today", paramLabel = "DATE", description = "Date for expiry checks (default: today, UTC).")
    LocalDate today;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      RmmCatalog catalog = RmmCatalog.load();
      LoadResult<AllowList> loaded = new AllowListLoader(catalog).load(file);
      loaded.rendered().forEach(err::println);
      if (loaded.hasErrors() || loaded.value() == null) {
        err.flush();
        return Main.EXIT_DATA_ERR;
      }
      LocalDate day = today != null ? today : LocalDate.now(ZoneOffset.UTC);
      AllowListCompiler.Compiled compiled = new AllowListCompiler()
          .compile(loaded.value(), new RmmRuleGenerator().generate(catalog), day);
      compiled.notes().forEach(d -> err.println(DiagnosticRenderer.render(loaded.file(), d)));
      if (outFile != null) {
        Files.writeString(outFile, compiled.exclusionsYaml(), StandardCharsets.UTF_8);
        err.printf("wrote %d exclusions to %s%n", compiled.exclusions().size(), outFile);
      } else {
        spec.commandLine().getOut().print(compiled.exclusionsYaml());
      }
      spec.commandLine().getOut().flush();
      err.flush();
      return compiled.loaded().ok() ? Main.EXIT_OK : Main.EXIT_SOFTWARE;
    }
  }
}
