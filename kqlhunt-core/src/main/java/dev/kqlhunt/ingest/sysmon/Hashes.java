package dev.kqlhunt.ingest.sysmon;

import java.util.Map;

/** Puts Sysmon's {@code Hashes} (or {@code Hash}) field into SHA1/SHA256/MD5 columns. */
final class Hashes {
  private Hashes() {}

  /**
   * Fills {@code <prefix>SHA1}, {@code <prefix>SHA256}, {@code <prefix>MD5}; any other algorithm
   * (IMPHASH, SHA384...) goes to AdditionalFields under its own name. Lower-case hex, as Defender.
   */
  static void put(RowBuilder row, String field, String prefix) {
    String raw = row.peek(field);
    if (raw == null) {
      return;
    }
    Map<String, String> hashes = SysmonValues.hashes(raw);
    if (hashes.isEmpty()) {
      return; // unknown shape: the raw text stays in AdditionalFields
    }
    row.use(field);
    for (Map.Entry<String, String> h : hashes.entrySet()) {
      switch (h.getKey()) {
        case "SHA1", "SHA256", "MD5" -> row.put(prefix + h.getKey(), h.getValue());
        default -> row.extra(h.getKey(), h.getValue());
      }
    }
  }
}
