package dev.kqlhunt.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kqlhunt.binder.BindResult;
import dev.kqlhunt.binder.Binder;
import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.syntax.Parser;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static PlanNode plan(String query, boolean rewrite) {
    BindResult b = new Binder(SchemaRegistry.builtIn()).bind(Parser.parse(query));
    assertFalse(b.hasErrors(), b.diagnostics().toString());
    Planner p = rewrite ? new Planner() : new Planner(java.util.List.of());
    return p.plan(b.query().tabular());
  }

  @Test
  void filtersOnAScanArePushedIntoItAsConjunctsInOrder() {
    PlanNode p = plan("DeviceProcessEvents | where Timestamp > ago(1d) | where FileName has 'a' and FolderPath has 'b'"
        + " | summarize count() by DeviceId", true);
    PlanNode.Aggregate agg = assertInstanceOf(PlanNode.Aggregate.class, p);
    PlanNode.Scan scan = assertInstanceOf(PlanNode.Scan.class, agg.input());
    assertEquals(3, scan.predicates().size());
    BoundExpr.Binary last = assertInstanceOf(BoundExpr.Binary.class, scan.predicates().get(2));
    assertEquals(BoundExpr.BinaryOp.HAS, last.op());
  }

  @Test
  void filtersAboveOtherOperatorsStay() {
    PlanNode p = plan("DeviceProcessEvents | extend x = 1 | where x == 1", true);
    PlanNode.Filter f = assertInstanceOf(PlanNode.Filter.class, p);
    assertInstanceOf(PlanNode.Extend.class, f.input());
  }

  @Test
  void withoutRulesThePlanMirrorsTheBoundTree() {
    PlanNode p = plan("DeviceProcessEvents | where Timestamp > ago(1d)", false);
    PlanNode.Filter f = assertInstanceOf(PlanNode.Filter.class, p);
    assertEquals(0, assertInstanceOf(PlanNode.Scan.class, f.input()).predicates().size());
  }

  @Test
  void aTabularLetUsedTwiceIsOneSharedNode() {
    PlanNode p = plan("let T = DeviceProcessEvents | where FileName == 'a'; T | join kind=inner (T) on DeviceId", true);
    PlanNode.Join j = assertInstanceOf(PlanNode.Join.class, p);
    assertSame(j.left(), j.right());
    PlanNode.Shared s = assertInstanceOf(PlanNode.Shared.class, j.left());
    assertEquals(1, assertInstanceOf(PlanNode.Scan.class, s.input()).predicates().size());
  }
}
