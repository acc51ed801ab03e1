package dev.kqlhunt.cli;

import static dev.kqlhunt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.cli.CliRun.Run;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.sample.SampleDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed rule as published: the corpus original hunts exactly like the bundled copy; the copy in
 * ../shared/rmm/jischell (indentation lost) fails with a positioned message. Reads ../shared, so it
 * is tagged conformance and fails (never skips) when ../shared is missing.
 */
@Tag("conformance")
class HuntConformanceTest {
  @TempDir Path dir;

  private static Path shared() {
    String s = System.getProperty("kqlhunt.shared");
    assertTrue(s != null && Files.isDirectory(Path.of(s)), "../shared is missing (system property kqlhunt.shared: " + s + ")");
    return Path.of(s);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCorpusOriginalHuntsLikeTheBundledCopy() throws Exception {
    Path original = shared().resolve("corpus/sentinel/Hunting Queries/Microsoft 365 Defender/RemoteManagementMonitoring/"
        + "rmm_RemoteDesktopPlus_createproc.yaml");
    assertTrue(Files.isRegularFile(original), original.toString());
    SampleDataset data = SampleDataset.generate();
    Path rows = HuntFixtures.writeRows(dir.resolve("DeviceProcessEvents.jsonl"), data.rows());
    String now = SampleDataset.REFERENCE_TIME.toString();
    Run fromCorpus = run("hunt", "--rules", original.toString(), "--data", rows.toString(), "--now", now, "--format", "json");
    Run bundled = run("hunt", "--rules", HuntFixtures.seedRule(dir).toString(), "--data", rows.toString(), "--now", now,
        "--format", "json");
    assertEquals(1, fromCorpus.exit(), fromCorpus.err());
    assertEquals(1, bundled.exit(), bundled.err());
    var a = HuntFixtures.seedFindings((Map<String, Object>) Json.parse(fromCorpus.out()));
    assertEquals(HuntFixtures.expectedSeedFindings(data.rows(), SampleDataset.REFERENCE_TIME), a);
    assertEquals(a, HuntFixtures.seedFindings((Map<String, Object>) Json.parse(bundled.out())));
    assertEquals(8, a.size());
  }

  @Test
  void theJischellCopyFailsWithAPositionedMessage() {
    Path copy = shared().resolve("rmm/jischell/RMM/RemoteDesktopPlus/rmm_RemoteDesktopPlus_createproc.yaml");
    assertTrue(Files.isRegularFile(copy), copy.toString());
    Run r = run("hunt", "--rules", copy.toString());
    assertEquals(65, r.exit(), r.out());
    assertTrue(r.err().contains(copy + ":8:5: error KQL3001: Malformed YAML"), r.err());
    assertTrue(r.err().contains("dataTypes"), r.err());
  }
}
