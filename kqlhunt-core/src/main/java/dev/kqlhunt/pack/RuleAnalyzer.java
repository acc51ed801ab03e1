package dev.kqlhunt.pack;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.ScanRequest;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one rule for a pack: prepares its query, runs it once over empty tables (its result when
 * no row can match), and derives from each scan's predicates the necessary conditions a row must
 * meet to be kept ({@link Alt}).
 *
 * <p>Keyed conditions are read from literal needles: {@code has}/{@code has_cs} → the needle's terms
 * ({@link Terms#wholeTerms}); {@code has_any} → one alternative per needle; {@code has_all} → the
 * terms of all needles; {@code ==}, {@code =~}, {@code in}, {@code in~} → the folded value. Every
 * other single-column predicate the executor can push into a scan (negations, {@code contains},
 * {@code startswith}, {@code matches regex}, ...) is obtained from the executor itself: a one-predicate
 * scan is run over a recording source and the {@link ScanRequest.StringCondition} it asks for is
 * kept ({@link Alt.Test}), so its semantics are the executor's; for {@code startswith}, {@code
 * endswith}, {@code contains} and anchored simple regexes ({@code (?i)^a.*b$}, what the pack's globs
 * render to) with a literal needle, the terms every matching value holds are attached as keys, so
 * the test runs only on the entries holding one. {@code or} of conditions on any
 * columns is a disjunction of their alternatives; for {@code and} inside an {@code or}, one side.
 */
final class RuleAnalyzer {
  private final SchemaRegistry registry;

  RuleAnalyzer(SchemaRegistry registry) {
    this.registry = registry;
  }

  PackRule compile(PackQuery q) {
    QueryRunner.Prepared prepared = new QueryRunner(registry, DataSource.EMPTY).prepare(q.source());
    Map<String, PackRule.TableUse> reads = new LinkedHashMap<>();
    if (!prepared.runs()) return new PackRule(q, prepared, null, reads);
    PlanShape shape = PlanShape.of(prepared.plan());
    if (!shape.closed()) return new PackRule(q, prepared, null, reads);
    Recording recording = new Recording();
    QueryResult onEmpty = new QueryRunner(registry, recording).run(prepared, q.options());
    if (!onEmpty.ok() || !onEmpty.diagnostics().isEmpty()) return new PackRule(q, prepared, null, reads);
    Map<String, List<PackRule.ScanConditions>> scans = new LinkedHashMap<>();
    for (PlanNode.Scan s : shape.scans()) {
      scans.computeIfAbsent(s.table(), t -> new ArrayList<>()).add(conditions(s, q, prepared));
    }
    for (Map.Entry<String, List<PackRule.ScanConditions>> e : scans.entrySet()) {
      reads.put(e.getKey(), new PackRule.TableUse(e.getValue(), columns(recording, e.getKey(), e.getValue().size())));
    }
    return new PackRule(q, prepared, onEmpty, reads);
  }

  /** The columns the scans of {@code table} asked for; null (all) unless every scan was seen asking. */
  private static Set<String> columns(Recording recording, String table, int scans) {
    Set<String> out = new HashSet<>();
    int seen = 0;
    for (ScanRequest r : recording.requests) {
      if (!r.table().equals(table)) continue;
      if (r.columns() == null) return null;
      out.addAll(r.columns());
      seen++;
    }
    return seen == scans ? out : null;
  }

  private PackRule.ScanConditions conditions(PlanNode.Scan scan, PackQuery q, QueryRunner.Prepared prepared) {
    List<Alt.AnyOf> options = new ArrayList<>();
    List<BoundExpr> conjuncts = new ArrayList<>();
    for (BoundExpr p : scan.predicates()) conjuncts(p, conjuncts);
    for (BoundExpr c : conjuncts) {
      List<Alt> alts = alternatives(c, scan, q, prepared);
      if (alts != null) options.add(new Alt.AnyOf(alts));
    }
    if (options.isEmpty()) {
      Alt join = new JoinConditions(registry).condition(scan, prepared.plan(), prepared.source(), q.options());
      if (join != null) options.add(new Alt.AnyOf(List.of(join)));
    }
    return new PackRule.ScanConditions(options);
  }

  private static void conjuncts(BoundExpr e, List<BoundExpr> out) {
    if (e instanceof BoundExpr.Binary b && b.op() == BinaryOp.AND) {
      conjuncts(b.left(), out);
      conjuncts(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /** Alternatives one of which every row meeting {@code e} meets, or null when none is known. */
  private List<Alt> alternatives(BoundExpr e, PlanNode.Scan scan, PackQuery q, QueryRunner.Prepared prepared) {
    if (e instanceof BoundExpr.Binary b && b.op() == BinaryOp.OR) {
      List<Alt> l = alternatives(b.left(), scan, q, prepared);
      List<Alt> r = l == null ? null : alternatives(b.right(), scan, q, prepared);
      if (r == null) return null;
      List<Alt> both = new ArrayList<>(l);
      both.addAll(r);
      return both;
    }
    if (e instanceof BoundExpr.Binary b && b.op() == BinaryOp.AND) {
      List<Alt> l = alternatives(b.left(), scan, q, prepared);
      List<Alt> r = alternatives(b.right(), scan, q, prepared);
      if (l == null || r == null) return l == null ? r : l;
      return better(l, r);
    }
    List<Alt> keyed = keyed(e);
    if (keyed != null) return keyed;
    Alt.Test t = probe(e, scan, q, prepared);
    return t == null ? null : List.of(t);
  }

  /** Of two necessary conditions of a conjunction: keyed over tested, then fewer alternatives. */
  private static List<Alt> better(List<Alt> l, List<Alt> r) {
    boolean lk = new Alt.AnyOf(l).keyed();
    boolean rk = new Alt.AnyOf(r).keyed();
    if (lk != rk) return lk ? l : r;
    return r.size() < l.size() ? r : l;
  }

  /** Keyed alternatives of a predicate over literal needles, or null. */
  private static List<Alt> keyed(BoundExpr e) {
    if (e instanceof BoundExpr.Binary b) {
      String column = stringColumn(b.left());
      String needle = literalString(b.right());
      if (column == null || needle == null) return null;
      return switch (b.op()) {
        case HAS, HAS_CS -> term(column, needle);
        case EQUAL, EQUAL_CI -> List.of(new Alt.Exact(column, Terms.fold(needle)));
        default -> null;
      };
    }
    if (e instanceof BoundExpr.InList i && i.subquery() == null) {
      String column = stringColumn(i.value());
      if (column == null || i.items().isEmpty()) return null;
      List<String> needles = new ArrayList<>();
      for (BoundExpr item : i.items()) {
        String s = literalString(item);
        if (s == null) return null;
        needles.add(s);
      }
      List<Alt> out = new ArrayList<>();
      switch (i.op()) {
        case IN, IN_CI -> {
          for (String n : needles) out.add(new Alt.Exact(column, Terms.fold(n)));
        }
        case HAS_ANY -> {
          for (String n : needles) {
            List<Alt> t = term(column, n);
            if (t == null) return null;
            out.addAll(t);
          }
        }
        case HAS_ALL -> {
          List<String> keys = new ArrayList<>();
          for (String n : needles) keys.addAll(Terms.wholeTerms(n, true, true));
          if (keys.isEmpty()) return null;
          out.add(new Alt.Term(column, keys));
        }
        default -> {
          return null;
        }
      }
      return out;
    }
    return null;
  }

  private static List<Alt> term(String column, String needle) {
    List<String> keys = Terms.wholeTerms(needle, true, true);
    return keys.isEmpty() ? null : List.of(new Alt.Term(column, keys));
  }

  private static String stringColumn(BoundExpr e) {
    return e instanceof BoundExpr.ColumnRef c && c.type() == ScalarType.STRING ? c.column().name() : null;
  }

  private static String literalString(BoundExpr e) {
    if (e instanceof BoundExpr.VariableRef v && v.value() != null) return literalString(v.value());
    return e instanceof BoundExpr.Literal l && l.value() instanceof String s ? s : null;
  }

  /** The executor's own string condition for {@code e}, from a one-predicate scan over a recording source. */
  private Alt.Test probe(BoundExpr e, PlanNode.Scan scan, PackQuery q, QueryRunner.Prepared prepared) {
    Recording recording = new Recording();
    PlanNode.Scan one = new PlanNode.Scan(scan.table(), scan.columns(), List.of(e), scan.known());
    new QueryRunner(registry, recording).run(new QueryRunner.Prepared(prepared.source(), one, List.of()), q.options());
    for (ScanRequest r : recording.requests) {
      if (!r.strings().isEmpty()) {
        ScanRequest.StringCondition c = r.strings().get(0);
        return new Alt.Test(c.column(), c.test(), testKeys(e));
      }
    }
    return null;
  }

  /** Terms every value meeting {@code e} holds, for the string operators with a literal needle; else none. */
  static List<String> testKeys(BoundExpr e) {
    if (!(e instanceof BoundExpr.Binary b) || stringColumn(b.left()) == null) return List.of();
    String needle = literalString(b.right());
    if (needle == null) return List.of();
    return switch (b.op()) {
      case STARTSWITH, STARTSWITH_CS -> Terms.wholeTerms(needle, true, false);
      case ENDSWITH, ENDSWITH_CS -> Terms.wholeTerms(needle, false, true);
      case CONTAINS, CONTAINS_CS -> Terms.wholeTerms(needle, false, false);
      case MATCHES_REGEX -> regexKeys(needle);
      default -> List.of();
    };
  }

  /**
   * Terms of the literal parts of a regex made of literal characters (escaped metacharacters
   * included) and {@code .*}, optionally {@code (?i)}, anchored by {@code ^...$}; else none. Only
   * ASCII literals: RE2 folds some non-ASCII letters differently from the engine's {@code =~}.
   */
  static List<String> regexKeys(String regex) {
    String r = regex.startsWith("(?i)") ? regex.substring(4) : regex;
    if (!r.startsWith("^") || !r.endsWith("$") || r.endsWith("\\$")) return List.of();
    r = r.substring(1, r.length() - 1);
    List<String> segments = new ArrayList<>();
    StringBuilder seg = new StringBuilder();
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '\\' && i + 1 < r.length() && "\\.[]{}()^$|?+*".indexOf(r.charAt(i + 1)) >= 0) {
        seg.append(r.charAt(++i));
      } else if (c == '.' && i + 1 < r.length() && r.charAt(i + 1) == '*') {
        segments.add(seg.toString());
        seg.setLength(0);
        i++;
      } else if ("\\.[]{}()^$|?+*".indexOf(c) >= 0) {
        return List.of(); // anything but literals and .* : no keys
      } else {
        seg.append(c);
      }
    }
    segments.add(seg.toString());
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < segments.size(); k++) {
      String text = segments.get(k);
      if (!Terms.isAscii(text)) return List.of();
      keys.addAll(Terms.wholeTerms(text, k == 0, k == segments.size() - 1));
    }
    return keys;
  }

  /** Every table exists and is empty; the scans asked for are kept. */
  static final class Recording implements DataSource {
    private static final Table NONE = new Table(List.of(), List.of(), 0);
    /** Every table exists and is empty; nothing is recorded. */
    static final DataSource EMPTY_TABLES = name -> NONE;
    final List<ScanRequest> requests = new ArrayList<>();

    @Override
    public Table table(String name) {
      return NONE;
    }

    @Override
    public Table scan(ScanRequest request) {
      requests.add(request);
      return NONE;
    }
  }
}
