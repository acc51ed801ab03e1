package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.symbols.ScalarType;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an ingesting child JVM ({@code destroyForcibly}, SIGKILL) at random moments, reopening the
 * store after each kill: it always opens, every listed segment is whole, every committed file is
 * complete. Groups of one or two files are committed together. A last run without a kill ingests what was missing, and every row is there exactly once
 * (each row carries a unique ProcessId).
 */
class CrashSafetyTest {
  private static final int FILES = 60;
  private static final int ROWS_PER_FILE = 1000;
  private static final int KILLS = 20;

  @TempDir Path tmp;

  @Test
  void survivesKillNineAtRandomMoments() throws Exception {
    long seed = System.nanoTime();
    System.out.println("CrashSafetyTest seed " + seed);
    Random rnd = new Random(seed);
    Path inputs = tmp.resolve("in");
    writeInputs(inputs);
    // Calibrate: how long an uninterrupted ingest of everything takes on this machine.
    Process calibration = start(tmp.resolve("calibration"), inputs);
    awaitReady(calibration);
    long t0 = System.nanoTime();
    assertTrue(calibration.waitFor(120, TimeUnit.SECONDS), "calibration ingest finishes");
    long fullMillis = Math.max(100, (System.nanoTime() - t0) / 1_000_000);
    long groupMillis = Math.max(20, fullMillis * 2 / FILES);
    System.out.println("CrashSafetyTest full ingest takes " + fullMillis + " ms");
    Path store = tmp.resolve("store");
    int committedBefore = 0;
    int killed = 0;
    int midRunKills = 0;
    for (int k = 0; k < KILLS; k++) {
      Process child = start(store, inputs);
      awaitReady(child);
      // Let the child commit 0..2 groups, then kill it at a random point of the next one, so kills
      // land in start-up, store opening, parsing, segment writing and manifest replacement alike.
      long target = generation(store) + rnd.nextInt(3);
      while (child.isAlive() && generation(store) < target) Thread.sleep(2);
      long delay = (long) (rnd.nextDouble() * 2 * groupMillis);
      boolean finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!finished) {
        child.destroyForcibly();
        killed++;
        child.waitFor(30, TimeUnit.SECONDS);
      }
      int committed = checkStore(store, "seed " + seed + " kill " + k);
      if (!finished && committed > committedBefore && committed < FILES) midRunKills++;
      committedBefore = committed;
      if (committed == FILES) break;
    }
    System.out.println("CrashSafetyTest kills: " + killed + ", of which mid-run with progress: " + midRunKills);
    assertTrue(killed > 0, "at least one child was killed mid-ingest");
    Process last = start(store, inputs);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS), "final ingest finishes");
    assertEquals(0, last.exitValue(), new String(last.getInputStream().readAllBytes()));
    assertEquals(FILES, checkStore(store, "seed " + seed + " final"));
    assertEveryRowOnce(Store.open(store), "seed " + seed);
  }

  /** Opens and verifies the store; returns how many input files it has committed. */
  private static int checkStore(Path dir, String context) throws IOException {
    if (!Files.exists(dir.resolve(Manifest.FILE))) return 0; // killed before the store was created
    Store store = Store.open(dir);
    assertEquals(List.of(), store.verify(), context);
    int files = store.manifest().ledger().size();
    assertEquals((long) files * ROWS_PER_FILE, store.rowCount("DeviceProcessEvents"), context);
    return files;
  }

  private static void assertEveryRowOnce(Store store, String context) throws IOException {
    BitSet seen = new BitSet();
    long rows = 0;
    for (SegmentMeta s : store.segments("DeviceProcessEvents")) {
      try (SegmentReader r = store.open(s)) {
        LongVector ids = (LongVector) r.load("ProcessId", ScalarType.LONG);
        for (int i = 0; i < ids.size(); i++) {
          int id = (int) ids.get(i);
          assertTrue(!seen.get(id), "duplicate row " + id + " " + context);
          seen.set(id);
          rows++;
        }
      }
    }
    assertEquals((long) FILES * ROWS_PER_FILE, rows, context);
    assertEquals(FILES * ROWS_PER_FILE, seen.cardinality(), context);
  }

  /** The store's manifest generation, 0 before it exists or while it cannot be read. */
  private static long generation(Path store) {
    try {
      return Manifest.read(store).generation();
    } catch (IOException | CorruptStoreException e) {
      return 0;
    }
  }

  /** Blocks until the child's JVM is up (it prints "ready" before opening the store). */
  private static void awaitReady(Process child) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = child.getInputStream().read()) >= 0 && c != '\n'; ) line.append((char) c);
    assertEquals("ready", line.toString().strip(), "child output");
  }

  private static Process start(Path store, Path inputs) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", cp,
        CrashChild.class.getName(), store.toString(), inputs.toString(),
        String.valueOf(ROWS_PER_FILE * 3 / 2)));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static void writeInputs(Path dir) throws IOException {
    Files.createDirectories(dir);
    int id = 0;
    for (int f = 0; f < FILES; f++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ROWS_PER_FILE; i++, id++) {
        int day = 1 + (id % 3);
        sb.append("{\"Timestamp\":\"2026-11-0").append(day).append("T")
            .append(String.format("%02d:%02d:%02d", (id / 3600) % 24, (id / 60) % 60, id % 60))
            .append("Z\",\"DeviceName\":\"host-").append(id % 17)
            .append("\",\"FileName\":\"proc").append(id % 29).append(".exe\",\"ProcessCommandLine\":\"proc")
            .append(id % 29).append(".exe --run ").append(id)
            .append("\",\"ProcessId\":").append(id).append("}\n");
      }
      // The reader takes the table from the file name, so each file sits in its own folder.
      Path file = dir.resolve("part" + f).resolve("DeviceProcessEvents.jsonl");
      Files.createDirectories(file.getParent());
      Files.writeString(file, sb.toString());
    }
  }
}
