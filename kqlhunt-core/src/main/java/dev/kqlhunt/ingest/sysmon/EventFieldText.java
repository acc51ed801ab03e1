package dev.kqlhunt.ingest.sysmon;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Small conversions shared by the format converters: identifiers and JSON values as text. */
final class EventFieldText {
  private EventFieldText() {}

  static int parseEventId(String text) {
    if (text == null || text.isBlank()) {
      throw new BadEventException(SysmonCode.NOT_AN_EVENT, "no EventID");
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BadEventException(
          SysmonCode.NOT_AN_EVENT, "EventID '" + text + "' is not a number");
    }
  }

  /** Null for a missing record id; a malformed one is an error rather than silently dropped. */
  static Long parseRecordId(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadEventException(
          SysmonCode.NOT_AN_EVENT, "EventRecordID '" + text + "' is not a number");
    }
  }

  /**
   * A JSON value as the text Windows would have rendered: numbers in plain decimal, booleans as
   * {@code true}/{@code false}, null as null; an object with {@code #text} (evtx_dump) as that
   * text; other objects and arrays as compact JSON.
   */
  static String text(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Long l -> l.toString();
      case BigDecimal d -> d.toPlainString();
      case Double d ->
          d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
      case Boolean b -> b.toString();
      case Map<?, ?> m when m.containsKey("#text") -> text(m.get("#text"));
      case Map<?, ?> m -> dev.kqlhunt.json.Json.write(m);
      case List<?> l -> dev.kqlhunt.json.Json.write(l);
      default -> value.toString();
    };
  }
}
