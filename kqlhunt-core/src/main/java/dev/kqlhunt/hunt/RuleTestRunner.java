package dev.kqlhunt.hunt;

import dev.kqlhunt.ingest.Ingestor;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.ingest.SchemaLookup;
import dev.kqlhunt.ingest.TypedRowConverter;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.alerts.Alert;
import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.rules.hunt.HuntReport;
import dev.kqlhunt.rules.hunt.QueryEngine;
import dev.kqlhunt.rules.testing.RuleTestFile;
import dev.kqlhunt.rules.testing.RuleTestFile.Case;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the cases of a rule test file ({@code kqlhunt test}). For each case: the rule and the case's
 * exclusion files are loaded, its rows typed by the table schemas (inline YAML text converted as
 * ingest converts JSON; row files read by the ingest stage into the named table), the rule run in the
 * case's {@link HuntWindow} on an engine over exactly those rows, and the findings compared:
 * {@code count} is the number of findings (alerts; one per result row for a hunting query), {@code
 * rows} the evidence rows of all findings together, as a multiset on the columns named ({@link
 * ExpectedRows}). A rule or input that cannot be read fails the case with the reason; the runner never
 * throws for bad test content. Not thread-safe (caches loaded exclusion files).
 */
public final class RuleTestRunner {
  private final Function<EventData, QueryEngine> engines;
  private final SchemaRegistry schemas;

  /** @param engines builds an engine over the rows of one case */
  public RuleTestRunner(Function<EventData, QueryEngine> engines, SchemaRegistry schemas) {
    this.engines = engines;
    this.schemas = schemas;
  }

  /** Runs every case of {@code file}, in file order. */
  public List<TestOutcome> run(RuleTestFile file, TestInputs inputs) {
    List<TestOutcome> out = new ArrayList<>();
    SentinelRule rule;
    String ruleProblem = null;
    try {
      LoadResult<SentinelRule> loaded = new RuleLoader().load(inputs.read(file.rule()));
      rule = loaded.hasErrors() ? null : loaded.value();
      if (rule == null) ruleProblem = "rule " + inputs.name(file.rule()) + " does not load: " + loaded.firstErrorLine();
    } catch (IOException e) {
      rule = null;
      ruleProblem = "cannot read rule " + inputs.name(file.rule()) + ": " + e.getMessage();
    }
    for (Case c : file.cases()) {
      String location = file.file().name() + ":" + file.file().position(c.span().start()).line();
      if (rule == null) out.add(TestOutcome.fail(c.name(), location, List.of(ruleProblem)));
      else out.add(runCase(rule, file, c, inputs, location));
    }
    return out;
  }

  private TestOutcome runCase(SentinelRule rule, RuleTestFile file, Case c, TestInputs inputs, String location) {
    List<String> problems = new ArrayList<>();
    List<ExclusionSet> exclusions = exclusions(c.effectiveExclusions(file), inputs, problems);
    EventData data = data(c, inputs, problems);
    if (!problems.isEmpty()) return TestOutcome.fail(c.name(), location, problems);
    HuntWindow window = c.isReplay() ? HuntWindow.replay(c.from(), c.to()) : HuntWindow.at(c.now());
    HuntReport report;
    try {
      report = new Hunter(engines.apply(data)).hunt(rule, exclusions, window);
    } catch (QueryEngine.QueryFailure | IllegalArgumentException e) {
      return TestOutcome.fail(c.name(), location, List.of("the rule failed to run: " + e.getMessage()));
    }
    List<String> diff = compare(c.expect(), report);
    return diff.isEmpty() ? TestOutcome.pass(c.name(), location) : TestOutcome.fail(c.name(), location, diff);
  }

  private static List<String> compare(RuleTestFile.Expectation expect, HuntReport report) {
    List<String> diff = new ArrayList<>();
    int findings = report.alerts().size();
    if (expect.count() != null && expect.count() != findings) {
      diff.add("expected " + expect.count() + " finding(s), got " + findings);
    }
    ResultTable evidence = evidence(report.alerts());
    if (expect.rows() != null) diff.addAll(ExpectedRows.diff(expect.rows(), evidence));
    else if (!diff.isEmpty()) {
      for (int r = 0; r < evidence.size(); r++) diff.add("actual:     " + dev.kqlhunt.json.Json.write(ExpectedRows.rowObject(evidence, r)));
    }
    return diff;
  }

  /** Evidence rows of all non-summary findings, under the first finding's columns. */
  private static ResultTable evidence(List<Alert> alerts) {
    if (alerts.isEmpty()) return ResultTable.empty(List.of());
    List<String> columns = alerts.get(0).evidence().columns();
    List<List<Object>> rows = new ArrayList<>();
    for (Alert a : alerts) {
      if (a.summary() || !a.evidence().columns().equals(columns)) continue;
      rows.addAll(a.evidence().rows());
    }
    return new ResultTable(columns, rows);
  }

  private static List<ExclusionSet> exclusions(List<Path> files, TestInputs inputs, List<String> problems) {
    List<ExclusionSet> out = new ArrayList<>();
    for (Path p : files) {
      try {
        LoadResult<ExclusionSet> loaded = new ExclusionLoader().load(inputs.read(p));
        if (loaded.hasErrors()) problems.add("exclusions " + inputs.name(p) + " do not load: " + loaded.firstErrorLine());
        else out.add(loaded.value());
      } catch (IOException e) {
        problems.add("cannot read exclusions " + inputs.name(p) + ": " + e.getMessage());
      }
    }
    return out;
  }

  private EventData data(Case c, TestInputs inputs, List<String> problems) {
    EventData.Builder builder = EventData.builder();
    for (Map.Entry<String, RuleTestFile.TableInput> t : c.tables().entrySet()) {
      builder.table(t.getKey());
      switch (t.getValue()) {
        case RuleTestFile.InlineRows inline -> inlineRows(t.getKey(), inline, builder, problems);
        case RuleTestFile.RowsFile file -> rowsFile(t.getKey(), file.path(), inputs, builder, problems);
      }
    }
    return builder.build();
  }

  private void inlineRows(String table, RuleTestFile.InlineRows inline, EventData.Builder builder, List<String> problems) {
    TableSchema schema = schemas.table(table);
    TypedRowConverter converter = schema == null ? null : new TypedRowConverter(schema);
    int n = 0;
    for (Map<String, Object> row : inline.rows()) {
      n++;
      if (converter == null) {
        builder.add(table, row);
        continue;
      }
      TypedRowConverter.Result r = converter.convert(row);
      if (r.ok()) builder.add(table, r.row());
      else problems.add(table + " row " + n + ": column " + r.badColumn() + " value '" + r.badValue() + "': " + r.reason());
    }
  }

  private void rowsFile(String table, Path path, TestInputs inputs, EventData.Builder builder, List<String> problems) {
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(String t, Map<String, Object> values, RecordOrigin origin) {
        builder.add(t, values);
      }

      @Override
      public void reject(Reject reject) {
        problems.add("rejected row: " + reject);
      }
    };
    Ingestor ingestor = new Ingestor(ReaderRegistry.withDefaults(),
        ReadOptions.defaults(SchemaLookup.of(schemas.tables())).withTable(table));
    try (InputStream in = inputs.open(path)) {
      ingestor.ingest(inputs.name(path), in, sink);
    } catch (IOException e) {
      problems.add("cannot read rows " + inputs.name(path) + ": " + e.getMessage());
    }
  }

  /** The closing line of {@code kqlhunt test}: exactly {@code N passed, N failed}. */
  public static String summary(List<TestOutcome> outcomes) {
    long passed = outcomes.stream().filter(TestOutcome::passed).count();
    return passed + " passed, " + (outcomes.size() - passed) + " failed";
  }
}
