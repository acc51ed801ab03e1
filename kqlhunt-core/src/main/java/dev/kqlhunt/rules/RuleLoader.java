package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.RuleParts.AggregationKind;
import dev.kqlhunt.rules.RuleParts.AlertDetailsOverride;
import dev.kqlhunt.rules.RuleParts.DataConnector;
import dev.kqlhunt.rules.RuleParts.EntityMapping;
import dev.kqlhunt.rules.RuleParts.EventGroupingSettings;
import dev.kqlhunt.rules.RuleParts.FieldMapping;
import dev.kqlhunt.rules.yaml.Located;
import dev.kqlhunt.rules.yaml.YamlDocument;
import dev.kqlhunt.rules.yaml.YamlMap;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a Sentinel rule YAML file (analytics rule or hunting query) into a {@link SentinelRule}.
 *
 * <p>Never throws on bad input. Malformed YAML yields one {@code KQL3001} at the position snakeyaml
 * reports and no rule; a well-formed file missing {@code id}, {@code name} or {@code query} yields no
 * rule; every other problem (bad duration, unknown severity, wrong shape of a field) is a diagnostic and
 * the field is left absent, so one pass reports everything. Semantic checks (GUID, tactic names,
 * limits, columns) belong to {@link RuleValidator}. Stateless and thread-safe.
 */
public final class RuleLoader {
  static final Set<String> KNOWN_FIELDS = Set.of(
      "id", "name", "description", "severity", "requiredDataConnectors", "queryFrequency", "queryPeriod",
      "triggerOperator", "triggerThreshold", "tactics", "relevantTechniques", "query", "entityMappings",
      "customDetails", "alertDetailsOverride", "eventGroupingSettings", "incidentConfiguration",
      "suppressionEnabled", "suppressionDuration", "version", "kind", "status");

  /** Reads and loads a file; an unreadable file is an {@code KQL3001} with the I/O reason. */
  public LoadResult<SentinelRule> load(Path path) {
    String name = path.toString();
    try {
      return load(SourceText.of(name, Files.readString(path, StandardCharsets.UTF_8)));
    } catch (IOException | java.io.UncheckedIOException e) {
      SourceText empty = SourceText.of(name, "");
      return new LoadResult<>(null, empty,
          List.of(Diagnostic.error(RuleErrors.YAML_SYNTAX, TextSpan.EMPTY, "cannot read file: " + e.getMessage())));
    }
  }

  /**
   * Loads a rule file, or every rule file under a directory ({@code *.yaml} / {@code *.yml}, case
   * insensitive, in path order), skipping rule test files ({@code *.tests.yaml}).
   */
  public List<LoadResult<SentinelRule>> loadAll(Path path) {
    if (!Files.isDirectory(path)) return List.of(load(path));
    try (var files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).filter(RuleLoader::isRuleFileName).sorted().map(this::load).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of(load(path)); // reports the I/O problem as a diagnostic
    }
  }

  static boolean isRuleFileName(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean yaml = n.endsWith(".yaml") || n.endsWith(".yml");
    return yaml && !n.endsWith(".tests.yaml") && !n.endsWith(".tests.yml");
  }

  public LoadResult<SentinelRule> load(SourceText file) {
    List<Diagnostic> sink = new ArrayList<>();
    YamlDocument doc = YamlDocument.parse(file, sink);
    Optional<YamlMap> top = doc.root().flatMap(root -> YamlMap.of(doc, root, "a rule file", sink));
    SentinelRule rule = top.map(map -> new Reader(map, sink).read()).orElse(null);
    return new LoadResult<>(rule, file, sink);
  }

  /** One file's read: collects field spans while building the record. */
  private static final class Reader {
    private final YamlMap map;
    private final List<Diagnostic> sink;
    private final Map<String, TextSpan> spans = new LinkedHashMap<>();

    Reader(YamlMap map, List<Diagnostic> sink) {
      this.map = map;
      this.sink = sink;
    }

    SentinelRule read() {
      Optional<String> id = map.requiredString("id");
      Optional<String> name = map.requiredString("name");
      Optional<EmbeddedQuery> query = query();
      for (String key : map.keys()) spans.put(key, map.spanOf(key));
      if (id.isEmpty() || name.isEmpty() || query.isEmpty()) return null;
      Duration frequency = duration(map, "queryFrequency");
      Duration period = duration(map, "queryPeriod");
      return new SentinelRule(
          id.get().trim(), name.get().trim(), map.string("description").orElse(null), severity(),
          connectors(), frequency, period, triggerOperator(), triggerThreshold(),
          strings("tactics"), strings("relevantTechniques"), query.get(), entityMappings(),
          customDetails(), alertDetailsOverride(), eventGrouping(),
          map.map("incidentConfiguration").map(YamlMap::toPlain).orElse(null),
          bool(map, "suppressionEnabled"), duration(map, "suppressionDuration"),
          map.string("version").orElse(null), kind(frequency != null || period != null),
          map.string("status").orElse(null), map.unknownFields(KNOWN_FIELDS),
          new RuleOrigin(map.document().file(), spans));
    }

    private Optional<EmbeddedQuery> query() {
      Optional<Node> node = map.get("query");
      if (node.isEmpty()) {
        sink.add(Diagnostic.error(RuleErrors.MISSING_FIELD, map.span(), "query"));
        return Optional.empty();
      }
      if (!(node.get() instanceof ScalarNode scalar)) {
        sink.add(Diagnostic.error(RuleErrors.WRONG_TYPE, map.spanOf("query"), "query", "a string", "a "
            + node.get().getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        return Optional.empty();
      }
      return Optional.of(EmbeddedQuery.fromScalar(map.document(), scalar));
    }

    private RuleSeverity severity() {
      Optional<String> text = map.string("severity");
      if (text.isEmpty()) return null;
      RuleSeverity s = RuleSeverity.fromSentinelName(text.get());
      if (s == null) sink.add(Diagnostic.error(RuleErrors.INVALID_SEVERITY, map.spanOf("severity"), text.get()));
      return s;
    }

    private RuleKind kind(boolean hasSchedule) {
      Optional<String> text = map.string("kind");
      if (text.isEmpty()) return hasSchedule ? RuleKind.SCHEDULED : RuleKind.HUNTING;
      RuleKind k = RuleKind.fromSentinelName(text.get());
      if (k == null || k == RuleKind.HUNTING) {
        sink.add(Diagnostic.error(RuleErrors.UNKNOWN_KIND, map.spanOf("kind"), text.get().trim()));
        return hasSchedule ? RuleKind.SCHEDULED : RuleKind.HUNTING;
      }
      if (k == RuleKind.SCHEDULED && !hasSchedule) {
        // Public hunting queries sometimes carry kind: Scheduled; without a schedule they can only hunt.
        sink.add(Diagnostic.warning(RuleErrors.SCHEDULED_WITHOUT_SCHEDULE, map.spanOf("kind")));
        return RuleKind.HUNTING;
      }
      return k;
    }

    private TriggerOperator triggerOperator() {
      Optional<String> text = map.string("triggerOperator");
      if (text.isEmpty()) return null;
      TriggerOperator op = TriggerOperator.parse(text.get());
      if (op == null) {
        sink.add(Diagnostic.error(RuleErrors.INVALID_TRIGGER_OPERATOR, map.spanOf("triggerOperator"), text.get()));
      }
      return op;
    }

    private Integer triggerThreshold() {
      Optional<String> text = map.string("triggerThreshold");
      if (text.isEmpty()) return null;
      try {
        int n = Integer.parseInt(text.get().trim());
        if (n >= 0 && n <= 10_000) return n;
      } catch (NumberFormatException e) {
        // reported below
      }
      sink.add(Diagnostic.error(RuleErrors.INVALID_TRIGGER_THRESHOLD, map.spanOf("triggerThreshold"), text.get()));
      return null;
    }

    private List<String> strings(String key) {
      List<String> out = new ArrayList<>();
      List<Located<String>> items = map.stringList(key);
      for (int i = 0; i < items.size(); i++) {
        out.add(items.get(i).value());
        spans.put(key + "[" + i + "]", items.get(i).span());
      }
      return out;
    }

    private List<DataConnector> connectors() {
      List<DataConnector> out = new ArrayList<>();
      List<YamlMap> items = map.mapList("requiredDataConnectors");
      for (int i = 0; i < items.size(); i++) {
        YamlMap c = items.get(i);
        String path = "requiredDataConnectors[" + i + "]";
        spans.put(path, c.span());
        List<String> types = c.stringList("dataTypes").stream().map(Located::value).toList();
        out.add(new DataConnector(c.string("connectorId").orElse(""), types));
      }
      return out;
    }

    private List<EntityMapping> entityMappings() {
      List<EntityMapping> out = new ArrayList<>();
      List<YamlMap> items = map.mapList("entityMappings");
      for (int i = 0; i < items.size(); i++) {
        YamlMap e = items.get(i);
        String path = "entityMappings[" + i + "]";
        spans.put(path, e.span());
        spans.put(path + ".entityType", e.spanOf("entityType"));
        Optional<String> type = e.requiredString("entityType");
        List<FieldMapping> fields = fieldMappings(e, path);
        type.ifPresent(t -> out.add(new EntityMapping(t.trim(), fields)));
      }
      return out;
    }

    private List<FieldMapping> fieldMappings(YamlMap entity, String parent) {
      List<FieldMapping> out = new ArrayList<>();
      List<YamlMap> items = entity.mapList("fieldMappings");
      for (int j = 0; j < items.size(); j++) {
        YamlMap f = items.get(j);
        String path = parent + ".fieldMappings[" + j + "]";
        spans.put(path, f.span());
        spans.put(path + ".columnName", f.spanOf("columnName"));
        Optional<String> identifier = f.requiredString("identifier");
        Optional<String> column = f.requiredString("columnName");
        if (identifier.isPresent() && column.isPresent()) {
          out.add(new FieldMapping(identifier.get().trim(), column.get().trim()));
        }
      }
      return out;
    }

    private Map<String, String> customDetails() {
      Map<String, String> out = new LinkedHashMap<>();
      map.map("customDetails").ifPresent(details -> {
        for (String key : details.keys()) details.string(key).ifPresent(v -> out.put(key, v.trim()));
      });
      return out;
    }

    private AlertDetailsOverride alertDetailsOverride() {
      return map.map("alertDetailsOverride").map(o -> new AlertDetailsOverride(
          o.string("alertDisplayNameFormat").orElse(null),
          o.string("alertDescriptionFormat").orElse(null),
          o.string("alertTacticsColumnName").orElse(null),
          o.string("alertSeverityColumnName").orElse(null),
          o.unknownFields(Set.of("alertDisplayNameFormat", "alertDescriptionFormat",
              "alertTacticsColumnName", "alertSeverityColumnName")))).orElse(null);
    }

    private EventGroupingSettings eventGrouping() {
      Optional<YamlMap> settings = map.map("eventGroupingSettings");
      if (settings.isEmpty()) return null;
      Optional<String> text = settings.get().string("aggregationKind");
      if (text.isEmpty()) return null;
      AggregationKind kind = AggregationKind.parse(text.get());
      if (kind == null) {
        sink.add(Diagnostic.error(RuleErrors.UNKNOWN_EVENT_GROUPING,
            settings.get().spanOf("aggregationKind"), text.get()));
        return null;
      }
      return new EventGroupingSettings(kind);
    }
  }

  static Duration duration(YamlMap map, String key) {
    Optional<String> text = map.string(key);
    if (text.isEmpty()) return null;
    Duration d = Durations.parse(text.get());
    if (d == null) map.sink().add(Diagnostic.error(RuleErrors.INVALID_DURATION, map.spanOf(key), text.get()));
    return d;
  }

  static boolean bool(YamlMap map, String key) {
    Optional<String> text = map.string(key);
    if (text.isEmpty()) return false;
    String t = text.get().trim();
    if (t.equalsIgnoreCase("true")) return true;
    if (!t.equalsIgnoreCase("false")) {
      map.sink().add(Diagnostic.error(RuleErrors.INVALID_BOOLEAN, map.spanOf(key), key, t));
    }
    return false;
  }
}
