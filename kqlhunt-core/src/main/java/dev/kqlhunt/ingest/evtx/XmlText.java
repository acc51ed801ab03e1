package dev.kqlhunt.ingest.evtx;

import java.util.Objects;

/** Character content of an element, entities already resolved. */
public record XmlText(String text) implements XmlNode {
  public XmlText {
    Objects.requireNonNull(text, "text is null");
  }
}
