package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of one {@code bind} call: the catalogue, the diagnostics found so far, and the guards
 * against runaway function expansion. Diagnostics are de-duplicated by code and span because a
 * function body is bound once per call and would otherwise report the same error at every call.
 */
final class BindContext {
  /** Deeper user-function expansion than this is treated as recursion (Kusto forbids recursion). */
  static final int MAX_EXPANSION_DEPTH = 32;

  final SchemaRegistry catalog;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<String> reported = new HashSet<>();
  private int muted;
  int expansionDepth;
  /** Inside {@code union isfuzzy=true}: unknown tables are tolerated silently, as Kusto does. */
  int fuzzyUnion;
  /** Columns found so far for each unknown table, in order of first reference (first pass). */
  final java.util.Map<String, java.util.LinkedHashSet<String>> discovered = new java.util.LinkedHashMap<>();
  /** Columns to give each unknown table from the start (second pass), or null in the first pass. */
  java.util.Map<String, java.util.LinkedHashSet<String>> seeded;
  /** The {@code declare pattern} statements seen so far, by name. */
  final java.util.Map<String, dev.kqlhunt.syntax.tree.Statement.DeclarePatternStatement> patterns = new java.util.HashMap<>();
  /** The entity names of a {@code restrict access to} statement, or null when none was seen. */
  java.util.List<String> restrictedTo;
  /** The outcome, once binding finished. */
  BindResult result;
  final ExprBinder exprs;
  final TabularBinder tables;

  private final String text;

  BindContext(SchemaRegistry catalog, String text) {
    this.catalog = catalog;
    this.text = text;
    this.exprs = new ExprBinder(this);
    this.tables = new TabularBinder(this);
  }

  /** The source text under {@code span}, clamped to the text (spans of stored function bodies point elsewhere). */
  String text(TextSpan span) {
    int start = Math.min(span.start(), text.length());
    int end = Math.min(span.end(), text.length());
    return text.substring(start, end);
  }

  /**
   * Records that {@code name} was read from an open row: the official parser makes it a column of the
   * unknown table(s) the row comes from, so a second pass gives those tables these columns up front.
   */
  void discover(Row row, String name) {
    if (seeded != null || row.origin() == null) return;
    List<String> tables = new ArrayList<>(2);
    Row.unknownTables(row.origin(), tables);
    for (String t : tables) discovered.computeIfAbsent(t, k -> new java.util.LinkedHashSet<>()).add(name);
  }

  /** An unknown table: no columns in the first pass, the discovered ones (typed unknown) in the second. */
  BoundTabular unknownTable(String name) {
    java.util.LinkedHashSet<String> seeds = seeded == null ? null : seeded.get(name);
    List<dev.kqlhunt.symbols.ColumnSymbol> cols = new ArrayList<>();
    if (seeds != null) for (String c : seeds) cols.add(new dev.kqlhunt.symbols.ColumnSymbol(c, dev.kqlhunt.symbols.ScalarType.UNKNOWN));
    return new BoundTabular.TableScan(name, cols, false);
  }

  void error(BindErrors code, TextSpan span, Object... args) {
    if (muted > 0) return;
    if (!reported.add(code.id() + '@' + span.start() + ':' + span.length())) return;
    diagnostics.add(Diagnostic.error(code, span, args));
  }

  /** Stops reporting (for bodies of stored functions, whose spans point into another text) until {@link #unmute}. */
  void mute() {
    muted++;
  }

  void unmute() {
    muted--;
  }

  List<Diagnostic> diagnostics() {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(java.util.Comparator.comparingInt(d -> d.span().start()));
    return sorted;
  }

  /** {@code " (did you mean 'x'?)"} or the empty string. */
  static String didYouMean(String suggestion) {
    return suggestion == null ? "" : " (did you mean '" + suggestion + "'?)";
  }
}
