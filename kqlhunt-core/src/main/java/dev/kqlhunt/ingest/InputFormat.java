package dev.kqlhunt.ingest;

import java.util.Locale;

/**
 * The input formats ingest understands. {@link FormatDetector} picks one from the content; {@code
 * --format NAME} overrides it. Formats marked {@link Owner#SYSMON} are read by the readers of {@code
 * dev.kqlhunt.ingest.sysmon} / {@code dev.kqlhunt.ingest.evtx}, registered in {@link ReaderRegistry}.
 */
public enum InputFormat {
  /** One JSON object per line, for any table; also lines that are Streaming API records/messages. */
  JSON_LINES("jsonl", Owner.INGEST),
  /** One JSON document: an array of objects, or a single object, for any table. */
  JSON_DOCUMENT("json", Owner.INGEST),
  /** RFC-4180 CSV with a header row (the Defender portal export is one), for any table. */
  CSV("csv", Owner.INGEST),
  /** Defender Streaming API: Event Hub {@code {"records":[...]}} or blob lines with {@code category}. */
  DEFENDER_STREAMING("defender-streaming", Owner.INGEST),
  /** Advanced Hunting API / Graph runHuntingQuery response ({@code Schema} + {@code Results}). */
  HUNTING_API("hunting-api", Owner.INGEST),
  /** Sysmon events as XML ({@code wevtutil qe /f:xml}, {@code <Events><Event>...}). */
  SYSMON_XML("sysmon-xml", Owner.SYSMON),
  /** Windows EVTX binary log. */
  EVTX("evtx", Owner.SYSMON),
  /** NXLog flat JSON lines (EventData fields as top-level keys). */
  NXLOG_JSON("nxlog", Owner.SYSMON),
  /** Winlogbeat JSON ({@code event_data} of 6.x or {@code winlog.event_data} of 7+). */
  WINLOGBEAT_JSON("winlogbeat", Owner.SYSMON),
  /** Microsoft Sentinel {@code WindowsEvent} table rows ({@code EventData} object or string). */
  WINDOWS_EVENT_JSON("windowsevent", Owner.SYSMON),
  /** {@code evtx_dump} JSON: concatenated pretty-printed {@code {"Event":{"System":...}}} objects. */
  EVTX_DUMP_JSON("evtx-json", Owner.SYSMON);

  /** Which engineer's package reads the format. */
  public enum Owner {
    INGEST,
    SYSMON
  }

  private final String cliName;
  private final Owner owner;

  InputFormat(String cliName, Owner owner) {
    this.cliName = cliName;
    this.owner = owner;
  }

  /** The name {@code --format} accepts. */
  public String cliName() {
    return cliName;
  }

  public Owner owner() {
    return owner;
  }

  /** Looks up a {@code --format} name (case-insensitive) or an enum constant name; null if none. */
  public static InputFormat fromName(String name) {
    if (name == null) return null;
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) {
      if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) return f;
    }
    return null;
  }
}
