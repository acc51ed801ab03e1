package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the executor asks of a source ({@link ScanPushdown}): ranges and string conditions from the scan's conjuncts. */
class ScanPushdownTest {
  /** Records every request and has no data (the table reads as empty). */
  private static final class Recording implements DataSource {
    final List<ScanRequest> requests = new ArrayList<>();

    @Override
    public Table table(String name) {
      return null;
    }

    @Override
    public Table scan(ScanRequest request) {
      requests.add(request);
      return null;
    }
  }

  private static ScanRequest request(String kql) {
    Recording source = new Recording();
    QueryResult r = new QueryRunner(SchemaRegistry.builtIn(), source)
        .run(SourceText.of("q", kql), ExecOptions.at(ExecTestSupport.NOW));
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals(1, source.requests.size());
    return source.requests.get(0);
  }

  private static ScanRequest.StringCondition condition(ScanRequest r, String column) {
    List<ScanRequest.StringCondition> found = r.strings().stream().filter(c -> c.column().equals(column)).toList();
    assertEquals(1, found.size(), column + " in " + r.strings());
    return found.get(0);
  }

  @Test
  void rangesComeFromBetweenAndComparisonsWithConstantsEvaluatedOnce() {
    ScanRequest r = request("""
        DeviceProcessEvents
        | where Timestamp between (datetime(2024-03-01) .. datetime(2024-03-05))
        | where ProcessId > 5 and 100 >= ProcessId
        | where Timestamp >= ago(1d)
        | where Timestamp !between (datetime(2024-03-02) .. datetime(2024-03-03))
        | where FileSize > 1.5
        | project FileName""");
    List<ScanRequest.Range> expected = List.of(
        new ScanRequest.Range("Timestamp", DateTimes.of(2024, 3, 1, 0, 0, 0, 0), DateTimes.of(2024, 3, 5, 0, 0, 0, 0)),
        new ScanRequest.Range("ProcessId", 6, Long.MAX_VALUE),
        new ScanRequest.Range("ProcessId", Long.MIN_VALUE, 100),
        new ScanRequest.Range("Timestamp", ExecTestSupport.NOW - DateTimes.TICKS_PER_DAY, Long.MAX_VALUE));
    assertEquals(expected, r.ranges(), "!between and a real constant are not pushed");
    assertTrue(r.strings().isEmpty());
    assertTrue(r.columns().containsAll(List.of("FileName", "Timestamp", "ProcessId", "FileSize")), r.columns().toString());
  }

  @Test
  void stringConditionsHaveTheExecutorsSemantics() {
    ScanRequest r = request("""
        DeviceProcessEvents
        | where FileName has 'cmd' and not(FolderPath startswith 'C:')
        | where AccountName in~ ('alice', 'BOB') and InitiatingProcessFileName !in ('x.exe')
        | where DeviceName has 'srv' or DeviceName == 'pc1'
        | where ProcessCommandLine has_any ('whoami', 'net.exe')
        | where FileName == ProcessCommandLine
        | where SHA1 has 'a' or MD5 has 'b'""");
    assertEquals(6, r.strings().size(), "two-column predicates are not pushed: " + r.strings());
    var fileName = condition(r, "FileName").test();
    assertTrue(fileName.test("C:\\cmd.exe /c"));
    assertFalse(fileName.test("mycmd.exe"), "has matches whole terms");
    var folder = condition(r, "FolderPath").test();
    assertFalse(folder.test("c:\\windows"), "startswith is case-insensitive");
    assertTrue(folder.test("D:\\x"));
    var account = condition(r, "AccountName").test();
    assertTrue(account.test("bob"));
    assertFalse(account.test("carol"));
    var parent = condition(r, "InitiatingProcessFileName").test();
    assertFalse(parent.test("x.exe"));
    assertTrue(parent.test("X.exe"), "!in is case-sensitive");
    var device = condition(r, "DeviceName").test();
    assertTrue(device.test("srv-01.contoso"));
    assertTrue(device.test("pc1"));
    assertFalse(device.test("PC1"), "== is case-sensitive");
    var command = condition(r, "ProcessCommandLine").test();
    assertTrue(command.test("C:\\net.exe stop"));
    assertFalse(command.test("whoamix"));
  }

  @Test
  void aConditionThatCannotBeBuiltIsLeftToTheExecutor() {
    Recording source = new Recording();
    QueryResult r = new QueryRunner(SchemaRegistry.builtIn(), source).run(
        SourceText.of("q", "DeviceProcessEvents | where FileName matches regex '(' | where FileName has 'x'"),
        ExecOptions.at(ExecTestSupport.NOW));
    assertEquals(1, source.requests.size());
    assertEquals(List.of("FileName"), source.requests.get(0).strings().stream().map(ScanRequest.StringCondition::column).toList(),
        "the bad regex is not pushed; has is");
    assertTrue(r.ok(), "no rows: the regex is never run " + r.diagnostics());
  }
}
