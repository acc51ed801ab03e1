package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.ingest.RecordOrigin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTablesTest {
  private static final RecordOrigin ORIGIN = new RecordOrigin("t", 1, 0, 0);

  @TempDir Path dir;

  @Test
  void segmentsOfSeveralDaysAndCommitsBecomeOneTable() throws IOException {
    Instant t0 = Instant.parse("2026-11-01T12:00:00Z");
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      for (int commit = 0; commit < 2; commit++) {
        for (int i = 0; i < 30; i++) {
          int id = commit * 30 + i;
          Map<String, Object> row = StoreFixtures.processRow(t0.plusSeconds(3600L * 10 * i), "pc" + (id % 4),
              "f" + (id % 7) + ".exe", "cmd " + id, id);
          if (id % 5 == 0) row.remove("ProcessId");
          w.accept("DeviceProcessEvents", row, ORIGIN);
        }
        w.commit(List.of());
      }
    }
    Store store = Store.open(dir);
    assertTrue(store.segments("DeviceProcessEvents").size() > 2);
    StoreTables tables = new StoreTables(store);
    assertNull(tables.table("DeviceNetworkEvents"));
    Table t = tables.table("DeviceProcessEvents");
    assertEquals(60, t.rowCount());
    StringVector cmd = (StringVector) t.vector(t.indexOf("ProcessCommandLine"));
    LongVector pid = (LongVector) t.vector(t.indexOf("ProcessId"));
    Set<String> commands = new HashSet<>();
    List<Long> nullIds = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String c = cmd.get(r);
      commands.add(c);
      long id = Long.parseLong(c.substring(4));
      if (pid.isNull(r)) nullIds.add(id);
      else assertEquals(id, pid.get(r), "row " + r);
    }
    assertEquals(60, commands.size());
    assertEquals(12, nullIds.size());
    assertTrue(nullIds.stream().allMatch(id -> id % 5 == 0));
    StringVector device = (StringVector) t.vector(t.indexOf("DeviceName"));
    assertEquals(4, device.dictionary().size(), "one merged dictionary");

    long from = StoredTypes.ticks(Instant.parse("2026-11-05T00:00:00Z"));
    Table late = tables.table("DeviceProcessEvents", from, Long.MAX_VALUE);
    assertTrue(late.rowCount() > 0 && late.rowCount() < 60, "time pruning drops early days");

    // Only rows with "cmd 3" exist in the first segment(s): dictionary pruning keeps just those.
    Table pruned = tables.table("DeviceProcessEvents", Long.MIN_VALUE, Long.MAX_VALUE,
        Map.of("ProcessCommandLine", v -> v.equals("cmd 3")));
    assertTrue(pruned.rowCount() > 0 && pruned.rowCount() < 60, "rows " + pruned.rowCount());
    StringVector prunedCmd = (StringVector) pruned.vector(pruned.indexOf("ProcessCommandLine"));
    boolean found = false;
    for (int r = 0; r < pruned.rowCount(); r++) found |= prunedCmd.get(r).equals("cmd 3");
    assertTrue(found, "the matching row's segment is kept");
    Table none = tables.table("DeviceProcessEvents", Long.MIN_VALUE, Long.MAX_VALUE,
        Map.of("FileName", v -> v.contains("nothing like this")));
    assertEquals(0, none.rowCount());
  }
}
