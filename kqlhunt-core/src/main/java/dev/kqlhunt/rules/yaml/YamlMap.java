package dev.kqlhunt.rules.yaml;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.RuleErrors;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A read view over one YAML mapping node that reports shape problems as positioned diagnostics instead
 * of throwing. Keys are matched exactly (Sentinel's keys are case-sensitive camelCase). A duplicate key
 * keeps the last value, as YAML loaders do, and is reported as a warning.
 */
public final class YamlMap {
  private final YamlDocument doc;
  private final Node node;
  private final Map<String, NodeTuple> entries;
  private final List<Diagnostic> sink;

  private YamlMap(YamlDocument doc, Node node, Map<String, NodeTuple> entries, List<Diagnostic> sink) {
    this.doc = doc;
    this.node = node;
    this.entries = entries;
    this.sink = sink;
  }

  /** A view of {@code node} if it is a mapping; otherwise reports KQL3003 for {@code what} and is empty. */
  public static Optional<YamlMap> of(YamlDocument doc, Node node, String what, List<Diagnostic> sink) {
    if (!(node instanceof MappingNode mapping)) {
      sink.add(Diagnostic.error(RuleErrors.EXPECTED_MAPPING, doc.span(node), what, describe(node)));
      return Optional.empty();
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
      if (entries.put(key, tuple) != null) {
        sink.add(Diagnostic.warning(RuleErrors.DUPLICATE_KEY, doc.span(tuple.getKeyNode()), key));
      }
    }
    return Optional.of(new YamlMap(doc, node, entries, sink));
  }

  public YamlDocument document() {
    return doc;
  }

  public List<Diagnostic> sink() {
    return sink;
  }

  public TextSpan span() {
    return doc.span(node);
  }

  public Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  public Optional<Node> get(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
  }

  /** Span of the value of {@code key}, or of the key itself when the value is empty, or of the map. */
  public TextSpan spanOf(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) return span();
    TextSpan value = doc.span(tuple.getValueNode());
    return value.length() == 0 ? doc.span(tuple.getKeyNode()) : value;
  }

  /** Span of the key itself, for "this field is not allowed here" diagnostics. */
  public TextSpan keySpan(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? span() : doc.span(tuple.getKeyNode());
  }

  /** A scalar value as text; absent when missing or YAML null; reports KQL3005 for a non-scalar. */
  public Optional<String> string(String key) {
    Optional<Node> value = get(key);
    if (value.isEmpty()) return Optional.empty();
    if (!(value.get() instanceof ScalarNode scalar)) {
      sink.add(Diagnostic.error(RuleErrors.WRONG_TYPE, spanOf(key), key, "a scalar", describe(value.get())));
      return Optional.empty();
    }
    return isNull(scalar) ? Optional.empty() : Optional.of(scalar.getValue());
  }

  /** Like {@link #string} but reports KQL3004 when missing or empty. */
  public Optional<String> requiredString(String key) {
    Optional<String> value = string(key);
    if (value.isEmpty() || value.get().isBlank()) {
      if (get(key).isEmpty() || get(key).get() instanceof ScalarNode) {
        sink.add(Diagnostic.error(RuleErrors.MISSING_FIELD, get(key).isPresent() ? spanOf(key) : span(), key));
      }
      return Optional.empty();
    }
    return value;
  }

  /**
   * A list of scalars that real files also write as one scalar ({@code tactics: CommandAndControl}); a
   * single scalar holding commas is split too, as some public files write {@code tactics: A, B}.
   */
  public List<Located<String>> stringList(String key) {
    Optional<Node> value = get(key);
    List<Located<String>> out = new ArrayList<>();
    if (value.isEmpty()) return out;
    Node n = value.get();
    if (n instanceof ScalarNode scalar) {
      if (!isNull(scalar)) splitScalar(scalar, out);
    } else if (n instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s) {
          if (!isNull(s)) out.add(new Located<>(s.getValue().trim(), doc.span(s)));
        } else {
          sink.add(Diagnostic.error(RuleErrors.WRONG_TYPE, doc.span(item), key + "[]", "a scalar", describe(item)));
        }
      }
    } else {
      sink.add(Diagnostic.error(RuleErrors.WRONG_TYPE, spanOf(key), key, "a list or a scalar", describe(n)));
    }
    return out;
  }

  /** The mappings of a list-valued field; non-mapping items are reported and skipped. */
  public List<YamlMap> mapList(String key) {
    Optional<Node> value = get(key);
    List<YamlMap> out = new ArrayList<>();
    if (value.isEmpty() || value.get() instanceof ScalarNode s && isNull(s)) return out;
    if (!(value.get() instanceof SequenceNode seq)) {
      sink.add(Diagnostic.error(RuleErrors.WRONG_TYPE, spanOf(key), key, "a list", describe(value.get())));
      return out;
    }
    for (Node item : seq.getValue()) {
      of(doc, item, key + " item", sink).ifPresent(out::add);
    }
    return out;
  }

  /** A nested mapping, absent when missing or null. */
  public Optional<YamlMap> map(String key) {
    Optional<Node> value = get(key);
    if (value.isEmpty() || value.get() instanceof ScalarNode s && isNull(s)) return Optional.empty();
    return of(doc, value.get(), key, sink);
  }

  /** Every entry except {@code known}, converted to plain Java values (see {@link YamlValues}). */
  public Map<String, Object> unknownFields(Set<String> known) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) out.put(e.getKey(), YamlValues.toPlain(e.getValue().getValueNode()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** This whole mapping as plain Java values. */
  public Map<String, Object> toPlain() {
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) YamlValues.toPlain(node);
    return plain;
  }

  private void splitScalar(ScalarNode scalar, List<Located<String>> out) {
    String text = scalar.getValue();
    TextSpan whole = doc.span(scalar);
    for (String part : text.split(",")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) continue;
      // Point at the item itself when the scalar is written as is (plain, one line); else the whole.
      int at = text.indexOf(trimmed);
      boolean plainOneLine = whole.length() == text.length();
      TextSpan span = plainOneLine ? new TextSpan(whole.start() + at, trimmed.length()) : whole;
      out.add(new Located<>(trimmed, span));
    }
  }

  static boolean isNull(ScalarNode scalar) {
    if (scalar.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN) return false;
    String v = scalar.getValue();
    return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
  }

  static String describe(Node node) {
    return switch (node.getNodeType()) {
      case SCALAR -> "a scalar";
      case SEQUENCE -> "a list";
      case MAPPING -> "a mapping";
      case ANCHOR -> "an anchor";
    };
  }
}
