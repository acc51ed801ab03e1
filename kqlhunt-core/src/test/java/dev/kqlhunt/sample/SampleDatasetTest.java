package dev.kqlhunt.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.sample.SampleDataset.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled sample: deterministic, time-ordered, in its span, with the planted rows described. */
class SampleDatasetTest {
  private static final SampleDataset BUNDLED = SampleDataset.generate();

  @Test
  void theSameSeedGivesTheSameRows() {
    SampleDataset a = SampleDataset.generate(42, 45, 500);
    SampleDataset b = SampleDataset.generate(42, 45, 500);
    assertEquals(a.rows(), b.rows());
    assertEquals(500 + a.planted().size(), a.rows().size());
  }

  @Test
  void rowsAreOrderedAndInsideTheSixDaysBeforeTheReferenceTime() {
    List<Map<String, Object>> rows = BUNDLED.rows();
    assertEquals(SampleDataset.DEFAULT_BACKGROUND_EVENTS + BUNDLED.planted().size(), rows.size());
    Instant from = SampleDataset.REFERENCE_TIME.minus(SampleDataset.SPAN);
    Instant previous = Instant.MIN;
    for (Map<String, Object> r : rows) {
      Instant t = (Instant) r.get("Timestamp");
      assertTrue(!t.isBefore(previous) && !t.isBefore(from) && !t.isAfter(SampleDataset.REFERENCE_TIME), t.toString());
      previous = t;
    }
  }

  @Test
  void thePlantedRowsCoverEveryCase() {
    SampleDataset s = BUNDLED;
    assertEquals(6, s.planted(Kind.TRUE_POSITIVE).size());
    assertEquals(1, s.planted(Kind.OUT_OF_WINDOW).size());
    assertEquals(4, s.planted(Kind.NEAR_MISS).size());
    Set<String> scenarios = s.planted(Kind.FALSE_POSITIVE).stream().map(SampleDataset.Planted::label).collect(Collectors.toSet());
    assertEquals(Set.of("rdp-plus-admin-maintenance", "rdp-plus-intune-configmgr-deployment", "rdp-plus-diagnostic-tools",
        "rdp-plus-backup-tools", "rdp-plus-virtualization-platform"), scenarios);
    // The background holds no Remote Desktop Plus: every detection comes from what is planted.
    long rdp = s.rows().stream().filter(r -> String.valueOf(r.get("ProcessVersionInfoCompanyName")).contains("donkz")).count();
    assertEquals(s.planted().size(), rdp);
    assertThrows(IllegalArgumentException.class, () -> SampleDataset.generate(1, 10, 10));
  }
}
