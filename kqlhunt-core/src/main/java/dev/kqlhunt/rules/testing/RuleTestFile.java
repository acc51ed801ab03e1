package dev.kqlhunt.rules.testing;

import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule test file ({@code *.tests.yaml}): the rule under test, default exclusion files, and test
 * cases. Paths are resolved against the test file's directory when it was read from disk.
 *
 * @param rule path of the rule file under test
 * @param exclusions exclusion files every case uses unless it names its own
 */
public record RuleTestFile(SourceText file, Path rule, List<Path> exclusions, List<Case> cases) {
  public RuleTestFile {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(rule, "rule is null");
    exclusions = List.copyOf(exclusions);
    cases = List.copyOf(cases);
  }

  /**
   * One test: given these rows, at this reference time (or replayed over [from, to]), with these
   * exclusions, the rule finds this.
   *
   * @param now reference time of a single run; null when {@code from}/{@code to} give a replay
   * @param exclusions null to inherit the file's list; empty to run without exclusions
   * @param span the case's span in the file, for reporting results
   */
  public record Case(String name, Instant now, Instant from, Instant to, List<Path> exclusions,
      Map<String, TableInput> tables, Expectation expect, TextSpan span) {
    public Case {
      Objects.requireNonNull(name, "name is null");
      if (exclusions != null) exclusions = List.copyOf(exclusions);
      tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
      Objects.requireNonNull(expect, "expect is null");
      Objects.requireNonNull(span, "span is null");
      if (now == null && (from == null || to == null || !from.isBefore(to))) {
        throw new IllegalArgumentException("a case needs now, or from before to");
      }
    }

    public boolean isReplay() {
      return now == null;
    }

    /** The exclusion files in effect for this case. */
    public List<Path> effectiveExclusions(RuleTestFile file) {
      return exclusions == null ? file.exclusions() : exclusions;
    }
  }

  /** Where a table's rows come from. */
  public sealed interface TableInput permits InlineRows, RowsFile {}

  /** Rows written in the test file: column name to value as YAML text (typed by the table schema later). */
  public record InlineRows(List<Map<String, Object>> rows) implements TableInput {
    public InlineRows {
      rows = rows.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }
  }

  /** Rows in a file (JSON lines, CSV or a Defender export), read by the ingest stage. */
  public record RowsFile(Path path) implements TableInput {
    public RowsFile {
      Objects.requireNonNull(path, "path is null");
    }
  }

  /**
   * What the rule must find: a number of result rows, and/or the rows themselves. Expected rows are
   * compared on the columns they name (others are ignored), as a multiset (order-insensitive).
   *
   * @param count null when not stated
   * @param rows null when not stated
   */
  public record Expectation(Long count, List<Map<String, Object>> rows) {
    public Expectation {
      if (count == null && rows == null) throw new IllegalArgumentException("an expectation needs count or rows");
      if (count != null && count < 0) throw new IllegalArgumentException("count < 0");
      if (rows != null) rows = rows.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }
  }
}
