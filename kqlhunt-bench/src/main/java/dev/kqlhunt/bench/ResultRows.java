package dev.kqlhunt.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A query result in a form both engines can be compared in: column names and rows of canonical cell
 * texts (datetimes as Unix microseconds, sets sorted, null as "null"). Unordered results are compared
 * as sorted multisets of rows.
 */
record ResultRows(List<String> columns, List<List<String>> rows) {
  ResultRows {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The first difference from {@code other}, or null when both hold the same rows. */
  String difference(ResultRows other, boolean ordered) {
    if (!columns.equals(other.columns)) return "columns " + columns + " vs " + other.columns;
    if (rows.size() != other.rows.size()) return rows.size() + " rows vs " + other.rows.size();
    List<List<String>> a = ordered ? rows : sorted(rows);
    List<List<String>> b = ordered ? other.rows : sorted(other.rows);
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) return "row " + i + ": " + a.get(i) + " vs " + b.get(i);
    }
    return null;
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> s = new ArrayList<>(rows);
    s.sort((x, y) -> String.join("\u0001", x).compareTo(String.join("\u0001", y)));
    return s;
  }

  /** A sorted, comma-joined rendering of a set's element texts. */
  static String canonicalSet(List<String> elements) {
    List<String> s = new ArrayList<>(elements);
    s.sort(null);
    return "[" + String.join(",", s) + "]";
  }
}
