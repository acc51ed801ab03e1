package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.ingest.FormatReader;
import dev.kqlhunt.ingest.InputSource;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.evtx.XmlElement;
import dev.kqlhunt.ingest.evtx.XmlNode;
import dev.kqlhunt.ingest.evtx.XmlText;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Windows events as XML text (format {@code sysmon-xml}): the {@code <Event>} elements that
 * {@code wevtutil qe /f:xml} prints back to back (no root element), or wrapped in {@code <Events>}
 * as Event Viewer's "Save as XML" and {@code Get-WinEvent | % ToXml()} scripts write them; and
 * PowerShell's {@code Get-WinEvent | ConvertTo-Xml} shape ({@code <Objects><Object><Property
 * Name=..>}), whose EventData is recovered from the Sysmon message text ({@link
 * PowerShellObjectConverter}). Every {@code <Event>} or {@code <Object>} at any depth is one
 * record.
 *
 * <p>Streaming (StAX): memory is one event. DTDs and external entities are disabled. XML that is
 * not well-formed ends the input with one reject at the line of the error (StAX cannot
 * resynchronise).
 */
public final class SysmonXmlReader implements FormatReader {
  private static final String ROOT = "kqlhunt-events";

  @Override
  public long read(InputSource source, ReadOptions options, RecordSink sink) throws IOException {
    SysmonEmitter emitter = new SysmonEmitter(source.name(), sink, new SysmonMapper());
    Reader body = new InputStreamReader(source.openStream(), StandardCharsets.UTF_8);
    try {
      XMLStreamReader xml = factory().createXMLStreamReader(wrap(body));
      readEvents(xml, emitter);
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      emitter.reject(line, -1, "", SysmonCode.MALFORMED_XML, e.getMessage());
    }
    return emitter.read();
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /**
   * Gives concatenated {@code <Event>}s a root: the XML declaration (if any) is dropped and the
   * rest wrapped in a synthetic element. The declaration's line break is kept, so line numbers
   * hold.
   */
  private static Reader wrap(Reader body) throws IOException {
    char[] head = new char[4096];
    int n = 0;
    for (int r; n < head.length && (r = body.read(head, n, head.length - n)) > 0; ) {
      n += r;
    }
    String start = new String(head, 0, n);
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1);
    }
    if (start.startsWith("<?xml")) {
      int end = start.indexOf("?>");
      start = end < 0 ? start : start.substring(end + 2);
    }
    return new ConcatReader(
        List.of(
            new StringReader("<" + ROOT + ">"),
            new StringReader(start),
            body,
            new StringReader("</" + ROOT + ">")));
  }

  private static void readEvents(XMLStreamReader xml, SysmonEmitter emitter)
      throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      long line = xml.getLocation().getLineNumber();
      String name = xml.getLocalName();
      if (name.equals("Event") || name.equals("Object")) {
        XmlElement element = element(xml);
        try {
          SysmonEvent event =
              name.equals("Event")
                  ? EventXmlConverter.convert(element)
                  : PowerShellObjectConverter.convert(element);
          emitter.event(event, line, -1, "");
        } catch (BadEventException e) {
          emitter.reject(line, -1, "", e.code(), e.args());
        }
      }
    }
  }

  /** Reads the element the reader is positioned on, through its end tag. */
  private static XmlElement element(XMLStreamReader xml) throws XMLStreamException {
    String name = xml.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
    List<XmlNode> children = new ArrayList<>();
    while (true) {
      int kind = xml.next();
      switch (kind) {
        case XMLStreamConstants.START_ELEMENT -> children.add(element(xml));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            addText(children, xml.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlElement(name, attributes, children);
        }
        default -> {}
      }
    }
  }

  /** Whitespace between elements is layout, not content; text inside Data is kept verbatim. */
  private static void addText(List<XmlNode> children, String text) {
    if (!text.isBlank()
        || children.isEmpty()
        || children.get(children.size() - 1) instanceof XmlText) {
      children.add(new XmlText(text));
    }
  }
}
