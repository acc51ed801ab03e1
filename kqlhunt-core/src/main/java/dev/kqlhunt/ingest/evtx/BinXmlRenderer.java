package dev.kqlhunt.ingest.evtx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills template substitutions and turns {@link BinXmlNode}s into {@link XmlNode}s. An optional
 * substitution whose value is absent renders nothing (an attribute made only of such a value is
 * dropped), which is what Windows does.
 */
final class BinXmlRenderer {
  private static final int MAX_DEPTH = 256;

  private BinXmlRenderer() {}

  /** Renders a record's fragment; the result is its single root element. */
  static XmlElement renderRoot(List<BinXmlNode> fragment) {
    List<XmlNode> nodes = new ArrayList<>();
    render(fragment, List.of(), nodes, 0);
    for (XmlNode node : nodes) {
      if (node instanceof XmlElement e) {
        return e;
      }
    }
    throw new EvtxFormatException("record holds no element");
  }

  private static void render(
      List<BinXmlNode> nodes, List<Object> values, List<XmlNode> out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new EvtxFormatException("substitutions nested deeper than " + MAX_DEPTH);
    }
    for (BinXmlNode node : nodes) {
      switch (node) {
        case BinXmlNode.Element e -> out.add(element(e, values, depth));
        case BinXmlNode.Text t -> out.add(new XmlText(t.text()));
        case BinXmlNode.Substitution s -> substitute(s, values, out, depth);
        case BinXmlNode.TemplateInstance t -> render(t.body(), t.values(), out, depth + 1);
      }
    }
  }

  private static XmlElement element(BinXmlNode.Element e, List<Object> values, int depth) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (BinXmlNode.Attribute a : e.attributes()) {
      List<XmlNode> parts = new ArrayList<>();
      render(a.value(), values, parts, depth + 1);
      if (!parts.isEmpty()) {
        attributes.put(a.name(), text(parts));
      }
    }
    List<XmlNode> children = new ArrayList<>();
    render(e.children(), values, children, depth + 1);
    return new XmlElement(e.name(), attributes, children);
  }

  @SuppressWarnings("unchecked")
  private static void substitute(
      BinXmlNode.Substitution s, List<Object> values, List<XmlNode> out, int depth) {
    if (s.index() >= values.size()) {
      throw new EvtxFormatException(
          "substitution "
              + s.index()
              + " but the template instance has "
              + values.size()
              + " values");
    }
    Object value = values.get(s.index());
    if (value instanceof String text) {
      out.add(new XmlText(text));
    } else if (value instanceof List<?> fragment) {
      render((List<BinXmlNode>) fragment, List.of(), out, depth + 1);
    }
  }

  private static String text(List<XmlNode> parts) {
    StringBuilder out = new StringBuilder();
    for (XmlNode part : parts) {
      if (part instanceof XmlText t) {
        out.append(t.text());
      }
    }
    return out.toString();
  }
}
