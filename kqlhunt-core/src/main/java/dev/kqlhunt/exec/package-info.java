/**
 * The execution engine: runs a {@link dev.kqlhunt.plan.PlanNode logical plan} over in-memory columnar
 * {@link dev.kqlhunt.exec.Table}s with Kusto's semantics (docs/SEMANTICS.md).
 *
 * <p>Entry point: {@link dev.kqlhunt.exec.QueryRunner} (text → parse → bind → plan → execute →
 * {@link dev.kqlhunt.exec.QueryResult}). Tables are built with {@link dev.kqlhunt.exec.TableBuilder} and
 * served by a {@link dev.kqlhunt.exec.DataSource}. Execution is operator at a time over whole column
 * vectors ({@code dev.kqlhunt.exec.vector}); string predicates with a constant needle run once per
 * dictionary entry; everything else has a boxed row-wise path.
 *
 * <p>Contract: a query never throws out of {@link dev.kqlhunt.exec.QueryRunner}; failures are KQL5xxx
 * diagnostics ({@link dev.kqlhunt.exec.ExecError}). {@code now()}/{@code ago()} read the reference time
 * of {@link dev.kqlhunt.exec.ExecOptions}. Intermediate results are checked against a memory budget by
 * the vectors' {@code retainedBytes()}, and results are cut at a row cap with a warning. Nothing here
 * imports {@code dev.kqlhunt.syntax} except {@link dev.kqlhunt.exec.QueryRunner}, which drives the
 * parser. Single query per executor; runners are thread-safe.
 */
package dev.kqlhunt.exec;
