package dev.kqlhunt.rules.exclusions;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.EmbeddedQuery;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleErrors;
import dev.kqlhunt.rules.yaml.Located;
import dev.kqlhunt.rules.yaml.YamlDocument;
import dev.kqlhunt.rules.yaml.YamlMap;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads an exclusions file:
 *
 * <pre>
 * exclusions:
 *   - id: rdp-plus-backup-tools          # unique in the file
 *     rules: [6e98184a-..., "RMM tool - *"] # rule ids, names or globs (a single scalar works too)
 *     table: DeviceProcessEvents         # optional when each selected rule requires one table
 *     reason: Nightly backup job launches vssadmin via Remote Desktop Plus
 *     owner: soc-tuning@example.com
 *     expires: 2027-03-31                # last day it applies; later runs report it as expired
 *     where: |                           # KQL predicate over the table's columns
 *       FileName =~ "vssadmin.exe" and ...
 *     examples:                          # optional test data: rows it must remove / must keep
 *       removes: [{FileName: rdp.exe, ...}]
 *       keeps: [{FileName: rdp.exe, ...}]
 * </pre>
 *
 * Never throws on bad input; an entry with a missing required field is reported and skipped, the rest
 * of the file still loads. Stateless and thread-safe.
 */
public final class ExclusionLoader {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public LoadResult<ExclusionSet> load(Path path) {
    try {
      return load(SourceText.of(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
    } catch (IOException | java.io.UncheckedIOException e) {
      return new LoadResult<>(null, SourceText.of(path.toString(), ""), List.of(
          Diagnostic.error(RuleErrors.YAML_SYNTAX, TextSpan.EMPTY, "cannot read file: " + e.getMessage())));
    }
  }

  public LoadResult<ExclusionSet> load(SourceText file) {
    List<Diagnostic> sink = new ArrayList<>();
    YamlDocument doc = YamlDocument.parse(file, sink);
    Optional<YamlMap> top = doc.root().flatMap(root -> YamlMap.of(doc, root, "an exclusions file", sink));
    if (top.isEmpty()) return new LoadResult<>(null, file, sink);
    if (top.get().get("exclusions").isEmpty()) {
      sink.add(Diagnostic.error(RuleErrors.MISSING_FIELD, top.get().span(), "exclusions"));
      return new LoadResult<>(null, file, sink);
    }
    List<Exclusion> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlMap entry : top.get().mapList("exclusions")) {
      Exclusion e = read(entry, sink);
      if (e == null) continue;
      if (!ids.add(e.id())) {
        sink.add(Diagnostic.error(RuleErrors.EXCLUSION_DUPLICATE_ID, entry.spanOf("id"), e.id()));
      }
      entries.add(e);
    }
    return new LoadResult<>(new ExclusionSet(file, entries), file, sink);
  }

  private static Exclusion read(YamlMap entry, List<Diagnostic> sink) {
    Optional<String> id = entry.requiredString("id");
    id.filter(v -> !ID.matcher(v.trim()).matches())
        .ifPresent(v -> sink.add(Diagnostic.error(RuleErrors.EXCLUSION_INVALID_ID, entry.spanOf("id"), v)));
    List<RuleSelector> rules = entry.stringList("rules").stream().map(Located::value).map(RuleSelector::new).toList();
    if (id.isPresent() && rules.isEmpty()) {
      sink.add(Diagnostic.error(RuleErrors.EXCLUSION_NO_TARGET, entry.keys().contains("rules")
          ? entry.spanOf("rules") : entry.span(), id.get()));
    }
    Optional<String> reason = entry.requiredString("reason");
    Optional<String> owner = entry.requiredString("owner");
    LocalDate expires = date(entry, sink);
    if (id.isPresent() && expires == null && entry.get("expires").isEmpty()) {
      sink.add(Diagnostic.warning(RuleErrors.EXCLUSION_NO_EXPIRY, entry.keySpan("id"), id.get()));
    }
    Optional<EmbeddedQuery> where = predicate(entry, sink);
    if (id.isEmpty() || reason.isEmpty() || owner.isEmpty() || where.isEmpty() || rules.isEmpty()) return null;
    String table = entry.string("table").map(String::trim).orElse(null);
    Exclusion.Examples examples = entry.map("examples").map(x -> new Exclusion.Examples(
        x.mapList("removes").stream().map(YamlMap::toPlain).toList(),
        x.mapList("keeps").stream().map(YamlMap::toPlain).toList())).orElse(Exclusion.Examples.NONE);
    return new Exclusion(id.get().trim(), rules, table, reason.get().trim(), owner.get().trim(), expires,
        where.get(), examples, entry.document().file(), entry.span());
  }

  private static LocalDate date(YamlMap entry, List<Diagnostic> sink) {
    Optional<String> text = entry.string("expires");
    if (text.isEmpty()) return null;
    try {
      return LocalDate.parse(text.get().trim());
    } catch (DateTimeParseException e) {
      sink.add(Diagnostic.error(RuleErrors.EXCLUSION_INVALID_DATE, entry.spanOf("expires"), text.get()));
      return null;
    }
  }

  private static Optional<EmbeddedQuery> predicate(YamlMap entry, List<Diagnostic> sink) {
    Optional<Node> node = entry.get("where");
    if (node.isEmpty() || !(node.get() instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
      if (node.isPresent() && !(node.get() instanceof ScalarNode)) {
        sink.add(Diagnostic.error(RuleErrors.WRONG_TYPE, entry.spanOf("where"), "where", "a KQL predicate (text)", "a collection"));
      } else {
        sink.add(Diagnostic.error(RuleErrors.MISSING_FIELD, node.isPresent() ? entry.spanOf("where") : entry.span(), "where"));
      }
      return Optional.empty();
    }
    return Optional.of(EmbeddedQuery.fromScalar(entry.document(), scalar));
  }
}
