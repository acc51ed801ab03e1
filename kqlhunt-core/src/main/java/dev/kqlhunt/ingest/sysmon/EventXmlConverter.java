package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.ingest.evtx.XmlElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a rendered {@code <Event>} element (from XML text or from EVTX) into a {@link SysmonEvent}.
 * EventData {@code <Data Name="X">v</Data>} becomes X → v; unnamed Data elements become {@code
 * Data1}, {@code Data2}, …; a UserData payload is flattened one level (its child elements by name).
 */
final class EventXmlConverter {
  private EventXmlConverter() {}

  static SysmonEvent convert(XmlElement event) {
    if (!event.name().equals("Event")) {
      throw new BadEventException(SysmonCode.NOT_AN_EVENT, "root element <" + event.name() + ">");
    }
    XmlElement system = event.child("System");
    if (system == null) {
      throw new BadEventException(SysmonCode.NOT_AN_EVENT, "no <System> element");
    }
    int eventId = EventFieldText.parseEventId(system.childText("EventID"));
    XmlElement provider = system.child("Provider");
    XmlElement created = system.child("TimeCreated");
    return new SysmonEvent(
        eventId,
        provider == null ? null : provider.attribute("Name"),
        system.childText("Channel"),
        system.childText("Computer"),
        EventFieldText.parseRecordId(system.childText("EventRecordID")),
        created == null ? null : created.attribute("SystemTime"),
        data(event));
  }

  private static Map<String, String> data(XmlElement event) {
    Map<String, String> out = new LinkedHashMap<>();
    XmlElement eventData = event.child("EventData");
    if (eventData != null) {
      int unnamed = 0;
      for (XmlElement d : eventData.elements()) {
        String name = d.attribute("Name");
        out.put(name != null ? name : d.name() + (++unnamed), d.text());
      }
    }
    XmlElement userData = event.child("UserData");
    if (userData != null) {
      for (XmlElement payload : userData.elements()) {
        for (XmlElement field : payload.elements()) {
          out.put(field.name(), field.text());
        }
      }
    }
    return out;
  }
}
