package dev.kqlhunt.ingest;

/** How ingest picks a target table for formats that do not name one. */
final class TableNames {
  static final String STREAMING_PREFIX = "AdvancedHunting-";

  private TableNames() {}

  /**
   * {@code --table} when given, else the file name up to its first dot ({@code
   * DeviceProcessEvents.jsonl.gz} → {@code DeviceProcessEvents}) when that is a Kusto identifier,
   * else null.
   */
  static String defaultTable(ReadOptions options, InputSource source) {
    if (options.table() != null) return options.table();
    String f = source.fileName();
    int dot = f.indexOf('.');
    String base = dot < 0 ? f : f.substring(0, dot);
    return isIdentifier(base) ? base : null;
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty()) return false;
    char c0 = s.charAt(0);
    if (!(Character.isLetter(c0) || c0 == '_')) return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
    }
    return true;
  }
}
