package dev.kqlhunt.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bundled sample data of {@code kqlhunt hunt} without arguments: DeviceProcessEvents of a fleet,
 * generated in memory from a fixed seed (same bytes every run), over the six days before {@link
 * #REFERENCE_TIME}:
 *
 * <ul>
 *   <li>background launches of everyday Windows software on every device ({@link BackgroundTelemetry});
 *   <li>Remote Desktop Plus launches by users on a few hosts ({@link Kind#TRUE_POSITIVE}), one exactly
 *       on the edge of the seed's five-day lookback, and spellings its {@code has} terms must still
 *       match ({@code RDP.EXE}, {@code rdp.exe.mui}, company {@code Donkz (www.donkz.nl)});
 *   <li>one launch older than five days ({@link Kind#OUT_OF_WINDOW});
 *   <li>near misses that must not match ({@link Kind#NEAR_MISS}): company {@code donkz.nl}, product
 *       {@code RemoteDesktopPlus}, original name {@code myrdp.exe}, product {@code Remote Desktop Pluss};
 *   <li>the five false-positive scenarios listed with the seed rule ({@link Kind#FALSE_POSITIVE}), one
 *       event each on its own host, shaped so the shipped exclusions remove exactly them.
 * </ul>
 *
 * Which rows the rule finds is not recorded here: tests compute it independently from the rows.
 */
public final class SampleDataset {
  public static final Instant REFERENCE_TIME = Instant.parse("2026-11-25T12:00:00Z");
  public static final long DEFAULT_SEED = 20_261_125L;
  public static final int DEFAULT_DEVICES = 50;
  public static final int DEFAULT_BACKGROUND_EVENTS = 20_000;
  public static final Duration SPAN = Duration.ofDays(6);

  /** Why a planted row is there. */
  public enum Kind { TRUE_POSITIVE, OUT_OF_WINDOW, NEAR_MISS, FALSE_POSITIVE }

  /** A row planted beside the background, with the reason; {@code label} names the case or scenario. */
  public record Planted(Kind kind, String label, Map<String, Object> row) {
    public Planted {
      Objects.requireNonNull(kind, "kind is null");
      Objects.requireNonNull(label, "label is null");
      Objects.requireNonNull(row, "row is null");
    }
  }

  private final List<Map<String, Object>> rows;
  private final List<Planted> planted;

  private SampleDataset(List<Map<String, Object>> rows, List<Planted> planted) {
    this.rows = List.copyOf(rows);
    this.planted = List.copyOf(planted);
  }

  /** The bundled dataset: default seed, 50 devices, 20,000 background events. */
  public static SampleDataset generate() {
    return generate(DEFAULT_SEED, DEFAULT_DEVICES, DEFAULT_BACKGROUND_EVENTS);
  }

  public static SampleDataset generate(long seed, int devices, int backgroundEvents) {
    if (devices < 45) throw new IllegalArgumentException("the planted hosts need at least 45 devices: " + devices);
    if (backgroundEvents < 0) throw new IllegalArgumentException("backgroundEvents < 0");
    BackgroundTelemetry background = new BackgroundTelemetry(seed, devices);
    Instant from = REFERENCE_TIME.minus(SPAN);
    List<Map<String, Object>> rows = new ArrayList<>(backgroundEvents + 32);
    for (long i = 0; i < backgroundEvents; i++) rows.add(background.launch(i, backgroundEvents, from, REFERENCE_TIME));
    List<Planted> planted = new SamplePlanting(background.factory(), background.devices(), REFERENCE_TIME).plant();
    for (Planted p : planted) rows.add(p.row());
    rows.sort(Comparator.comparing((Map<String, Object> r) -> (Instant) r.get("Timestamp")));
    return new SampleDataset(rows, planted);
  }

  /** All DeviceProcessEvents rows in time order (values as {@link ProcessEventFactory} makes them). */
  public List<Map<String, Object>> rows() {
    return rows;
  }

  /** The planted rows, in planting order. */
  public List<Planted> planted() {
    return planted;
  }

  public List<Planted> planted(Kind kind) {
    return planted.stream().filter(p -> p.kind() == kind).toList();
  }
}
