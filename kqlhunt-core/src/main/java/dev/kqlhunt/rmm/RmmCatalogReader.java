package dev.kqlhunt.rmm;

import dev.kqlhunt.rmm.YamlNodes.Failure;
import dev.kqlhunt.rmm.YamlNodes.Mapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one catalog file (format in {@link RmmCatalog}) into an {@link RmmTool}. Uses the node API of
 * snakeyaml-engine so every rejection names the line of the offending node. Stateless and thread-safe.
 */
public final class RmmCatalogReader {
  private RmmCatalogReader() {}

  /**
   * Parses {@code text} as the catalog file {@code fileName}.
   *
   * @throws RmmCatalogException with one positioned problem when the file is not a valid entry
   */
  public static RmmTool read(String fileName, String text) {
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(fileName).build();
      Optional<Node> root = new Compose(settings).composeString(text);
      if (root.isEmpty()) {
        throw problem(fileName, 1, "empty catalog file");
      }
      return tool(new Mapping(root.get()));
    } catch (Failure f) {
      throw problem(fileName, f.line, f.getMessage());
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw problem(fileName, line, "malformed YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw problem(fileName, 0, "malformed YAML: " + e.getMessage());
    }
  }

  private static RmmCatalogException problem(String file, int line, String message) {
    return new RmmCatalogException(List.of(new CatalogProblem(file, line, message)));
  }

  private static final Set<String> TOOL_KEYS = Set.of(
      "id", "name", "aliases", "vendor", "website", "category", "attack", "platforms", "indicators", "rules");
  private static final Set<String> RULE_KEYS = Set.of("id", "kind", "name", "provenance", "query");
  private static final Set<String> PROVENANCE_KEYS = Set.of("source", "file");

  /** Keys of an indicator besides kind, confidence and provenance. */
  private static Set<String> valueKeys(IndicatorKind kind) {
    return switch (kind) {
      case PE_VERSION_INFO -> Set.of("company", "product", "originalFileName");
      case PROCESS_NAME, SIGNER, SERVICE_NAME -> Set.of("name");
      case PATH -> Set.of("path");
      case DOMAIN -> Set.of("domain", "ports");
      case REGISTRY_KEY -> Set.of("key");
    };
  }

  private static RmmTool tool(Mapping m) {
    m.allowOnly(TOOL_KEYS);
    String id = m.requiredString("id");
    String name = m.requiredString("name");
    List<String> aliases = m.stringList("aliases");
    String vendor = m.optionalString("vendor");
    String website = m.optionalString("website");
    Category category = category(m);
    List<String> attack = m.stringList("attack");
    List<String> platforms = m.stringList("platforms");
    List<Indicator> indicators = new ArrayList<>();
    for (Node n : m.nodeList("indicators")) {
      indicators.add(indicator(n));
    }
    List<KeptRule> rules = new ArrayList<>();
    for (Node n : m.nodeList("rules")) {
      rules.add(keptRule(n));
    }
    m.rejectUnknown();
    try {
      return new RmmTool(
          id, name, aliases, vendor, website, category, attack, platforms, indicators, rules);
    } catch (IllegalArgumentException e) {
      throw new Failure(m.node, e.getMessage());
    }
  }

  private static Category category(Mapping m) {
    String text = m.requiredString("category");
    try {
      return Category.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new Failure(m.get("category"), "category must be RMM or RAT, not '" + text + "'");
    }
  }

  private static Indicator indicator(Node node) {
    Mapping m = new Mapping(node);
    String kindText = m.requiredString("kind");
    IndicatorKind kind = IndicatorKind.fromYaml(kindText);
    if (kind == null) {
      throw new Failure(m.get("kind"), "unknown indicator kind '" + kindText + "'");
    }
    Set<String> allowed = new HashSet<>(valueKeys(kind));
    allowed.addAll(Set.of("kind", "confidence", "provenance"));
    m.allowOnly(allowed);
    Confidence confidence = confidence(m);
    Provenance provenance = provenance(m);
    try {
      Indicator indicator = build(kind, m, confidence, provenance);
      m.rejectUnknown();
      return indicator;
    } catch (IllegalArgumentException e) {
      throw new Failure(node, e.getMessage());
    }
  }

  private static Indicator build(IndicatorKind kind, Mapping m, Confidence c, Provenance p) {
    return switch (kind) {
      case PE_VERSION_INFO ->
          new Indicator.PeVersionInfo(
              m.stringList("company"), m.stringList("product"), m.stringList("originalFileName"), c, p);
      case PROCESS_NAME -> new Indicator.ProcessName(m.requiredString("name"), c, p);
      case PATH -> new Indicator.Path(m.requiredString("path"), c, p);
      case SIGNER -> new Indicator.Signer(m.requiredString("name"), c, p);
      case DOMAIN -> new Indicator.Domain(m.requiredString("domain"), ports(m), c, p);
      case REGISTRY_KEY -> new Indicator.RegistryKey(m.requiredString("key"), c, p);
      case SERVICE_NAME -> new Indicator.ServiceName(m.requiredString("name"), c, p);
    };
  }

  private static List<Integer> ports(Mapping m) {
    List<Integer> ports = new ArrayList<>();
    for (Node n : m.nodeList("ports")) {
      try {
        ports.add(Integer.parseInt(YamlNodes.scalar(n)));
      } catch (NumberFormatException e) {
        throw new Failure(n, "port is not a number: '" + YamlNodes.scalar(n) + "'");
      }
    }
    return ports;
  }

  private static Confidence confidence(Mapping m) {
    String text = m.requiredString("confidence");
    Confidence c = Confidence.fromYaml(text);
    if (c == null) {
      throw new Failure(m.get("confidence"), "confidence must be high, medium or low, not '" + text + "'");
    }
    return c;
  }

  private static Provenance provenance(Mapping owner) {
    Node node = owner.get("provenance");
    if (node == null) {
      throw new Failure(owner.node, "missing required key 'provenance'");
    }
    Mapping m = new Mapping(node);
    m.allowOnly(PROVENANCE_KEYS);
    String sourceText = m.requiredString("source");
    Source source = Source.fromYaml(sourceText);
    if (source == null) {
      throw new Failure(m.get("source"), "unknown provenance source '" + sourceText + "'");
    }
    String file = m.requiredString("file");
    m.rejectUnknown();
    return new Provenance(source, file);
  }

  private static KeptRule keptRule(Node node) {
    Mapping m = new Mapping(node);
    m.allowOnly(RULE_KEYS);
    String kindText = m.requiredString("kind");
    RmmRuleKind kind = RmmRuleKind.fromSlug(kindText);
    if (kind == null) {
      throw new Failure(m.get("kind"), "unknown rule kind '" + kindText + "'");
    }
    try {
      KeptRule rule =
          new KeptRule(
              m.requiredString("id"), kind, m.requiredString("name"), m.requiredString("query"),
              provenance(m));
      m.rejectUnknown();
      return rule;
    } catch (IllegalArgumentException e) {
      throw new Failure(node, e.getMessage());
    }
  }
}
