package dev.kqlhunt.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kqlhunt.binder.BindResult;
import dev.kqlhunt.binder.Binder;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PruneColumnsTest {
  private static final int ALL = SchemaRegistry.builtIn().table("DeviceProcessEvents").columns().size();

  private static PlanNode plan(String query, boolean rewrite) {
    BindResult b = new Binder(SchemaRegistry.builtIn()).bind(Parser.parse(query));
    assertFalse(b.hasErrors(), b.diagnostics().toString());
    Planner p = rewrite ? new Planner() : new Planner(List.of(new PushFiltersIntoScan()));
    return p.plan(b.query().tabular());
  }

  /** The column names of every scan in the plan, in walk order. */
  private static List<Set<String>> scans(PlanNode node) {
    List<Set<String>> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(PlanNode node, List<Set<String>> out) {
    if (node instanceof PlanNode.Scan s) {
      Set<String> names = new TreeSet<>();
      for (ColumnSymbol c : s.columns()) names.add(c.name());
      out.add(names);
    }
    for (PlanNode in : node.inputs()) collect(in, out);
    if (node instanceof PlanNode.MvApply m) collect(m.subquery(), out);
  }

  private static Set<String> names(String... n) {
    return new TreeSet<>(List.of(n));
  }

  @Test
  void theSeedRuleScansOnlyTheSevenColumnsItReads() {
    String seed = """
        let Time_start = now(-5d);
        let Time_end = now();
        DeviceProcessEvents
        | where Timestamp between (Time_start..Time_end)
        | where ProcessVersionInfoCompanyName has 'www.donkz.nl'
            and ProcessVersionInfoProductName has 'Remote Desktop Plus'
            and ProcessVersionInfoOriginalFileName has 'rdp.exe'
        | summarize FirstSeen=min(Timestamp), LastSeen=max(Timestamp),
            Report=make_set(ReportId), Count=count() by DeviceId, DeviceName
        """;
    assertEquals(List.of(names("Timestamp", "ProcessVersionInfoCompanyName", "ProcessVersionInfoProductName",
        "ProcessVersionInfoOriginalFileName", "ReportId", "DeviceId", "DeviceName")), scans(plan(seed, true)));
  }

  @Test
  void theOutputColumnsNeverChange() {
    String[] queries = {
        "DeviceProcessEvents | where FileName == 'a' | project DeviceId, FileName",
        "DeviceProcessEvents | extend x = strlen(FileName) | where x > 1",
        "DeviceProcessEvents | extend x = strlen(FileName) | project x, DeviceName",
        "DeviceProcessEvents | extend FileName = tolower(FileName), y = 1 | project FileName, y",
        "DeviceProcessEvents | project-away FileName | take 3",
        "DeviceProcessEvents | summarize arg_max(Timestamp, *) by DeviceId",
        "DeviceProcessEvents | top 3 by Timestamp | project DeviceName",
        "DeviceProcessEvents | count",
        "DeviceProcessEvents | where FileName has 'x'",
    };
    for (String q : queries) assertEquals(plan(q, false).columns(), plan(q, true).columns(), q);
  }

  @Test
  void extendKeepsOnlyTheInputColumnsItStillReceives() {
    PlanNode p = plan("DeviceProcessEvents | extend FileName = tolower(FileName), x = strlen(FolderPath)"
        + " | where x > 3 | project FileName, x, DeviceId", true);
    PlanNode.Project proj = assertInstanceOf(PlanNode.Project.class, p);
    PlanNode.Filter f = assertInstanceOf(PlanNode.Filter.class, proj.input());
    PlanNode.Extend e = assertInstanceOf(PlanNode.Extend.class, f.input());
    List<String> cols = new ArrayList<>();
    for (ColumnSymbol c : e.columns()) cols.add(c.name());
    // Input order kept (FileName replaced in place), then the new column.
    assertEquals(List.of("DeviceId", "FileName", "FolderPath", "x"), cols);
    assertEquals(List.of(names("DeviceId", "FileName", "FolderPath")), scans(p));
  }

  @Test
  void starAndUnmodelledOperatorsReadEveryColumn() {
    assertEquals(ALL, scans(plan("DeviceProcessEvents | summarize arg_max(Timestamp, *) by DeviceId", true)).get(0).size());
    assertEquals(ALL, scans(plan("DeviceProcessEvents | summarize take_any(*) by DeviceId", true)).get(0).size());
    assertEquals(ALL, scans(plan("DeviceProcessEvents | mv-expand x = parse_json(AdditionalFields) | project x", true)).get(0).size());
    for (Set<String> s : scans(plan("DeviceProcessEvents | join kind=inner (DeviceProcessEvents) on DeviceId | project DeviceId", true))) {
      assertEquals(ALL, s.size());
    }
    for (Set<String> s : scans(plan("union DeviceProcessEvents, DeviceProcessEvents | project DeviceId", true))) {
      assertEquals(ALL, s.size());
    }
  }

  @Test
  void projectAwayReadsTheKeptColumnsOnly() {
    List<Set<String>> s = scans(plan("DeviceProcessEvents | project-away FileName | project DeviceId", true));
    assertEquals(List.of(names("DeviceId")), s);
  }

  @Test
  void countKeepsOneColumnSoTheScanStillHasRows() {
    assertEquals(1, scans(plan("DeviceProcessEvents | count", true)).get(0).size());
  }

  @Test
  void aSharedLetGetsTheUnionOfItsUsesNeedsAndStaysOneNode() {
    PlanNode p = plan("let T = DeviceProcessEvents | where FileName == 'a';"
        + " T | project DeviceId | join kind=inner (T | project DeviceId, DeviceName) on DeviceId", true);
    PlanNode.Join j = assertInstanceOf(PlanNode.Join.class, p);
    PlanNode.Shared left = assertInstanceOf(PlanNode.Shared.class, assertInstanceOf(PlanNode.Project.class, j.left()).input());
    PlanNode.Shared right = assertInstanceOf(PlanNode.Shared.class, assertInstanceOf(PlanNode.Project.class, j.right()).input());
    assertSame(left, right);
    assertEquals(List.of(names("DeviceId", "DeviceName", "FileName")), scans(left));
  }

  @Test
  void aPlanWithNothingToPruneIsReturnedAsIs() {
    PlanNode before = plan("DeviceProcessEvents | where FileName == 'a'", false);
    assertSame(before, new PruneColumns().rewrite(before));
  }
}
