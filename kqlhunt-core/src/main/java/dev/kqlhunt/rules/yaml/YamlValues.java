package dev.kqlhunt.rules.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Converts YAML nodes to plain, unmodifiable Java values: mappings to {@code Map<String, Object>} in
 * file order, sequences to {@code List<Object>}, scalars to their text ({@code String}), and plain
 * nulls ({@code ~}, {@code null}, empty) to {@code null}. Scalars stay text on purpose: rule files are
 * re-emitted or shown as written, and typed fields are parsed by their readers with proper diagnostics.
 */
public final class YamlValues {
  private YamlValues() {}

  public static Object toPlain(Node node) {
    return switch (node) {
      case ScalarNode s -> YamlMap.isNull(s) ? null : s.getValue();
      case SequenceNode seq -> {
        List<Object> out = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) out.add(toPlain(item));
        yield Collections.unmodifiableList(out);
      }
      case MappingNode map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
          Object key = toPlain(t.getKeyNode());
          out.put(String.valueOf(key), toPlain(t.getValueNode()));
        }
        yield Collections.unmodifiableMap(out);
      }
      default -> null;
    };
  }
}
