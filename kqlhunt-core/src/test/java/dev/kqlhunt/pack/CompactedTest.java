package dev.kqlhunt.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.TableBuilder;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Re-coding a rule's candidate rows keeps every value and row order over dictionaries of only the used values. */
class CompactedTest {
  private static Table table() {
    List<ColumnSymbol> columns = List.of(new ColumnSymbol("Url", ScalarType.STRING), new ColumnSymbol("Id", ScalarType.LONG));
    TableBuilder b = new TableBuilder(columns, 1_000);
    for (int i = 0; i < 1_000; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("Url", "host" + (i % 300) + ".example.org");
      if (i % 7 != 0) row.put("Id", (long) i); // every seventh Id is null
      b.addRow(row);
    }
    return b.build();
  }

  @Test
  void candidateRowsKeepTheirValuesOverASmallDictionary() {
    Table source = table();
    int[] rows = {3, 14, 21, 301, 600, 999, 0};
    Table recoded = Compacted.recoded(source.gather(rows, rows.length));
    assertEquals(rows.length, recoded.rowCount());
    for (int r = 0; r < rows.length; r++) {
      for (int col = 0; col < 2; col++) assertEquals(source.get(rows[r], col), recoded.get(r, col), "row " + rows[r] + " column " + col);
    }
    // Hosts 3, 14, 21, 1, 0, 99 and 0 again: the dictionary holds those six, not the 300.
    assertEquals(6, ((StringVector) recoded.vector(0)).dictionary().size());
  }

  @Test
  void recodingSharesRepeatedValuesAndLeavesOtherColumnsAlone() {
    Table source = table();
    int[] rows = {0, 300, 600, 1, 301};
    Table gathered = source.gather(rows, rows.length);
    Table recoded = Compacted.recoded(gathered);
    StringVector urls = (StringVector) recoded.vector(0);
    assertEquals(2, urls.dictionary().size()); // host0 (rows 0, 300, 600) and host1 (rows 1, 301)
    for (int r = 0; r < rows.length; r++) assertEquals(gathered.get(r, 0), recoded.get(r, 0));
    assertSame(gathered.vector(1), recoded.vector(1));
  }

  @Test
  void aVectorWhoseDictionaryIsNoLargerThanItsRowsIsKept() {
    Table source = table(); // 1,000 rows, 300 URLs
    assertSame(source.vector(0), Compacted.recoded(source).vector(0));
  }
}
