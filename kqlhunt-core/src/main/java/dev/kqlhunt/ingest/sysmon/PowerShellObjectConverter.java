package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.ingest.evtx.XmlElement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one {@code <Object>} of PowerShell's {@code Get-WinEvent | ConvertTo-Xml} output into a
 * {@link SysmonEvent}. That output lists the EventLogRecord's properties ({@code Id}, {@code
 * ProviderName}, {@code LogName}, {@code MachineName}, {@code RecordId}, {@code Message}, …) but,
 * at the default depth, not the EventData names. Sysmon's message repeats every EventData field as
 * a {@code Name: value} line under a title line, so the fields are recovered from it; a line that
 * does not start with a field name continues the previous value (a multi-line command line). Other
 * providers' messages use prose labels, so their EventData cannot be recovered: they keep only the
 * System fields. {@code TimeCreated} is written in the exporting machine's culture and time zone
 * and is not used.
 */
final class PowerShellObjectConverter {
  private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9]*):(?: (.*))?$");

  private PowerShellObjectConverter() {}

  static SysmonEvent convert(XmlElement object) {
    Map<String, String> properties = new HashMap<>();
    for (XmlElement p : object.elements()) {
      String name = p.attribute("Name");
      if (p.name().equals("Property") && name != null) {
        properties.put(name, p.text());
      }
    }
    if (!properties.containsKey("Id")) {
      throw new BadEventException(
          SysmonCode.NOT_AN_EVENT, "PowerShell object without an Id property");
    }
    String provider = properties.get("ProviderName");
    boolean sysmon = SysmonEvent.SYSMON_PROVIDER.equalsIgnoreCase(provider);
    return new SysmonEvent(
        EventFieldText.parseEventId(properties.get("Id")),
        provider,
        properties.get("LogName"),
        properties.get("MachineName"),
        EventFieldText.parseRecordId(properties.get("RecordId")),
        null,
        sysmon ? messageFields(properties.get("Message")) : Map.of());
  }

  /** {@code Title:\nName: value\nName: value…} → the name/value pairs, title skipped. */
  static Map<String, String> messageFields(String message) {
    Map<String, String> out = new LinkedHashMap<>();
    if (message == null) {
      return out;
    }
    String[] lines = message.stripTrailing().split("\r?\n", -1);
    String last = null;
    for (int i = 1; i < lines.length; i++) {
      Matcher m = FIELD.matcher(lines[i]);
      if (m.matches()) {
        last = m.group(1);
        out.put(last, m.group(2) == null ? "" : m.group(2));
      } else if (last != null) {
        out.put(last, out.get(last) + "\n" + lines[i]);
      }
    }
    return out;
  }
}
