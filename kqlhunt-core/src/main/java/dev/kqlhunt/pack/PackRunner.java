package dev.kqlhunt.pack;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.ScanRequest;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs a pack of rules over one data source so that rules over the same table share work (issue 6).
 *
 * <p>{@link #compile} prepares each rule once and learns, by running it over empty tables, its result
 * when nothing matches and the columns it reads; its scans' predicates give necessary conditions
 * ({@link RuleAnalyzer}). {@link #run} reads each table the shared rules scan once (the union of their
 * columns), routes its rows to the rules whose conditions they may meet ({@link TableRouter}: per
 * string column one evaluation per dictionary entry and one pass over the codes), then runs each
 * rule over its candidate rows only, in table order. A rule with no candidate row is not run: its
 * result is the one compiled over empty tables. Rules that cannot be narrowed run alone over the
 * whole data. Results are those of each rule run alone ({@code PackRunnerTest} compares them).
 *
 * <p>Thread-safe if the data source is; one run uses one thread.
 */
public final class PackRunner {
  private final SchemaRegistry registry;

  public PackRunner(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
  }

  /** Prepares the rules; ids must be distinct. Never throws for a bad query: it runs alone and reports. */
  public CompiledPack compile(List<PackQuery> queries) {
    Set<String> ids = new HashSet<>();
    RuleAnalyzer analyzer = new RuleAnalyzer(registry);
    List<PackRule> rules = new ArrayList<>(queries.size());
    for (PackQuery q : queries) {
      if (!ids.add(q.id())) throw new IllegalArgumentException("duplicate rule id " + q.id());
      rules.add(analyzer.compile(q));
    }
    return new CompiledPack(rules);
  }

  /**
   * Runs every rule of {@code pack} over {@code data}; results in pack order. Tables are routed, and
   * then rules run, on the common fork-join pool (each rule's result does not depend on the split).
   */
  public PackResult run(CompiledPack pack, DataSource data) {
    return run(pack, data, true);
  }

  /**
   * As {@link #run(CompiledPack, DataSource)}; with {@code reuseVerdicts} false the conditions are
   * evaluated on every dictionary again instead of reusing what an earlier run of the pack found for
   * the same (immutable) dictionary object ("cold" in docs/BENCHMARKS.md).
   */
  public PackResult run(CompiledPack pack, DataSource data, boolean reuseVerdicts) {
    DictionaryCache cache = reuseVerdicts ? pack.cache() : null;
    long start = System.nanoTime();
    List<PackRule> rules = pack.rules();
    Map<String, List<Integer>> readers = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!rules.get(i).shared()) continue;
      for (String t : rules.get(i).reads().keySet()) readers.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
    }
    List<String> names = new ArrayList<>(readers.keySet());
    Routed[] routed = new Routed[names.size()];
    IntStream.range(0, names.size()).parallel().forEach(k -> routed[k] = route(names.get(k), readers.get(names.get(k)), rules, data, cache));
    Map<String, Table> tables = new HashMap<>();
    List<Map<String, IntList>> candidates = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) candidates.add(new HashMap<>());
    int columnsPassed = 0;
    Map<String, Long> routeByTable = new LinkedHashMap<>();
    for (int k = 0; k < names.size(); k++) {
      Routed r = routed[k];
      if (r == null) continue; // no such table: rules reading it run alone and the executor reports it
      tables.put(names.get(k), r.table());
      routeByTable.put(names.get(k), r.nanos());
      columnsPassed += r.columnsPassed();
      List<Integer> readerList = readers.get(names.get(k));
      for (int t = 0; t < r.candidates().length; t++) candidates.get(readerList.get(t)).put(names.get(k), r.candidates()[t]);
    }
    long routedAt = System.nanoTime();
    Outcome[] outcomes = new Outcome[rules.size()];
    QueryRunner alone = new QueryRunner(registry, data);
    IntStream.range(0, rules.size()).parallel().forEach(i -> outcomes[i] = runOne(rules.get(i), candidates.get(i), tables, data, alone));
    Map<String, QueryResult> results = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int onCandidates = 0;
    int skipped = 0;
    int whole = 0;
    long candidateRows = 0;
    for (int i = 0; i < rules.size(); i++) {
      Outcome o = outcomes[i];
      results.put(rules.get(i).query().id(), o.result());
      counts.put(rules.get(i).query().id(), o.candidates());
      if (o.candidates() < 0) whole++;
      else if (o.skipped()) skipped++;
      else onCandidates++;
      candidateRows += Math.max(0, o.candidates());
    }
    long end = System.nanoTime();
    return new PackResult(results, counts, new PackResult.Stats(tables.size(), columnsPassed, onCandidates, skipped, whole,
        candidateRows, routedAt - start, routeByTable, end - routedAt));
  }

  /** One table read and routed: the candidates of each reader, or null for the whole table. */
  private record Routed(Table table, IntList[] candidates, int columnsPassed, long nanos) {}

  /** One rule's result, its candidate rows (-1: whole tables) and whether it was skipped. */
  private record Outcome(QueryResult result, int candidates, boolean skipped) {}

  private static Routed route(String name, List<Integer> readers, List<PackRule> rules, DataSource data,
      DictionaryCache cache) {
    long t0 = System.nanoTime();
    Table table = data.scan(new ScanRequest(name, unionColumns(rules, readers, name), List.of(), List.of()));
    if (table == null) return null;
    List<List<PackRule.ScanConditions>> targets = new ArrayList<>();
    for (int i : readers) targets.add(rules.get(i).reads().get(name).scans());
    TableRouter router = new TableRouter(table, cache);
    IntList[] candidates = router.route(targets);
    return new Routed(table, candidates, router.columnsPassed(), System.nanoTime() - t0);
  }

  private Outcome runOne(PackRule rule, Map<String, IntList> candidates, Map<String, Table> tables, DataSource data,
      QueryRunner alone) {
    if (!rule.shared() || !tables.keySet().containsAll(rule.reads().keySet())) {
      return new Outcome(alone.run(rule.prepared(), rule.query().options()), -1, false);
    }
    Map<String, Table> mine = new HashMap<>();
    boolean anyWhole = false;
    int rows = 0;
    for (Map.Entry<String, PackRule.TableUse> use : rule.reads().entrySet()) {
      Table table = tables.get(use.getKey());
      IntList positions = candidates.get(use.getKey());
      if (positions == null) {
        mine.put(use.getKey(), table);
        anyWhole = true;
      } else {
        Table narrowed = narrow(table, use.getValue().columns()).gather(positions.raw(), positions.size());
        mine.put(use.getKey(), Compacted.recoded(narrowed));
        rows += positions.size();
      }
    }
    if (rows == 0 && !anyWhole) return new Outcome(rule.onEmpty(), 0, true);
    QueryResult r = new QueryRunner(registry, new Narrowed(mine, data)).run(rule.prepared(), rule.query().options());
    return new Outcome(r, anyWhole ? -1 : rows, false);
  }

  /** The columns the readers of {@code table} need, or null for all. */
  private static Set<String> unionColumns(List<PackRule> rules, List<Integer> readers, String table) {
    Set<String> out = new HashSet<>();
    for (int i : readers) {
      Set<String> c = rules.get(i).reads().get(table).columns();
      if (c == null) return null;
      out.addAll(c);
    }
    return out;
  }

  /** Only {@code columns} of {@code t} (all when null or when one is missing: the executor fills it). */
  private static Table narrow(Table t, Set<String> columns) {
    if (columns == null) return t;
    List<ColumnSymbol> cols = new ArrayList<>(columns.size());
    List<Vector> vectors = new ArrayList<>(columns.size());
    for (int i = 0; i < t.columns().size(); i++) {
      if (columns.contains(t.columns().get(i).name())) {
        cols.add(t.columns().get(i));
        vectors.add(t.vector(i));
      }
    }
    return cols.size() == columns.size() ? new Table(cols, vectors, t.rowCount()) : t;
  }

  /** A rule's view of the data: its candidate tables, the rest from the source. */
  private record Narrowed(Map<String, Table> tables, DataSource data) implements DataSource {
    @Override
    public Table table(String name) {
      Table t = tables.get(name);
      return t != null ? t : data.table(name);
    }

    @Override
    public Table scan(ScanRequest request) {
      Table t = tables.get(request.table());
      return t != null ? t : data.scan(request);
    }
  }
}
