package dev.kqlhunt.rules.testing;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleErrors;
import dev.kqlhunt.rules.testing.RuleTestFile.Case;
import dev.kqlhunt.rules.testing.RuleTestFile.Expectation;
import dev.kqlhunt.rules.testing.RuleTestFile.InlineRows;
import dev.kqlhunt.rules.testing.RuleTestFile.RowsFile;
import dev.kqlhunt.rules.testing.RuleTestFile.TableInput;
import dev.kqlhunt.rules.yaml.Located;
import dev.kqlhunt.rules.yaml.YamlDocument;
import dev.kqlhunt.rules.yaml.YamlMap;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rule test file:
 *
 * <pre>
 * rule: ../rules/rmm_RemoteDesktopPlus_createproc.yaml
 * exclusions: [../exclusions/remote-desktop-plus.yaml]   # optional default for every case
 * tests:
 *   - name: an RDP Plus launch is found
 *     now: 2026-11-20T12:00:00Z        # one run at this time; or from: + to: for a scheduled replay
 *     exclusions: []                   # optional: overrides the file's list
 *     tables:
 *       DeviceProcessEvents:
 *         rows:                        # inline rows; or file: data/rdp.jsonl
 *           - {Timestamp: 2026-11-20T10:00:00Z, DeviceId: d1, DeviceName: pc1, ...}
 *     expect:
 *       count: 1                       # and/or rows: [{DeviceName: pc1, Count: 1}]
 * </pre>
 *
 * Never throws on bad input: problems are positioned diagnostics and a broken case is skipped.
 * Relative paths resolve against the test file's directory ({@code baseDir}); with a base directory
 * missing files are reported. Stateless and thread-safe.
 */
public final class RuleTestLoader {
  public LoadResult<RuleTestFile> load(Path path) {
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      Path base = path.toAbsolutePath().getParent();
      return load(SourceText.of(path.toString(), text), base);
    } catch (IOException | java.io.UncheckedIOException e) {
      return new LoadResult<>(null, SourceText.of(path.toString(), ""), List.of(
          Diagnostic.error(RuleErrors.YAML_SYNTAX, TextSpan.EMPTY, "cannot read file: " + e.getMessage())));
    }
  }

  /** @param baseDir directory relative paths resolve against; null to leave them as written, unchecked */
  public LoadResult<RuleTestFile> load(SourceText file, Path baseDir) {
    List<Diagnostic> sink = new ArrayList<>();
    YamlDocument doc = YamlDocument.parse(file, sink);
    Optional<YamlMap> top = doc.root().flatMap(root -> YamlMap.of(doc, root, "a rule test file", sink));
    if (top.isEmpty()) return new LoadResult<>(null, file, sink);
    Paths paths = new Paths(baseDir, sink);
    Optional<Path> rule = top.get().requiredString("rule").map(r -> paths.resolve(r, top.get().spanOf("rule")));
    List<Path> exclusions = paths.list(top.get(), "exclusions");
    if (top.get().get("tests").isEmpty()) sink.add(Diagnostic.error(RuleErrors.MISSING_FIELD, top.get().span(), "tests"));
    List<Case> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlMap c : top.get().mapList("tests")) {
      Case read = new CaseReader(c, paths, sink).read();
      if (read == null) continue;
      if (!names.add(read.name())) sink.add(Diagnostic.error(RuleErrors.TEST_DUPLICATE_NAME, c.spanOf("name"), read.name()));
      cases.add(read);
    }
    if (rule.isEmpty()) return new LoadResult<>(null, file, sink);
    return new LoadResult<>(new RuleTestFile(file, rule.get(), exclusions, cases), file, sink);
  }

  /** Resolves and checks paths relative to the test file. */
  private record Paths(Path baseDir, List<Diagnostic> sink) {
    Path resolve(String written, TextSpan span) {
      Path p = Path.of(written.trim());
      if (baseDir == null) return p;
      Path resolved = baseDir.resolve(p).normalize();
      if (!Files.exists(resolved)) sink.add(Diagnostic.error(RuleErrors.TEST_MISSING_FILE, span, written.trim()));
      return resolved;
    }

    List<Path> list(YamlMap map, String key) {
      List<Path> out = new ArrayList<>();
      for (Located<String> item : map.stringList(key)) out.add(resolve(item.value(), item.span()));
      return out;
    }
  }

  /** Reads one case; returns null (after reporting) when it cannot run. */
  private record CaseReader(YamlMap map, Paths paths, List<Diagnostic> sink) {
    Case read() {
      Optional<String> name = map.requiredString("name");
      Instant now = time("now");
      Instant from = time("from");
      Instant to = time("to");
      boolean windowOk = now != null || (from != null && to != null && from.isBefore(to));
      String label = name.orElse("?");
      if (!windowOk) sink.add(Diagnostic.error(RuleErrors.TEST_TIME_WINDOW, map.span(), label));
      List<Path> exclusions = map.get("exclusions").isPresent() ? paths.list(map, "exclusions") : null;
      Map<String, TableInput> tables = tables(label);
      Expectation expect = expectation(label);
      if (name.isEmpty() || !windowOk || expect == null) return null;
      return new Case(name.get().trim(), now, now == null ? from : null, now == null ? to : null,
          exclusions, tables, expect, map.span());
    }

    private Instant time(String key) {
      Optional<String> text = map.string(key);
      if (text.isEmpty()) return null;
      try {
        return Instant.parse(text.get().trim());
      } catch (DateTimeParseException e) {
        sink.add(Diagnostic.error(RuleErrors.TEST_INVALID_TIME, map.spanOf(key), text.get()));
        return null;
      }
    }

    private Map<String, TableInput> tables(String label) {
      Map<String, TableInput> out = new LinkedHashMap<>();
      Optional<YamlMap> tables = map.map("tables");
      if (tables.isEmpty()) {
        sink.add(Diagnostic.warning(RuleErrors.TEST_NO_TABLES, map.span(), label));
        return out;
      }
      for (String table : tables.get().keys()) {
        tables.get().map(table).ifPresent(t -> readTable(table, t).ifPresent(input -> out.put(table, input)));
      }
      return out;
    }

    private Optional<TableInput> readTable(String table, YamlMap t) {
      boolean hasRows = t.get("rows").isPresent();
      boolean hasFile = t.get("file").isPresent();
      if (hasRows == hasFile) {
        sink.add(Diagnostic.error(RuleErrors.TEST_TABLE_SOURCE, t.span(), table));
        return Optional.empty();
      }
      if (hasFile) return t.string("file").map(f -> new RowsFile(paths.resolve(f, t.spanOf("file"))));
      return Optional.of(new InlineRows(t.mapList("rows").stream().map(YamlMap::toPlain).toList()));
    }

    private Expectation expectation(String label) {
      Optional<YamlMap> expect = map.map("expect");
      Long count = expect.flatMap(e -> count(e)).orElse(null);
      List<Map<String, Object>> rows = expect.filter(e -> e.get("rows").isPresent())
          .map(e -> e.mapList("rows").stream().map(YamlMap::toPlain).toList()).orElse(null);
      if (count == null && rows == null) {
        boolean badCount = expect.isPresent() && expect.get().get("count").isPresent();
        if (!badCount) sink.add(Diagnostic.error(RuleErrors.TEST_NO_EXPECTATION, map.spanOf("expect"), label));
        return null;
      }
      return new Expectation(count, rows);
    }

    private Optional<Long> count(YamlMap expect) {
      Optional<String> text = expect.string("count");
      if (text.isEmpty()) return Optional.empty();
      try {
        long n = Long.parseLong(text.get().trim());
        if (n >= 0) return Optional.of(n);
      } catch (NumberFormatException e) {
        // reported below
      }
      sink.add(Diagnostic.error(RuleErrors.TEST_NEGATIVE_COUNT, expect.spanOf("count"), text.get()));
      return Optional.empty();
    }
  }
}
