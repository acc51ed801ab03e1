package dev.kqlhunt.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.Table;
import java.util.ArrayList;
import java.util.List;

/** Test helper: two query results are the same (diagnostics, columns, rows in order, cells). */
final class Results {
  private Results() {}

  static void assertSameResult(QueryResult expected, QueryResult actual, String what) {
    assertEquals(diagnostics(expected), diagnostics(actual), what + ": diagnostics");
    assertEquals(expected.ok(), actual.ok(), what + ": ok");
    assertEquals(expected.truncated(), actual.truncated(), what + ": truncated");
    assertEquals(expected.producedRows(), actual.producedRows(), what + ": produced rows");
    assertEquals(expected.table() == null, actual.table() == null, what + ": table");
    if (expected.table() == null) return;
    assertEquals(expected.table().columns(), actual.table().columns(), what + ": columns");
    assertEquals(rows(expected.table()), rows(actual.table()), what + ": rows");
  }

  static List<List<Object>> rows(Table t) {
    List<List<Object>> out = new ArrayList<>(t.rowCount());
    for (int r = 0; r < t.rowCount(); r++) {
      List<Object> row = new ArrayList<>(t.columns().size());
      for (int c = 0; c < t.columns().size(); c++) row.add(t.get(r, c));
      out.add(row);
    }
    return out;
  }

  private static List<String> diagnostics(QueryResult r) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) out.add(d.toString());
    return out;
  }
}
