/**
 * Benchmark harnesses: each measures kqlhunt against a peer in the same run on the same input, and
 * prints the machine, the load average and median/min timings (docs/BENCHMARKS.md has the commands
 * and the recorded figures). {@link dev.kqlhunt.bench.FrontEndBenchmark}: parse + bind against the
 * official Kusto parser. {@link dev.kqlhunt.bench.EngineBenchmark}: the seed rule and five corpus
 * queries over generated DeviceProcessEvents in memory against DuckDB, after checking both return
 * the same rows. {@link dev.kqlhunt.bench.IngestBenchmark}: JSON lines into the store against
 * DuckDB's {@code read_json}.
 *
 * <p>Contract: harnesses are programs run by hand ({@code ./bench}), never unit tests; they throw
 * when the shared corpus is missing. Nothing here is used by kqlhunt-core or kqlhunt-cli.
 */
package dev.kqlhunt.bench;
