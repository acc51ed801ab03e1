package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundTabular;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What one execution shares between operators and expressions: the options (reference time, limits),
 * the data, the memory budget, and the results of tabular subqueries ({@code toscalar}, {@code in (T
 * | ...)}) computed once per query. Not thread-safe.
 */
final class QueryContext {
  private final ExecOptions options;
  private final DataSource data;
  private final MemoryBudget memory;
  private final Map<BoundTabular, Table> subqueries = new IdentityHashMap<>();
  private Executor executor;
  private final java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
  private final java.util.List<ExecutionException> warningList = new java.util.ArrayList<>();

  QueryContext(ExecOptions options, DataSource data) {
    this.options = options;
    this.data = data;
    this.memory = new MemoryBudget(options.maxMemoryBytes());
  }

  void attach(Executor executor) {
    this.executor = executor;
  }

  /** Records a warning once per code and arguments; {@link QueryRunner} reports them with the result. */
  void warn(ExecError code, Object... args) {
    if (warnings.add(code.id() + java.util.Arrays.toString(args))) warningList.add(new ExecutionException(code, args));
  }

  java.util.List<ExecutionException> warnings() {
    return warningList;
  }

  ExecOptions options() {
    return options;
  }

  DataSource data() {
    return data;
  }

  MemoryBudget memory() {
    return memory;
  }

  long now() {
    return options.nowTicks();
  }

  /** The rows of a tabular subquery, planned and executed on first use. */
  Table subquery(BoundTabular query) {
    Table t = subqueries.get(query);
    if (t == null) {
      t = executor.execute(new dev.kqlhunt.plan.Planner().plan(query));
      subqueries.put(query, t);
    }
    return t;
  }
}
