package dev.kqlhunt.cli;

import static dev.kqlhunt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.cli.CliRun.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqlhunt test}: the bundled tests pass; a failing case prints its diff; the closing line. */
class TestCommandTest {
  @TempDir Path dir;

  @Test
  void theBundledTestsAllPass() {
    Run r = run("test");
    assertEquals(0, r.exit(), r.out() + r.err());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals("14 passed, 0 failed", lines.get(lines.size() - 1));
    assertEquals(14, lines.stream().filter(l -> l.startsWith("PASS  ")).count(), r.out());
    // The examples of each shipped exclusion entry run too.
    assertEquals(5, lines.stream().filter(l -> l.startsWith("PASS  exclusion rdp-plus-") && l.contains(": examples")).count());
    // One case per shipped exclusion: its false positive removed, the true positive beside it found.
    for (String scenario : List.of("admin maintenance is excluded", "Intune deployment is excluded",
        "a diagnostics session is excluded", "the nightly backup is excluded", "VMware Tools is excluded")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("PASS  " + scenario)), scenario + "\n" + r.out());
    }
  }

  private Path writeTests(String expectation) throws Exception {
    Files.writeString(dir.resolve("rule.yaml"), """
        id: 6e98184a-6794-4c94-923b-d0ab052ca92e
        name: RDP Plus
        query: |
          DeviceProcessEvents
          | where ProcessVersionInfoOriginalFileName has 'rdp.exe'
          | summarize Count=count() by DeviceName
        """);
    Path tests = Files.createDirectories(dir.resolve("tests")).resolve("rule.tests.yaml");
    Files.writeString(tests, """
        rule: ../rule.yaml
        tests:
          - name: finds the launch
            now: 2026-11-25T12:00:00Z
            tables:
              DeviceProcessEvents:
                rows:
                  - {Timestamp: 2026-11-24T08:00:00Z, DeviceName: wks-1, ProcessVersionInfoOriginalFileName: rdp.exe}
                  - {Timestamp: 2026-11-24T09:00:00Z, DeviceName: wks-1, ProcessVersionInfoOriginalFileName: RDP.EXE}
            expect:
        %s
          - name: counts nothing else
            now: 2026-11-25T12:00:00Z
            tables:
              DeviceProcessEvents:
                rows:
                  - {Timestamp: 2026-11-24T08:00:00Z, DeviceName: wks-2, ProcessVersionInfoOriginalFileName: notepad.exe}
            expect:
              count: 0
        """.formatted(expectation));
    return tests;
  }

  @Test
  void passingTestsInAFolder() throws Exception {
    writeTests("      rows: [{DeviceName: wks-1, Count: 2}]");
    Run r = run("test", dir.resolve("tests").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("PASS  finds the launch  (") && r.out().contains("rule.tests.yaml:3)"), r.out());
    assertTrue(r.out().strip().endsWith("2 passed, 0 failed"), r.out());
  }

  @Test
  void aFailingTestPrintsTheDiff() throws Exception {
    Path tests = writeTests("      rows: [{DeviceName: wks-1, Count: 3}]");
    Run r = run("test", tests.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("FAIL  finds the launch"), r.out());
    assertTrue(r.out().contains("missing:    {\"DeviceName\":\"wks-1\",\"Count\":\"3\"}"), r.out());
    assertTrue(r.out().contains("unexpected: {\"DeviceName\":\"wks-1\",\"Count\":2}"), r.out());
    assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());
  }

  @Test
  void exclusionExamplesAreTests() throws Exception {
    Path file = dir.resolve("tuning.yaml");
    Files.writeString(file, """
        exclusions:
          - id: good
            rules: ['*']
            table: DeviceProcessEvents
            reason: r
            owner: o
            where: InitiatingProcessFileName =~ "backup.exe" and ProcessCommandLine !has "delete"
            examples:
              removes: [{InitiatingProcessFileName: BACKUP.EXE, ProcessCommandLine: create}]
              keeps: [{InitiatingProcessFileName: backup.exe, ProcessCommandLine: delete shadows}]
          - id: too-wide
            rules: ['*']
            table: DeviceProcessEvents
            reason: r
            owner: o
            where: InitiatingProcessFileName =~ "backup.exe"
            examples:
              removes: [{InitiatingProcessFileName: backup.exe}]
              keeps: [{InitiatingProcessFileName: backup.exe, ProcessCommandLine: delete shadows}]
        """);
    Run r = run("test", dir.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("PASS  exclusion good: examples  (" + file + ":2)"), r.out());
    assertTrue(r.out().contains("FAIL  exclusion too-wide: examples"), r.out());
    assertTrue(r.out().contains("keeps row 1 is removed by the predicate, but must be kept"), r.out());
    assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());
  }

  @Test
  void aTestFileThatDoesNotLoadIsAFailure() throws Exception {
    Path bad = dir.resolve("bad.tests.yaml");
    Files.writeString(bad, "rule: missing.yaml\ntests:\n  - name: x\n    now: not a time\n    expect: {count: 1}\n");
    Run r = run("test", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("FAIL  (test file does not load)"), r.out());
    assertTrue(r.out().contains(bad + ":1:7: error"), r.out());
    assertTrue(r.out().strip().endsWith("0 passed, 1 failed"), r.out());
    assertEquals(2, run("test", dir.resolve("nothing-here").toString()).exit());
  }
}
