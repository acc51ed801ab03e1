package dev.kqlhunt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for terminals. Cells are made safe to print: control characters (which could
 * move the cursor or recolour the terminal when attacker-controlled data is shown) become {@code \\uXXXX}
 * escapes, and long cells are cut with an ellipsis.
 */
final class TextGrid {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final int maxWidth;

  TextGrid(List<String> header, int maxWidth) {
    this.header = List.copyOf(header);
    this.maxWidth = maxWidth;
  }

  void add(List<String> row) {
    List<String> safe = new ArrayList<>(row.size());
    for (String cell : row) safe.add(clip(safe(cell), maxWidth));
    rows.add(safe);
  }

  int size() {
    return rows.size();
  }

  void render(StringBuilder out, String indent) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) widths[c] = header.get(c).length();
    for (List<String> row : rows) {
      for (int c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], row.get(c).length());
    }
    line(out, indent, header, widths);
    for (List<String> row : rows) line(out, indent, row, widths);
  }

  private static void line(StringBuilder out, String indent, List<String> cells, int[] widths) {
    StringBuilder l = new StringBuilder(indent);
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) l.append("  ");
      l.append(cells.get(c));
      if (c < widths.length - 1) l.append(" ".repeat(widths[c] - cells.get(c).length()));
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }

  /** {@code s} with control characters (C0, DEL, C1, and bidi overrides) escaped. */
  static String safe(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean control = ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e)
          || (ch >= 0x2066 && ch <= 0x2069);
      if (control && out == null) out = new StringBuilder(s.substring(0, i));
      if (out == null) continue;
      if (control) out.append(String.format("\\u%04x", (int) ch));
      else out.append(ch);
    }
    return out == null ? s : out.toString();
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "\u2026";
  }
}
