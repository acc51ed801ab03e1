package dev.kqlhunt.hunt;

import dev.kqlhunt.ingest.TypedRowConverter;
import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.rules.hunt.QueryEngine;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code examples} of exclusion entries as tests ({@code kqlhunt test} on an exclusions
 * file): every {@code removes} row must match the entry's predicate (the benign event it exists for)
 * and no {@code keeps} row may (the attack that looks like it). Rows are typed by the entry's table
 * schema as rule test rows are, and the predicate runs on the engine exactly as the compiled rule's
 * shadow applies it ({@code (where) == true}); a row without {@code Timestamp}/{@code TimeGenerated}
 * gets 2000-01-01 in both. One outcome per entry that has examples. Stateless.
 */
public final class ExclusionExamples {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
  /** The time given to an example row that has none. */
  private static final Instant UNDATED = Instant.parse("2000-01-01T00:00:00Z");
  private final SchemaRegistry schemas;

  public ExclusionExamples(SchemaRegistry schemas) {
    this.schemas = schemas;
  }

  public List<TestOutcome> run(ExclusionSet set) {
    List<TestOutcome> out = new ArrayList<>();
    for (Exclusion e : set.exclusions()) {
      if (e.examples().removes().isEmpty() && e.examples().keeps().isEmpty()) continue;
      String name = "exclusion " + e.id() + ": examples";
      String location = set.file().name() + ":" + set.file().position(e.span().start()).line();
      if (e.table() == null) {
        out.add(TestOutcome.fail(name, location, List.of("the entry names no table, so its examples cannot be typed")));
        continue;
      }
      List<String> problems = new ArrayList<>();
      check(e, e.examples().removes(), true, problems);
      check(e, e.examples().keeps(), false, problems);
      out.add(problems.isEmpty() ? TestOutcome.pass(name, location) : TestOutcome.fail(name, location, problems));
    }
    return out;
  }

  private void check(Exclusion e, List<Map<String, Object>> rows, boolean mustMatch, List<String> problems) {
    TableSchema schema = schemas.table(e.table());
    TypedRowConverter converter = schema == null ? null : new TypedRowConverter(schema);
    String query = e.table() + "\n| where (\n" + e.where().text() + "\n) == true\n| count";
    for (int i = 0; i < rows.size(); i++) {
      String label = (mustMatch ? "removes" : "keeps") + " row " + (i + 1);
      Map<String, Object> row = rows.get(i);
      if (converter != null) {
        TypedRowConverter.Result r = converter.convert(row);
        if (!r.ok()) {
          problems.add(label + ": column " + r.badColumn() + " value '" + r.badValue() + "': " + r.reason());
          continue;
        }
        row = r.row();
      }
      if (EventData.timeOf(row) == null) {
        // Examples need not carry a time; the engine windows by time, so give them one in the window.
        row = new java.util.LinkedHashMap<>(row);
        row.put("Timestamp", UNDATED);
        row.put("TimeGenerated", UNDATED);
      }
      LocalEngine engine = LocalEngine.over(EventData.builder().add(e.table(), row).build(), schemas);
      try {
        ResultTable count = engine.run(SourceText.of(e.file().name() + " (" + e.id() + ")", query), LATEST, EARLIEST, LATEST);
        boolean matched = count.size() == 1 && count.rows().get(0).get(0) instanceof Long n && n > 0;
        if (matched != mustMatch) {
          problems.add(label + (mustMatch ? " is not removed by the predicate" : " is removed by the predicate, but must be kept"));
        }
      } catch (QueryEngine.QueryFailure f) {
        problems.add("the predicate does not run: " + f.getMessage());
        return;
      }
    }
  }
}
