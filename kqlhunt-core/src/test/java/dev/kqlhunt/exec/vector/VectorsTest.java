package dev.kqlhunt.exec.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void longBuilderGrowsAndTracksNulls() {
    LongVectorBuilder b = new LongVectorBuilder(ScalarType.LONG, 1);
    for (int i = 0; i < 200; i++) {
      if (i % 67 == 0) {
        b.appendNull();
      } else {
        b.append(i * 10L);
      }
    }
    LongVector v = b.build();
    assertEquals(200, v.size());
    assertEquals(ScalarType.LONG, v.type());
    assertEquals(3, v.nulls().nullCount()); // 0, 67, 134
    assertTrue(v.isNull(0) && v.isNull(67) && v.isNull(134));
    assertFalse(v.isNull(1) || v.isNull(199));
    assertEquals(1990, v.get(199));
    assertTrue(v.retainedBytes() >= 200 * 8);
    assertThrows(IndexOutOfBoundsException.class, () -> v.get(200));
  }

  @Test
  void noNullsCostsNothing() {
    DoubleVector v = new DoubleVectorBuilder(4).append(1.5).append(Double.NaN).build();
    assertSame(NullMask.NONE, v.nulls());
    assertFalse(v.isNull(1), "NaN is a value, not a null");
    assertFalse(v.nulls().mayHaveNulls());
    BoolVector b = new BoolVectorBuilder(2).append(true).appendNull().append(false).build();
    assertTrue(b.get(0));
    assertTrue(b.isNull(1));
    assertFalse(b.get(2));
  }

  @Test
  void longVectorRejectsNonIntegralTypes() {
    assertThrows(IllegalArgumentException.class,
        () -> new LongVector(ScalarType.REAL, new long[1], 1, NullMask.NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new LongVector(ScalarType.LONG, new long[1], 2, NullMask.NONE));
  }

  @Test
  void stringDictionaryCodesDistinctValuesInFirstSeenOrder() {
    StringDictionaryBuilder dict = new StringDictionaryBuilder();
    StringVectorBuilder b = new StringVectorBuilder(dict, 2);
    String[] values = {"cmd.exe", "powershell.exe", "cmd.exe", null, "", "CMD.EXE"};
    for (String s : values) b.append(s);
    StringVector v = b.build();
    assertEquals(6, v.size());
    assertEquals(4, v.dictionary().size()); // cmd.exe, powershell.exe, "", CMD.EXE
    assertEquals(v.code(0), v.code(2));
    assertEquals(v.code(3), v.code(4), "a Java null is stored as the empty string");
    assertEquals("", v.get(3));
    assertEquals("CMD.EXE", v.get(5));
    assertFalse(v.isNull(3));
    assertTrue(v.retainedBytes() > v.dictionary().retainedBytes());
  }

  @Test
  void dictionaryBuilderSurvivesManyDistinctValues() {
    StringDictionaryBuilder dict = new StringDictionaryBuilder();
    for (int i = 0; i < 10_000; i++) assertEquals(i, dict.add("v" + i));
    for (int i = 0; i < 10_000; i += 97) assertEquals(i, dict.add("v" + i));
    StringDictionary d = dict.build();
    assertEquals(10_000, d.size());
    assertEquals("v9999", d.get(9999));
  }

  @Test
  void stringVectorValidatesCodes() {
    StringDictionary d = new StringDictionary(new String[] {"a"}, 1);
    assertThrows(IllegalArgumentException.class, () -> new StringVector(new int[] {1}, 1, d));
  }

  @Test
  void dynamicVectorNullsMirrorDynamicNull() {
    DynamicVector v = new DynamicVectorBuilder(1)
        .append(DynamicJson.parse("{\"a\":[1,2]}"))
        .append(null)
        .append(Dynamic.NULL)
        .build();
    assertEquals(3, v.size());
    assertFalse(v.isNull(0));
    assertTrue(v.isNull(1) && v.isNull(2));
    assertEquals(2, v.nulls().nullCount());
    assertTrue(v.retainedBytes() > 100);
  }

  @Test
  void batchChecksShapes() {
    LongVector ts = new LongVectorBuilder(ScalarType.DATETIME, 2).append(1).append(2).build();
    StringVector s = new StringVectorBuilder(2).append("a").append("b").build();
    List<ColumnSymbol> cols = List.of(
        new ColumnSymbol("Timestamp", ScalarType.DATETIME), new ColumnSymbol("FileName", ScalarType.STRING));
    Batch batch = new Batch(cols, List.of(ts, s), 2);
    assertEquals(ts.retainedBytes() + s.retainedBytes(), batch.retainedBytes());
    assertThrows(IllegalArgumentException.class, () -> new Batch(cols, List.of(s, ts), 2));
    assertThrows(IllegalArgumentException.class, () -> new Batch(cols, List.of(ts, s), 3));
    assertThrows(IllegalArgumentException.class, () -> new Batch(cols, List.of(ts), 2));
  }

  @Test
  void selectionValidates() {
    assertEquals("Selection[0,1,2]", Selection.all(3).toString());
    assertThrows(IllegalArgumentException.class, () -> new Selection(new int[] {2, 1}, 2));
    assertEquals(1, new Selection(new int[] {5, 1}, 1).count());
  }

  @Test
  void sharedDictionaryBuilderYieldsOneDictionaryPerSegment() {
    StringDictionaryBuilder dict = new StringDictionaryBuilder();
    StringVector a = new StringVectorBuilder(dict, 2).append("x").append("y").build();
    StringVector b = new StringVectorBuilder(dict, 2).append("y").append("x").build();
    assertSame(a.dictionary(), b.dictionary());
    StringVector c = new StringVectorBuilder(dict, 1).append("z").build();
    assertEquals(3, c.dictionary().size());
    assertEquals(2, a.dictionary().size(), "earlier snapshots are immutable");
  }

  @Test
  void longRangeFilterDropsNulls() {
    LongVectorBuilder b = new LongVectorBuilder(ScalarType.DATETIME, 8);
    b.append(5).appendNull().append(10).append(15).append(20);
    LongVector v = b.build();
    assertEquals("Selection[0,2,3]", LongFilter.range(v, 5, 15).toString());
    assertEquals("Selection[0,2,3,4]", LongFilter.range(v, -1, 100).toString());
    LongVector noNulls = new LongVectorBuilder(ScalarType.LONG, 3).append(1).append(2).append(3).build();
    assertEquals("Selection[1,2]", LongFilter.range(noNulls, 2, Long.MAX_VALUE).toString());
  }

  @Test
  void cellsPrintAsKusto() {
    LongVector ts = new LongVectorBuilder(ScalarType.DATETIME, 2)
        .append(dev.kqlhunt.value.DateTimeParser.parse("2024-01-02 03:04:05.123")).appendNull().build();
    LongVector span = new LongVectorBuilder(ScalarType.TIMESPAN, 1)
        .append(dev.kqlhunt.value.Timespans.parse("1.02:03:04")).build();
    DoubleVector real = new DoubleVectorBuilder(1).append(1e20).build();
    BoolVector bool = new BoolVectorBuilder(1).append(true).build();
    DynamicVector dyn = new DynamicVectorBuilder(2)
        .append(Dynamic.of("text")).append(DynamicJson.parse("{\"a\":[1,2.5]}")).build();
    assertEquals("2024-01-02T03:04:05.1230000Z", Cells.text(ts, 0));
    assertEquals("", Cells.text(ts, 1));
    assertEquals("1.02:03:04", Cells.text(span, 0));
    assertEquals("1E+20", Cells.text(real, 0));
    assertEquals("true", Cells.text(bool, 0));
    assertEquals("text", Cells.text(dyn, 0));
    assertEquals("{\"a\":[1,2.5]}", Cells.text(dyn, 1));
  }
}
