package dev.kqlhunt.hunt;

import dev.kqlhunt.ingest.DateTimes;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.report.CellText;
import dev.kqlhunt.rules.alerts.ResultTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a rule test's expected rows (YAML text values) with actual result rows (typed values), as
 * a multiset, on the columns each expected row names. Values match by the actual value's type: a
 * datetime equals the instant the text parses to, a number the decimal it parses to (so {@code 1} and
 * {@code 1.0} agree), a bool case-insensitively, a list (a {@code make_set}, whose order Kusto leaves
 * unspecified) the expected list in any order, null the empty or missing text, anything else its text.
 */
final class ExpectedRows {
  private ExpectedRows() {}

  /** Diff lines; empty when the rows match. Expected rows are matched greedily, in order. */
  static List<String> diff(List<Map<String, Object>> expected, ResultTable actual) {
    boolean[] used = new boolean[actual.size()];
    List<Map<String, Object>> missing = new ArrayList<>();
    for (Map<String, Object> e : expected) {
      int hit = -1;
      for (int r = 0; r < actual.size() && hit < 0; r++) if (!used[r] && rowMatches(e, actual, r)) hit = r;
      if (hit < 0) missing.add(e);
      else used[hit] = true;
    }
    List<String> out = new ArrayList<>();
    for (Map<String, Object> m : missing) out.add("missing:    " + Json.write(m));
    for (int r = 0; r < actual.size(); r++) if (!used[r]) out.add("unexpected: " + Json.write(rowObject(actual, r)));
    return out;
  }

  static Map<String, Object> rowObject(ResultTable t, int row) {
    Map<String, Object> o = new LinkedHashMap<>();
    for (int c = 0; c < t.columns().size(); c++) o.put(t.columns().get(c), CellText.json(t.rows().get(row).get(c)));
    return o;
  }

  private static boolean rowMatches(Map<String, Object> expected, ResultTable actual, int row) {
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      if (!actual.columns().contains(e.getKey())) return false;
      if (!valueMatches(e.getValue(), actual.value(row, e.getKey()))) return false;
    }
    return true;
  }

  static boolean valueMatches(Object expected, Object actual) {
    if (actual == null) return expected == null || "".equals(expected);
    if (expected == null) return "".equals(actual);
    return switch (actual) {
      case Instant t -> expected instanceof String s && t.equals(instant(s));
      case Number n -> expected instanceof String s && numberEquals(n, s);
      case Boolean b -> expected instanceof String s && s.strip().equalsIgnoreCase(b.toString());
      case List<?> l -> expected instanceof List<?> e && sameElements(e, l);
      case Map<?, ?> m -> Json.write(CellText.json(expected)).equals(Json.write(CellText.json(m)));
      default -> expected instanceof String s && s.equals(CellText.text(actual));
    };
  }

  private static Instant instant(String s) {
    try {
      return DateTimes.parse(s.strip());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean numberEquals(Number n, String s) {
    try {
      BigDecimal e = new BigDecimal(s.strip());
      BigDecimal a = n instanceof BigDecimal d ? d : n instanceof Double || n instanceof Float
          ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
      return e.compareTo(a) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Same elements in any order (a multiset), each compared with {@link #valueMatches}. */
  private static boolean sameElements(List<?> expected, List<?> actual) {
    if (expected.size() != actual.size()) return false;
    boolean[] used = new boolean[actual.size()];
    for (Object e : expected) {
      int hit = -1;
      for (int i = 0; i < actual.size() && hit < 0; i++) if (!used[i] && valueMatches(e, actual.get(i))) hit = i;
      if (hit < 0) return false;
      used[hit] = true;
    }
    return true;
  }
}
