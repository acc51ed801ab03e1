package dev.kqlhunt.rmm.allow;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.rules.LoadResult;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads an allow-list file (format in docs/RMM.md, section "Allow-list"). Never throws on bad input:
 * every problem is a diagnostic with a span in the file; an entry with an error is left out, the
 * others are kept. Tools are resolved against the catalog by id, name or alias.
 */
public final class AllowListLoader {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
  private static final List<String> TOP_KEYS = List.of("allow");
  private static final List<String> ENTRY_KEYS =
      List.of("id", "tool", "owner", "ticket", "expires", "pins", "scope", "reason");
  private static final List<String> PIN_KEYS = List.of("paths", "signers", "domains");
  private static final List<String> SCOPE_KEYS = List.of("devices", "deviceNames", "accounts");
  /** Folders any user can write to: a pin there allows a dropped portable copy. */
  private static final List<String> USER_WRITABLE =
      List.of("\\users\\", "\\downloads\\", "\\temp\\", "\\appdata\\", "\\programdata\\", "\\windows\\temp\\");

  private final RmmCatalog catalog;

  public AllowListLoader(RmmCatalog catalog) {
    this.catalog = java.util.Objects.requireNonNull(catalog, "catalog is null");
  }

  public LoadResult<AllowList> load(Path path) {
    try {
      return load(SourceText.of(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      SourceText empty = SourceText.of(path.toString(), "");
      return new LoadResult<>(null, empty,
          List.of(Diagnostic.error(AllowListErrors.STRUCTURE, TextSpan.EMPTY, "cannot read file: " + e.getMessage())));
    }
  }

  public LoadResult<AllowList> load(SourceText file) {
    List<Diagnostic> diags = new ArrayList<>();
    Node root;
    try {
      Optional<Node> composed = new Compose(LoadSettings.builder().setLabel(file.name()).build())
          .composeString(file.text());
      if (composed.isEmpty()) {
        diags.add(Diagnostic.error(AllowListErrors.STRUCTURE, TextSpan.EMPTY, "the file holds no YAML document"));
        return new LoadResult<>(null, file, diags);
      }
      root = composed.get();
    } catch (MarkedYamlEngineException e) {
      int at = e.getProblemMark().map(m -> Math.min(m.getIndex(), file.length())).orElse(0);
      diags.add(Diagnostic.error(AllowListErrors.YAML_SYNTAX, new TextSpan(at, 0), e.getProblem()));
      return new LoadResult<>(null, file, diags);
    } catch (YamlEngineException e) {
      diags.add(Diagnostic.error(AllowListErrors.YAML_SYNTAX, TextSpan.EMPTY, e.getMessage()));
      return new LoadResult<>(null, file, diags);
    }
    Map<String, Node> top = mapping(root, "the file", TOP_KEYS, diags);
    if (top == null) return new LoadResult<>(null, file, diags);
    Node allow = top.get("allow");
    if (!(allow instanceof SequenceNode seq)) {
      diags.add(Diagnostic.error(allow == null ? AllowListErrors.MISSING_FIELD : AllowListErrors.STRUCTURE,
          span(allow == null ? root : allow), allow == null ? "allow" : "'allow' must be a list of entries"));
      return new LoadResult<>(null, file, diags);
    }
    List<AllowEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Node n : seq.getValue()) {
      AllowEntry e = entry(n, diags);
      if (e == null) continue;
      if (!ids.add(e.id().toLowerCase(Locale.ROOT))) {
        diags.add(Diagnostic.error(AllowListErrors.DUPLICATE_ID, e.span(), e.id()));
        continue;
      }
      entries.add(e);
    }
    return new LoadResult<>(new AllowList(file, entries), file, diags);
  }

  private AllowEntry entry(Node node, List<Diagnostic> diags) {
    int before = countErrors(diags);
    Map<String, Node> m = mapping(node, "an allow-list entry", ENTRY_KEYS, diags);
    if (m == null) return null;
    String id = required(m, "id", node, diags);
    if (id != null && !ID.matcher(id).matches()) {
      diags.add(Diagnostic.error(AllowListErrors.INVALID_ID, span(m.get("id")), id));
    }
    String toolText = required(m, "tool", node, diags);
    String toolId = null;
    if (toolText != null) {
      Optional<RmmTool> tool = catalog.find(toolText);
      if (tool.isEmpty()) diags.add(Diagnostic.error(AllowListErrors.UNKNOWN_TOOL, span(m.get("tool")), toolText));
      else toolId = tool.get().id();
    }
    String owner = required(m, "owner", node, diags);
    String ticket = required(m, "ticket", node, diags);
    String expiresText = required(m, "expires", node, diags);
    LocalDate expires = null;
    if (expiresText != null) {
      try {
        expires = LocalDate.parse(expiresText);
      } catch (DateTimeParseException ex) {
        diags.add(Diagnostic.error(AllowListErrors.INVALID_DATE, span(m.get("expires")), expiresText));
      }
    }
    Map<String, Node> pins = m.get("pins") == null ? Map.of() : mapping(m.get("pins"), "pins", PIN_KEYS, diags);
    Map<String, Node> scope = m.get("scope") == null ? Map.of() : mapping(m.get("scope"), "scope", SCOPE_KEYS, diags);
    if (pins == null || scope == null) return null;
    List<String> paths = strings(pins.get("paths"), diags);
    if (paths.isEmpty()) {
      diags.add(Diagnostic.error(AllowListErrors.NO_PATH_PIN, span(m.get("pins") == null ? node : m.get("pins")), id));
    }
    for (String p : paths) {
      String lower = p.toLowerCase(Locale.ROOT).replace('/', '\\');
      for (String w : USER_WRITABLE) {
        if (lower.contains(w)) {
          diags.add(Diagnostic.warning(AllowListErrors.USER_WRITABLE_PATH, span(pins.get("paths")), p));
          break;
        }
      }
    }
    List<String> signers = strings(pins.get("signers"), diags);
    List<String> domains = strings(pins.get("domains"), diags);
    List<String> devices = strings(scope.get("devices"), diags);
    List<String> patterns = strings(scope.get("deviceNames"), diags);
    List<String> accounts = strings(scope.get("accounts"), diags);
    for (List<String> globs : List.of(paths, domains, patterns)) {
      for (String g : globs) {
        if (g.replace("*", "").replace(".", "").isBlank()) {
          diags.add(Diagnostic.error(AllowListErrors.MATCHES_EVERYTHING, span(node), g));
        }
      }
    }
    if (countErrors(diags) > before) return null;
    return new AllowEntry(id, toolId, paths, signers, domains, devices, patterns, accounts, owner, ticket, expires,
        span(node));
  }

  private static int countErrors(List<Diagnostic> diags) {
    int n = 0;
    for (Diagnostic d : diags) if (d.isError()) n++;
    return n;
  }

  /** A mapping's entries by key; unknown keys reported. Null (and a diagnostic) when not a mapping. */
  private static Map<String, Node> mapping(Node node, String what, List<String> known, List<Diagnostic> diags) {
    if (!(node instanceof MappingNode mn)) {
      diags.add(Diagnostic.error(AllowListErrors.STRUCTURE, span(node), what + " must be a mapping (key: value)"));
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mn.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
      if (!known.contains(key)) {
        diags.add(Diagnostic.error(AllowListErrors.UNKNOWN_KEY, span(t.getKeyNode()), key, String.join(", ", known)));
      } else if (out.put(key, t.getValueNode()) != null) {
        diags.add(Diagnostic.error(AllowListErrors.STRUCTURE, span(t.getKeyNode()), "duplicate key '" + key + "'"));
      }
    }
    return out;
  }

  private static String required(Map<String, Node> m, String key, Node owner, List<Diagnostic> diags) {
    Node n = m.get(key);
    if (n == null) {
      diags.add(Diagnostic.error(AllowListErrors.MISSING_FIELD, span(owner), key));
      return null;
    }
    if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
      diags.add(Diagnostic.error(AllowListErrors.STRUCTURE, span(n), "'" + key + "' must be a non-empty text"));
      return null;
    }
    return s.getValue().trim();
  }

  /** A list of texts; a single scalar is read as a one-element list. Null node = empty list. */
  private static List<String> strings(Node node, List<Diagnostic> diags) {
    if (node == null) return List.of();
    List<Node> items;
    if (node instanceof ScalarNode s) {
      items = s.getValue().isBlank() ? List.of() : List.of(node);
    } else if (node instanceof SequenceNode seq) {
      items = seq.getValue();
    } else {
      diags.add(Diagnostic.error(AllowListErrors.STRUCTURE, span(node), "expected a list of texts"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node n : items) {
      if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
        diags.add(Diagnostic.error(AllowListErrors.STRUCTURE, span(n), "expected a non-empty text"));
      } else if (s.getValue().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        // a control character cannot be written into the KQL literals the compiler emits
        diags.add(Diagnostic.error(AllowListErrors.STRUCTURE, span(n), "control character in '" + s.getValue().strip() + "'"));
      } else {
        out.add(s.getValue().trim());
      }
    }
    return out;
  }

  private static TextSpan span(Node node) {
    int start = node.getStartMark().map(mk -> mk.getIndex()).orElse(0);
    int end = node.getEndMark().map(mk -> mk.getIndex()).orElse(start);
    // a block node's end mark is the start of the next node: keep the span on the node's first line
    return new TextSpan(start, Math.max(0, Math.min(end - start, 1)));
  }
}
