package dev.kqlhunt.cli;

import dev.kqlhunt.hunt.BundledContent;
import dev.kqlhunt.hunt.ExclusionExamples;
import dev.kqlhunt.hunt.LocalEngine;
import dev.kqlhunt.hunt.RuleTestRunner;
import dev.kqlhunt.hunt.TestInputs;
import dev.kqlhunt.hunt.TestOutcome;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.rules.testing.RuleTestFile;
import dev.kqlhunt.rules.testing.RuleTestLoader;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kqlhunt test}: runs rule tests ({@code *.tests.yaml}, docs/HUNT.md) and the examples of
 * exclusions files (one test per entry: its {@code removes} rows match, its {@code keeps} rows do not). One line per test
 * ({@code PASS}/{@code FAIL}, name, {@code file:line}), the diff under a failure, and the closing line
 * exactly {@code N passed, N failed}. A test file that does not load counts as one failed test. Exit 0
 * when every test passed, 1 otherwise, 2 for usage.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run rule tests (*.tests.yaml) and exclusion examples (files or folders; default: the bundled ones).")
final class TestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Rule test files or folders.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("kqlhunt test: no such file or folder: " + p);
        err.flush();
        return Main.EXIT_USAGE;
      }
    }
    SchemaRegistry schemas = SchemaRegistry.builtIn();
    RuleTestRunner runner = new RuleTestRunner(data -> LocalEngine.over(data, schemas), schemas);
    RuleTestLoader loader = new RuleTestLoader();
    ExclusionExamples examples = new ExclusionExamples(schemas);
    List<TestOutcome> all = new ArrayList<>();
    if (paths.isEmpty()) {
      for (String file : BundledContent.testFiles()) {
        String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        SourceText text = BundledContent.read(file);
        all.addAll(run(runner, loader.load(text, null), new TestInputs.Bundled(folder), out));
      }
      for (LoadResult<ExclusionSet> set : BundledContent.exclusions()) all.addAll(examples(examples, set, out));
    }
    for (Path file : testFiles()) {
      if (isTestFile(file)) all.addAll(run(runner, loader.load(file), new TestInputs.Disk(), out));
      else all.addAll(examples(examples, new ExclusionLoader().load(file), out));
    }
    if (paths.size() > 0 && all.isEmpty()) out.println("no *.tests.yaml files found");
    out.println(RuleTestRunner.summary(all));
    out.flush();
    err.flush();
    return all.stream().allMatch(TestOutcome::passed) ? Main.EXIT_OK : Main.EXIT_FINDINGS;
  }

  private static List<TestOutcome> run(RuleTestRunner runner, LoadResult<RuleTestFile> loaded, TestInputs inputs,
      PrintWriter out) {
    List<TestOutcome> outcomes = new ArrayList<>();
    if (loaded.hasErrors() || loaded.value() == null) {
      List<String> details = new ArrayList<>();
      loaded.rendered().forEach(r -> details.addAll(r.lines().toList()));
      outcomes.add(TestOutcome.fail("(test file does not load)", loaded.file().name(), details));
    } else {
      outcomes.addAll(runner.run(loaded.value(), inputs));
    }
    print(outcomes, out);
    return outcomes;
  }

  /** The examples of an exclusions file's entries, one test per entry that has some. */
  private static List<TestOutcome> examples(ExclusionExamples examples, LoadResult<ExclusionSet> loaded, PrintWriter out) {
    List<TestOutcome> outcomes = new ArrayList<>();
    if (loaded.hasErrors() || loaded.value() == null) {
      List<String> details = new ArrayList<>();
      loaded.rendered().forEach(r -> details.addAll(r.lines().toList()));
      outcomes.add(TestOutcome.fail("(exclusions file does not load)", loaded.file().name(), details));
    } else {
      outcomes.addAll(examples.run(loaded.value()));
    }
    print(outcomes, out);
    return outcomes;
  }

  private static void print(List<TestOutcome> outcomes, PrintWriter out) {
    for (TestOutcome o : outcomes) {
      out.println((o.passed() ? "PASS  " : "FAIL  ") + o.name() + "  (" + o.location() + ")");
      for (String d : o.details()) out.println("      " + d);
    }
  }

  /**
   * The files to run among {@code paths}: files as given (an exclusions file runs its entries'
   * examples), folders searched for {@code *.tests.yaml} and for exclusions files.
   */
  private List<Path> testFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> files = Files.walk(p)) {
        files.filter(Files::isRegularFile).filter(f -> isTestFile(f) || isExclusionsFile(f)).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** A YAML file whose top-level key is {@code exclusions:} (a cheap look at its first lines). */
  private static boolean isExclusionsFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(n.endsWith(".yaml") || n.endsWith(".yml"))) return false;
    try (Stream<String> lines = Files.lines(p)) {
      return lines.limit(200).anyMatch(l -> l.startsWith("exclusions:"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private static boolean isTestFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".tests.yaml") || n.endsWith(".tests.yml");
  }
}
