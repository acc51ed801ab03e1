package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsAndErrorsTest {
  private static QueryResult run(String q, ExecOptions o) {
    return new QueryRunner(SchemaRegistry.builtIn(), DataSource.EMPTY).run(SourceText.of("q.kql", q), o);
  }

  private static Diagnostic firstError(QueryResult r) {
    return r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
  }

  @Test
  void memoryBudgetStopsAQueryCleanly() {
    QueryResult r = run("range x from 1 to 5000000 step 1 | extend y = x * 2 | summarize sum(y)",
        ExecOptions.at(ExecTestSupport.NOW).withMaxMemory(1 << 20));
    assertFalse(r.ok());
    assertNull(r.table());
    assertEquals(ExecError.MEMORY_LIMIT, firstError(r).code());
    assertTrue(r.peakBytes() > 1 << 20);
  }

  @Test
  void joinExplosionIsCaughtBeforeItIsBuilt() {
    String q = "let a = range x from 1 to 3000 step 1 | extend k = 1; a | join kind=inner (a) on k | count";
    QueryResult r = run(q, ExecOptions.at(ExecTestSupport.NOW).withMaxMemory(8 << 20));
    assertEquals(ExecError.MEMORY_LIMIT, firstError(r).code());
  }

  @Test
  void rowCapTruncatesWithAWarning() {
    QueryResult r = run("range x from 1 to 100 step 1", ExecOptions.at(ExecTestSupport.NOW).withMaxRows(10));
    assertTrue(r.ok());
    assertTrue(r.truncated());
    assertEquals(10, r.table().rowCount());
    assertEquals(100, r.producedRows());
    Diagnostic w = r.diagnostics().get(0);
    assertEquals(ExecError.ROW_LIMIT, w.code());
    assertTrue(w.message().contains("100"), w.message());
  }

  @Test
  void anUnsupportedOperatorIsAnErrorAtItsPosition() {
    // autocluster: an ML plugin outside the executor's scope (pivot and basket, used here before, now run).
    String q = "print x = 1 | evaluate autocluster()";
    QueryResult r = run(q, ExecOptions.at(ExecTestSupport.NOW));
    Diagnostic d = firstError(r);
    assertEquals(ExecError.UNSUPPORTED_OPERATOR, d.code());
    assertEquals(q.indexOf("evaluate"), d.span().start());
  }

  @Test
  void aBadRegexIsAnErrorNotACrash() {
    QueryResult r = run("print s = 'abc' | where s matches regex '(unclosed'", ExecOptions.at(ExecTestSupport.NOW));
    assertEquals(ExecError.BAD_ARGUMENT, firstError(r).code());
  }

  @Test
  void aKnownTableWithoutDataReadsAsEmptyWithAWarning() {
    String q = "DeviceProcessEvents | take 1";
    QueryResult r = new QueryRunner(SchemaRegistry.builtIn(), DataSource.of(Map.of()))
        .run(SourceText.of("q.kql", q), ExecOptions.at(ExecTestSupport.NOW));
    assertTrue(r.ok());
    assertEquals(0, r.table().rowCount());
    Diagnostic w = r.diagnostics().get(0);
    assertEquals(ExecError.NO_DATA, w.code());
    assertFalse(w.isError());
    assertEquals(0, w.span().start());
  }

  @Test
  void anUnknownTableWithoutDataIsAnError() {
    String q = "let x = 1; SecurityEvent | take 1";
    QueryResult r = new QueryRunner(SchemaRegistry.builtIn(), DataSource.of(Map.of()))
        .run(SourceText.of("q.kql", q), ExecOptions.at(ExecTestSupport.NOW));
    assertFalse(r.ok());
    Diagnostic d = firstError(r);
    assertTrue(d.code() == ExecError.UNKNOWN_TABLE || d.code().id().startsWith("KQL2"), d.toString());
  }

  @Test
  void syntaxAndBindingErrorsPreventExecution() {
    QueryResult r = run("print x = ", ExecOptions.at(ExecTestSupport.NOW));
    assertFalse(r.ok());
    assertTrue(firstError(r).code().id().startsWith("KQL1"), firstError(r).toString());
  }
}
