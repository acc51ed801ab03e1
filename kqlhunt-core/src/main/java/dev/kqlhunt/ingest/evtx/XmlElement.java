package dev.kqlhunt.ingest.evtx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An element with its local name (namespace prefixes dropped: event XML uses one default
 * namespace), attributes in document order and children. Immutable.
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlNode> children)
    implements XmlNode {
  public XmlElement {
    Objects.requireNonNull(name, "name is null");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    children = List.copyOf(children);
  }

  /** The attribute value, or null. */
  public String attribute(String attributeName) {
    return attributes.get(attributeName);
  }

  /** The first child element with this local name, or null. */
  public XmlElement child(String childName) {
    for (XmlNode node : children) {
      if (node instanceof XmlElement e && e.name.equals(childName)) {
        return e;
      }
    }
    return null;
  }

  /** The child elements, in order. */
  public List<XmlElement> elements() {
    List<XmlElement> out = new ArrayList<>();
    for (XmlNode node : children) {
      if (node instanceof XmlElement e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The concatenated text of the direct text children ("" when there is none). */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (XmlNode node : children) {
      if (node instanceof XmlText t) {
        out.append(t.text());
      }
    }
    return out.toString();
  }

  /** The text of the first child element with this name, or null when there is no such child. */
  public String childText(String childName) {
    XmlElement e = child(childName);
    return e == null ? null : e.text();
  }
}
