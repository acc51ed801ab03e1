package dev.kqlhunt.rmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Typed access to a composed YAML node tree that keeps positions: every failure is a {@link Failure}
 * carrying the 1-based line of the offending node. Keys not read by the caller are reported by {@link
 * Mapping#rejectUnknown} so a misspelt key fails instead of being ignored.
 */
final class YamlNodes {
  private YamlNodes() {}

  /** A structural error at a line; converted to a {@link CatalogProblem} by the reader. */
  static final class Failure extends RuntimeException {
    final int line;

    Failure(Node at, String message) {
      super(message, null, false, false);
      this.line = lineOf(at);
    }
  }

  static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** A mapping whose keys are plain strings, in document order. */
  static final class Mapping {
    final Node node;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();
    private final java.util.Set<String> read = new java.util.HashSet<>();

    Mapping(Node node) {
      if (!(node instanceof MappingNode m)) {
        throw new Failure(node, "expected a mapping");
      }
      this.node = node;
      for (NodeTuple t : m.getValue()) {
        String key = scalar(t.getKeyNode());
        if (entries.put(key, t.getValueNode()) != null) {
          throw new Failure(t.getKeyNode(), "duplicate key '" + key + "'");
        }
        keys.put(key, t.getKeyNode());
      }
    }

    Node get(String key) {
      read.add(key);
      return entries.get(key);
    }

    String requiredString(String key) {
      Node n = get(key);
      if (n == null || isNull(n)) {
        throw new Failure(node, "missing required key '" + key + "'");
      }
      return scalar(n);
    }

    String optionalString(String key) {
      Node n = get(key);
      return n == null || isNull(n) ? null : scalar(n);
    }

    List<String> stringList(String key) {
      Node n = get(key);
      if (n == null || isNull(n)) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Node item : sequence(n)) {
        out.add(scalar(item));
      }
      return out;
    }

    List<Node> nodeList(String key) {
      Node n = get(key);
      return n == null || isNull(n) ? List.of() : sequence(n);
    }

    /** Fails at the first key not in {@code allowed}, so a misspelt key is named before a missing one. */
    void allowOnly(java.util.Set<String> allowed) {
      for (Map.Entry<String, Node> e : keys.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          throw new Failure(e.getValue(), "unknown key '" + e.getKey() + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
        }
      }
    }

    void rejectUnknown() {
      for (Map.Entry<String, Node> e : keys.entrySet()) {
        if (!read.contains(e.getKey())) {
          throw new Failure(e.getValue(), "unknown key '" + e.getKey() + "'");
        }
      }
    }
  }

  static List<Node> sequence(Node node) {
    if (!(node instanceof SequenceNode s)) {
      throw new Failure(node, "expected a list");
    }
    return s.getValue();
  }

  static String scalar(Node node) {
    if (!(node instanceof ScalarNode s)) {
      throw new Failure(node, "expected a single value");
    }
    return s.getValue();
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s
        && s.isPlain()
        && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
  }
}
