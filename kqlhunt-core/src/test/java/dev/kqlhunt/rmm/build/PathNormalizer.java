package dev.kqlhunt.rmm.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns LOLRMM path text into catalog paths: expands {@code %ENV%} variables to the default Windows
 * locations (a per-user variable becomes {@code C:\Users\*\...}; {@code %ProgramFiles%} becomes both
 * program folders), replaces unknown variables and {@code ~} by {@code *}, and tells bare file names
 * apart from paths.
 */
final class PathNormalizer {
  private PathNormalizer() {}

  private static final Pattern VARIABLE = Pattern.compile("%([^%\\\\/]+)%");

  private static final Map<String, List<String>> VARIABLES =
      Map.ofEntries(
          Map.entry("programfiles", List.of("C:\\Program Files", "C:\\Program Files (x86)")),
          Map.entry("programfiles(x86)", List.of("C:\\Program Files (x86)")),
          Map.entry("programw6432", List.of("C:\\Program Files")),
          Map.entry("commonprogramfiles",
              List.of("C:\\Program Files\\Common Files", "C:\\Program Files (x86)\\Common Files")),
          Map.entry("programdata", List.of("C:\\ProgramData")),
          Map.entry("allusersprofile", List.of("C:\\ProgramData")),
          Map.entry("appdata", List.of("C:\\Users\\*\\AppData\\Roaming")),
          Map.entry("localappdata", List.of("C:\\Users\\*\\AppData\\Local")),
          Map.entry("temp", List.of("C:\\Users\\*\\AppData\\Local\\Temp")),
          Map.entry("tmp", List.of("C:\\Users\\*\\AppData\\Local\\Temp")),
          Map.entry("userprofile", List.of("C:\\Users\\*")),
          Map.entry("homepath", List.of("C:\\Users\\*")),
          Map.entry("public", List.of("C:\\Users\\Public")),
          Map.entry("systemroot", List.of("C:\\Windows")),
          Map.entry("windir", List.of("C:\\Windows")),
          Map.entry("systemdrive", List.of("C:")),
          Map.entry("system32", List.of("C:\\Windows\\System32")));

  /**
   * Placeholders LOLRMM writes for a part that varies ({@code <SID>}, {@code <random>},
   * {@code <impersonated-org>}, {@code [GUID]}, {@code {SID}}, a regex class {@code [a-Z0-9]}, a
   * single-character {@code ?}): each becomes the wildcard {@code *}. GUIDs in braces are kept.
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("<[^<>]*>|\\[[^\\[\\]]*\\]|\\{(?i:sid|guid|uuid|user|username|version)\\}|\\?");

  /** {@code text} with every placeholder replaced by {@code *} (runs of {@code *} collapsed). */
  static String wildcardPlaceholders(String text) {
    return PLACEHOLDER.matcher(text).replaceAll("*").replaceAll("\\*{2,}", "*");
  }

  /** True when the text has no folder separator: a bare file name like {@code rdp.exe}. */
  static boolean isBareFileName(String text) {
    return text.indexOf('\\') < 0 && text.indexOf('/') < 0;
  }

  /** All expansions of a path; empty when nothing specific remains. */
  static List<String> expand(String raw) {
    String text = wildcardPlaceholders(raw.strip().replace("\"", ""));
    if (text.startsWith("~")) {
      text = "*" + text.substring(1);
    }
    List<String> out = new ArrayList<>();
    expandInto(text, out);
    out.removeIf(p -> !isSpecific(p));
    return out;
  }

  private static void expandInto(String text, List<String> out) {
    Matcher m = VARIABLE.matcher(text);
    if (!m.find()) {
      out.add(text.replaceAll("\\\\{2,}", "\\\\").replaceAll("\\*{2,}", "*"));
      return;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    List<String> values = VARIABLES.getOrDefault(name, List.of("*"));
    for (String v : values) {
      expandInto(text.substring(0, m.start()) + v + text.substring(m.end()), out);
    }
  }

  /**
   * A path is specific when some segment names more than a drive, a standard folder, a wildcard or a
   * wildcard with an extension ({@code C:\\Windows\\*.exe}, from {@code <random>.exe}, names no tool).
   */
  private static boolean isSpecific(String path) {
    for (String seg : path.split("[\\\\/]")) {
      String s = seg.toLowerCase(Locale.ROOT).replace("*", "");
      boolean extensionOnly = seg.startsWith("*") && s.startsWith(".") && s.indexOf('.', 1) < 0;
      if (s.length() > 1 && !STANDARD_FOLDERS.contains(s) && !s.endsWith(":") && !extensionOnly) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> STANDARD_FOLDERS =
      java.util.Set.of(
          "program files", "program files (x86)", "programdata", "users", "appdata", "roaming", "local",
          "temp", "windows", "system32", "syswow64", "public", "desktop", "downloads", "documents",
          "applications", "library", "usr", "bin", "opt", "etc", "var", "home", "tmp", "local settings",
          "application data", "start menu", "programs", "startup", "microsoft", ".config", "lib",
          "sbin", "share", "log", "logs", "common files");
}
