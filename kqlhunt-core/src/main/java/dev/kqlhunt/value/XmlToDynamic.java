package dev.kqlhunt.value;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@code parse_xml(xml)} (parse-xml-function.md): an element becomes a property named after it; an
 * empty element is null; an element with only text is that text; attributes are {@code @name}
 * properties and text beside attributes or children is {@code #text}; repeated child names become
 * an array. Only elements, attributes and text count. Input over 1 MB, invalid XML, DTDs and
 * external entities give null (the parser is configured so hostile input cannot reach files or
 * expand entities). Thread-safe.
 */
public final class XmlToDynamic {
  private static final int MAX_CHARS = 1_048_576;

  private XmlToDynamic() {}

  public static Dynamic parse(String xml) {
    if (xml == null || xml.isBlank() || xml.length() > MAX_CHARS) return Dynamic.NULL;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new DefaultHandler()); // no stderr noise on invalid input
      Element root = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
      Map<String, Dynamic> top = new LinkedHashMap<>();
      top.put(root.getTagName(), element(root));
      return new Dynamic.DynBag(top);
    } catch (Exception e) {
      return Dynamic.NULL;
    }
  }

  private static Dynamic element(Element e) {
    Map<String, Dynamic> props = new LinkedHashMap<>();
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      props.put("@" + a.getNodeName(), Dynamic.of(a.getNodeValue()));
    }
    StringBuilder text = new StringBuilder();
    Map<String, List<Dynamic>> children = new LinkedHashMap<>();
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      switch (n.getNodeType()) {
        case Node.ELEMENT_NODE -> children.computeIfAbsent(n.getNodeName(), k -> new ArrayList<>()).add(element((Element) n));
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(n.getNodeValue());
        default -> { }
      }
    }
    String t = text.toString().trim();
    if (props.isEmpty() && children.isEmpty()) return t.isEmpty() ? Dynamic.NULL : Dynamic.of(t);
    if (!t.isEmpty()) props.put("#text", Dynamic.of(t));
    children.forEach((name, list) -> props.put(name, list.size() == 1 ? list.get(0) : new Dynamic.DynArray(list)));
    return new Dynamic.DynBag(props);
  }
}
