package dev.kqlhunt.cli;

import dev.kqlhunt.hunt.BundledContent;
import dev.kqlhunt.sample.JsonLinesRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shared pieces of the hunt and test command tests: running the CLI in-process, writing rows and the
 * bundled seed rule to temp files, and the seed rule's findings computed in plain Java (never with the
 * engine), so the engine's answer is checked against an independent one.
 */
final class HuntFixtures {
  private HuntFixtures() {}


  /** Rows as Defender-style JSON lines in {@code file}. */
  static Path writeRows(Path file, List<Map<String, Object>> rows) throws Exception {
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> r : rows) JsonLinesRows.appendLine(r, text);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** The bundled seed rule (byte for byte examples/rules/remote-desktop-plus.yaml) in {@code dir}. */
  static Path seedRule(Path dir) throws Exception {
    Path p = dir.resolve("remote-desktop-plus.yaml");
    Files.writeString(p, BundledContent.read("rules/remote-desktop-plus.yaml").text(), StandardCharsets.UTF_8);
    return p;
  }

  /** The bundled exclusions (the same as examples/exclusions/remote-desktop-plus.yaml) in {@code dir}. */
  static Path seedExclusions(Path dir) throws Exception {
    Path p = dir.resolve("remote-desktop-plus.exclusions.yaml");
    Files.writeString(p, BundledContent.read("exclusions/remote-desktop-plus.yaml").text(), StandardCharsets.UTF_8);
    return p;
  }

  /**
   * The seed rule's result computed directly: rows with {@code now - 5d <= Timestamp <= now} whose
   * company, product and original file name hold the rule's terms, grouped by (DeviceId, DeviceName),
   * each group as {@code id|name|first|last|sorted report ids|count}.
   */
  static TreeSet<String> expectedSeedFindings(List<Map<String, Object>> rows, Instant now) {
    Instant start = now.minusSeconds(5 * 86_400);
    Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      Instant t = (Instant) r.get("Timestamp");
      if (t.isBefore(start) || t.isAfter(now)) continue;
      if (!hasTerm(r.get("ProcessVersionInfoCompanyName"), "www.donkz.nl")) continue;
      if (!hasTerm(r.get("ProcessVersionInfoProductName"), "Remote Desktop Plus")) continue;
      if (!hasTerm(r.get("ProcessVersionInfoOriginalFileName"), "rdp.exe")) continue;
      groups.computeIfAbsent(r.get("DeviceId") + "|" + r.get("DeviceName"), k -> new ArrayList<>()).add(r);
    }
    TreeSet<String> out = new TreeSet<>();
    groups.forEach((key, g) -> {
      Instant first = null;
      Instant last = null;
      TreeSet<Long> reports = new TreeSet<>();
      for (Map<String, Object> r : g) {
        Instant t = (Instant) r.get("Timestamp");
        if (first == null || t.isBefore(first)) first = t;
        if (last == null || t.isAfter(last)) last = t;
        reports.add((Long) r.get("ReportId"));
      }
      out.add(key + "|" + first + "|" + last + "|" + reports + "|" + g.size());
    });
    return out;
  }

  /**
   * Kusto's {@code has} for a term that starts and ends with a letter or digit: a case-insensitive
   * occurrence not preceded nor followed by a letter or digit.
   */
  static boolean hasTerm(Object value, String term) {
    if (!(value instanceof String s)) return false;
    String hay = s.toLowerCase(Locale.ROOT);
    String needle = term.toLowerCase(Locale.ROOT);
    for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
      boolean before = i == 0 || !Character.isLetterOrDigit(hay.charAt(i - 1));
      int end = i + needle.length();
      boolean after = end == hay.length() || !Character.isLetterOrDigit(hay.charAt(end));
      if (before && after) return true;
    }
    return false;
  }

  /** The findings of a JSON report's first rule in the form of {@link #expectedSeedFindings}. */
  @SuppressWarnings("unchecked")
  static TreeSet<String> seedFindings(Map<String, Object> report) {
    List<Object> rules = (List<Object>) report.get("rules");
    TreeSet<String> out = new TreeSet<>();
    for (Object f : (List<Object>) ((Map<String, Object>) rules.get(0)).get("findings")) {
      Map<String, Object> evidence = (Map<String, Object>) ((Map<String, Object>) f).get("evidence");
      for (Object row : (List<Object>) evidence.get("rows")) {
        Map<String, Object> r = (Map<String, Object>) row;
        TreeSet<Long> reports = new TreeSet<>();
        for (Object id : (List<Object>) r.get("Report")) reports.add(Long.parseLong(id.toString()));
        out.add(r.get("DeviceId") + "|" + r.get("DeviceName") + "|" + Instant.parse((String) r.get("FirstSeen")) + "|"
            + Instant.parse((String) r.get("LastSeen")) + "|" + reports + "|" + r.get("Count"));
      }
    }
    return out;
  }
}
