package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BindResult;
import dev.kqlhunt.binder.Binder;
import dev.kqlhunt.binder.BoundQuery;
import dev.kqlhunt.binder.BoundTabular;
import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.plan.Planner;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.syntax.ParseResult;
import dev.kqlhunt.syntax.Parser;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs KQL text end to end: parse → bind → plan → execute. Never throws for a bad query or bad data:
 * everything becomes a diagnostic of the {@link QueryResult} (syntax KQL1xxx, binding KQL2xxx,
 * execution KQL5xxx; an unexpected failure is {@link ExecError#INTERNAL}). A query with syntax or
 * binding errors does not run.
 *
 * <p>The bound tree keeps no positions, so an execution error is placed on the first occurrence of
 * the name it is about (function, operator, table) in the text, else on the start of the query.
 *
 * <p>Thread-safe: each {@link #run} call has its own state; the data source must be safe to share.
 */
public final class QueryRunner {
  private final SchemaRegistry registry;
  private final DataSource data;
  private final List<dev.kqlhunt.plan.PlanRule> rules;

  public QueryRunner(SchemaRegistry registry, DataSource data) {
    this(registry, data, Planner.DEFAULT_RULES);
  }

  /** With other plan rules than {@link Planner#DEFAULT_RULES} for the query's plan (tests compare rule sets). */
  QueryRunner(SchemaRegistry registry, DataSource data, List<dev.kqlhunt.plan.PlanRule> rules) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.data = Objects.requireNonNull(data, "data is null");
    this.rules = List.copyOf(rules);
  }

  /** Parses, binds, plans and runs {@code source}. */
  public QueryResult run(SourceText source, ExecOptions options) {
    ParseResult parsed = Parser.parse(source);
    BindResult bound = new Binder(registry).bind(parsed);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    diagnostics.addAll(bound.diagnostics());
    diagnostics.sort(java.util.Comparator.comparingInt(d -> d.span().start()));
    if (parsed.hasErrors() || bound.hasErrors()) return new QueryResult(null, diagnostics, false, 0, 0);
    return execute(bound.query(), source, options, diagnostics);
  }

  /** Runs an already bound query; {@code source} is only used to place execution diagnostics. */
  public QueryResult execute(BoundQuery query, SourceText source, ExecOptions options, List<Diagnostic> earlier) {
    return runPlan(() -> plan(query), source, options, earlier);
  }

  /**
   * A query parsed, bound and planned once, to be run many times ({@link #run(Prepared, ExecOptions)}),
   * by this runner or another over other data: the plan depends on the schemas, not on the data or
   * the reference time.
   *
   * @param source the query text (places execution diagnostics)
   * @param plan the plan, or null when the query has errors and does not run
   * @param diagnostics syntax, binding and planning diagnostics, by position
   */
  public record Prepared(SourceText source, PlanNode plan, List<Diagnostic> diagnostics) {
    public Prepared {
      Objects.requireNonNull(source, "source is null");
      diagnostics = List.copyOf(diagnostics);
    }

    /** Whether the query runs (no syntax, binding or planning error). */
    public boolean runs() {
      return plan != null;
    }
  }

  /** Parses, binds and plans {@code source}; never throws for a bad query. */
  public Prepared prepare(SourceText source) {
    ParseResult parsed = Parser.parse(source);
    BindResult bound = new Binder(registry).bind(parsed);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    diagnostics.addAll(bound.diagnostics());
    diagnostics.sort(java.util.Comparator.comparingInt(d -> d.span().start()));
    if (parsed.hasErrors() || bound.hasErrors()) return new Prepared(source, null, diagnostics);
    try {
      return new Prepared(source, plan(bound.query()), diagnostics);
    } catch (ExecutionException e) {
      diagnostics.add(Diagnostic.error(e.code(), locate(source, e), e.args()));
      return new Prepared(source, null, diagnostics);
    } catch (RuntimeException e) {
      diagnostics.add(Diagnostic.error(ExecError.INTERNAL, TextSpan.EMPTY, "executor", String.valueOf(e)));
      return new Prepared(source, null, diagnostics);
    }
  }

  /** Runs a prepared query over this runner's data: the same result as {@link #run(SourceText, ExecOptions)}. */
  public QueryResult run(Prepared prepared, ExecOptions options) {
    if (!prepared.runs()) return new QueryResult(null, prepared.diagnostics(), false, 0, 0);
    return runPlan(prepared::plan, prepared.source(), options, prepared.diagnostics());
  }

  private QueryResult runPlan(java.util.function.Supplier<PlanNode> plan, SourceText source, ExecOptions options,
      List<Diagnostic> earlier) {
    List<Diagnostic> diagnostics = new ArrayList<>(earlier);
    QueryContext context = new QueryContext(options, data);
    try {
      Executor executor = new Executor(context);
      Table table = executor.execute(plan.get());
      for (ExecutionException w : context.warnings()) diagnostics.add(Diagnostic.warning(w.code(), locate(source, w), w.args()));
      return limit(table, options, diagnostics, context.memory().peak(), source);
    } catch (ExecutionException e) {
      diagnostics.add(Diagnostic.error(e.code(), locate(source, e), e.args()));
    } catch (OutOfMemoryError e) {
      // The budget is an estimate; if the heap still runs out, stop this query cleanly all the same.
      diagnostics.add(Diagnostic.error(ExecError.MEMORY_LIMIT, TextSpan.EMPTY,
          MemoryBudget.formatBytes(options.maxMemoryBytes()), "more than the Java heap", "(heap exhausted)"));
    } catch (RuntimeException e) {
      diagnostics.add(Diagnostic.error(ExecError.INTERNAL, TextSpan.EMPTY, "executor", String.valueOf(e)));
    }
    return new QueryResult(null, diagnostics, false, 0, context.memory().peak());
  }

  /** The plan of a query's result: its table, or a one-row table for a scalar result. */
  private PlanNode plan(BoundQuery query) {
    if (query.tabular() != null) return new Planner(rules).plan(query.tabular());
    if (query.scalar() != null) {
      ColumnSymbol c = new ColumnSymbol("print_0", query.scalar().type());
      return new Planner(rules).plan(new BoundTabular.Print(
          List.of(new BoundTabular.NamedExpr(c.name(), query.scalar())), List.of(c)));
    }
    throw new ExecutionException(ExecError.NOT_TABULAR);
  }

  private static QueryResult limit(Table table, ExecOptions options, List<Diagnostic> diagnostics, long peak,
      SourceText source) {
    long produced = table.rowCount();
    if (produced <= options.maxRows()) return new QueryResult(table, diagnostics, false, produced, peak);
    diagnostics.add(Diagnostic.warning(ExecError.ROW_LIMIT, TextSpan.EMPTY, options.maxRows(), produced));
    return new QueryResult(table.head((int) options.maxRows()), diagnostics, true, produced, peak);
  }

  /** The span of the first whole-word occurrence of the name an error is about, else the query start. */
  static TextSpan locate(SourceText source, ExecutionException e) {
    Object[] args = e.args();
    if (source == null || args.length == 0 || !(args[0] instanceof String name) || name.isBlank()) return TextSpan.EMPTY;
    String word = name.split(" ")[0];
    Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(source.text());
    return m.find() ? new TextSpan(m.start(), m.end() - m.start()) : TextSpan.EMPTY;
  }
}
