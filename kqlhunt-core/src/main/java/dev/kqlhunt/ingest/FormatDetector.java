package dev.kqlhunt.ingest;

import java.util.Locale;
import java.util.Map;

/**
 * Detects the {@link InputFormat} of an input from its first bytes ({@link InputSource#head()}); the
 * file name is only a tie-breaker. Rules, in order:
 *
 * <ol>
 *   <li>{@code ElfFile\0} → {@link InputFormat#EVTX}; {@code <} → {@link InputFormat#SYSMON_XML};
 *   <li>JSON whose first line is a whole value: its first object's keys decide — {@code
 *       category}+{@code properties} or {@code records} → Streaming API, {@code Schema}/{@code
 *       Results} → Hunting API, the Sysmon shapes (see {@link #sysmonShape}) → theirs, else JSON lines;
 *   <li>JSON whose first line is not a whole value (pretty-printed, or one long array): the first
 *       key decides the same way, else {@link InputFormat#JSON_DOCUMENT};
 *   <li>anything else whose first line has a comma or the name ends in {@code .csv} → {@link
 *       InputFormat#CSV}; otherwise unknown (null).
 * </ol>
 *
 * Cost: parses at most the first line or first element of the head (64 KiB).
 */
public final class FormatDetector {
  private FormatDetector() {}

  /** The detected format, or null when the content matches none. */
  public static InputFormat detect(InputSource source) {
    byte[] h = source.head();
    int i = bomLength(h);
    if (startsWith(h, i, "ElfFile\0")) return InputFormat.EVTX;
    while (i < h.length && isBlank(h[i])) i++;
    if (i == h.length) return byName(source.fileName(), InputFormat.JSON_LINES);
    byte c = h[i];
    if (c == '<') return InputFormat.SYSMON_XML;
    if (c == '{' || c == '[') return detectJson(h, i, source.fileName());
    return looksLikeCsv(h, i) || source.fileName().toLowerCase(Locale.ROOT).endsWith(".csv")
        ? InputFormat.CSV
        : null;
  }

  private static InputFormat detectJson(byte[] h, int start, String fileName) {
    JsonBytes parser = new JsonBytes();
    // A malformed first line must not turn JSON lines into a document: look at a few lines.
    int lineStart = start;
    for (int k = 0; k < 4 && lineStart < h.length; k++) {
      int eol = lineStart;
      while (eol < h.length && h[eol] != '\n') eol++;
      if (eol == h.length && k > 0) break; // a line cut by the head's end proves nothing
      try {
        Object value = parser.parse(h, lineStart, eol - lineStart);
        if (value instanceof Map<?, ?> m) return classify(m, InputFormat.JSON_LINES);
        if (k == 0) return firstElementFormat(parser, h, start);
      } catch (JsonSyntaxError e) {
        // not a whole value on this line
      }
      if (k == 0 && h[start] == '[') return firstElementFormat(parser, h, start);
      if (k == 0 && RawBytes.isBlank(h, start + 1, eol - start - 1)) break; // "{" alone: a document
      lineStart = eol + 1;
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return InputFormat.JSON_LINES;
    return firstKeyFormat(parser, h, start);
  }

  /** An array document: the shape of its first element, when it fits in the head. */
  private static InputFormat firstElementFormat(JsonBytes parser, byte[] h, int start) {
    try {
      parser.reset(h, start, h.length - start);
      parser.expect('[');
      if (parser.readValue() instanceof Map<?, ?> m) {
        InputFormat f = classify(m, InputFormat.JSON_DOCUMENT);
        return f == InputFormat.HUNTING_API ? InputFormat.JSON_DOCUMENT : f;
      }
    } catch (JsonSyntaxError e) {
      // The first element does not fit in the head, or is malformed; the reader will say which.
    }
    return InputFormat.JSON_DOCUMENT;
  }

  private static InputFormat firstKeyFormat(JsonBytes parser, byte[] h, int start) {
    try {
      parser.reset(h, start, h.length - start);
      parser.expect('{');
      String key = parser.readKey();
      return switch (key) {
        case "Schema", "schema", "Results", "results", "Stats", "@odata.context" ->
            InputFormat.HUNTING_API;
        case "records" -> InputFormat.DEFENDER_STREAMING;
        case "Event" -> InputFormat.EVTX_DUMP_JSON;
        default -> {
          parser.reset(h, start, h.length - start);
          Object v = parser.readValue(); // the whole first object, if it fits
          yield v instanceof Map<?, ?> m
              ? classify(m, InputFormat.JSON_DOCUMENT)
              : InputFormat.JSON_DOCUMENT;
        }
      };
    } catch (JsonSyntaxError e) {
      return InputFormat.JSON_DOCUMENT;
    }
  }

  /** The format an object of this shape belongs to, or {@code otherwise}. */
  static InputFormat classify(Map<?, ?> m, InputFormat otherwise) {
    if (m.get("category") instanceof String && m.get("properties") instanceof Map<?, ?>) {
      return InputFormat.DEFENDER_STREAMING;
    }
    if (m.get("records") instanceof java.util.List<?>) return InputFormat.DEFENDER_STREAMING;
    if ((m.containsKey("Schema") || m.containsKey("schema"))
        && (m.containsKey("Results") || m.containsKey("results"))) {
      return InputFormat.HUNTING_API;
    }
    InputFormat sysmon = sysmonShape(m);
    return sysmon != null ? sysmon : otherwise;
  }

  /**
   * The Sysmon JSON shapes: {@code Event.System} (evtx_dump), {@code winlog} or {@code
   * event_data}+{@code event_id} (Winlogbeat), {@code EventData}+{@code Type: WindowsEvent} or {@code
   * Provider} (Sentinel WindowsEvent), {@code EventID}+{@code SourceName}/{@code Channel} with flat
   * fields (NXLog).
   */
  static InputFormat sysmonShape(Map<?, ?> m) {
    if (m.get("Event") instanceof Map<?, ?> e && e.containsKey("System")) {
      return InputFormat.EVTX_DUMP_JSON;
    }
    if (m.get("winlog") instanceof Map<?, ?>) return InputFormat.WINLOGBEAT_JSON;
    if (m.containsKey("event_data") && (m.containsKey("event_id") || m.containsKey("computer_name"))) {
      return InputFormat.WINLOGBEAT_JSON;
    }
    if (m.containsKey("EventData")
        && ("WindowsEvent".equals(m.get("Type")) || m.containsKey("Provider"))) {
      return InputFormat.WINDOWS_EVENT_JSON;
    }
    if (m.containsKey("EventID") && (m.containsKey("SourceName") || m.containsKey("Channel"))) {
      return InputFormat.NXLOG_JSON;
    }
    return null;
  }

  private static boolean looksLikeCsv(byte[] h, int start) {
    for (int i = start; i < h.length && h[i] != '\n'; i++) if (h[i] == ',') return true;
    return false;
  }

  private static InputFormat byName(String fileName, InputFormat otherwise) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? InputFormat.CSV : otherwise;
  }

  static int bomLength(byte[] h) {
    return h.length >= 3 && (h[0] & 0xFF) == 0xEF && (h[1] & 0xFF) == 0xBB && (h[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  private static boolean startsWith(byte[] h, int at, String magic) {
    if (h.length - at < magic.length()) return false;
    for (int k = 0; k < magic.length(); k++) if (h[at + k] != magic.charAt(k)) return false;
    return true;
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
