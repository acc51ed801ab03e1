package dev.kqlhunt.ingest.evtx;

import java.util.List;

/**
 * Binary XML as parsed, before substitution: template bodies contain {@link Substitution}
 * placeholders that are filled from each template instance's values when rendered.
 */
sealed interface BinXmlNode {
  record Element(String name, List<Attribute> attributes, List<BinXmlNode> children)
      implements BinXmlNode {}

  /** An attribute's value is a list of text/substitution nodes (almost always exactly one). */
  record Attribute(String name, List<BinXmlNode> value) {}

  record Text(String text) implements BinXmlNode {}

  /** A placeholder for value {@code index} of the enclosing template instance. */
  record Substitution(int index, boolean optional) implements BinXmlNode {}

  /**
   * A template instance: the template body plus its values. A value is null (absent), a String
   * (already rendered text) or a {@code List<BinXmlNode>} (an embedded binary XML fragment).
   */
  record TemplateInstance(List<BinXmlNode> body, List<Object> values) implements BinXmlNode {}
}
