package dev.kqlhunt.pack;

import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.vector.StringDictionary;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes the rows of one table to the rules ("targets") that may keep them, in one pass over each
 * string column that some rule's condition reads.
 *
 * <p>Per column, every condition is evaluated once per dictionary entry, not per row: keyed
 * conditions of the whole pack through one tokenisation and hash lookup per entry ({@link Alt.Term},
 * {@link Alt.Exact}), tests per entry for their rule. Then each column's codes are read once and
 * every row is appended to the targets its code routes it to. Per scan the runner uses one option
 * (one conjunct's alternatives): keyed options over tested ones, then the column with the smallest
 * dictionary, then the fewest matching entries.
 *
 * <p>Not thread-safe; one router per table and run.
 */
final class TableRouter {
  private final Table table;
  private final Map<String, Column> columns = new HashMap<>();
  private int columnsPassed;

  private final DictionaryCache cache;

  /** A router over {@code table}; {@code cache} (may be null) keeps per-dictionary verdicts across runs. */
  TableRouter(Table table, DictionaryCache cache) {
    this.table = table;
    this.cache = cache;
  }

  /** Columns whose codes were read by the last {@link #route}. */
  int columnsPassed() {
    return columnsPassed;
  }

  /**
   * The candidate rows of each target, ascending, or null for a target that needs the whole table
   * (a scan without a usable condition).
   */
  IntList[] route(List<List<PackRule.ScanConditions>> targets) {
    registerKeys(targets);
    IntList[] out = new IntList[targets.size()];
    boolean[] full = new boolean[targets.size()];
    boolean[] several = new boolean[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      List<Alt.AnyOf> chosen = new ArrayList<>();
      for (PackRule.ScanConditions scan : targets.get(t)) {
        Alt.AnyOf option = choose(scan);
        if (option == null) {
          full[t] = true;
          break;
        }
        chosen.add(option);
      }
      if (full[t]) continue;
      out[t] = new IntList(16);
      String firstColumn = null;
      for (Alt.AnyOf option : chosen) {
        for (Alt a : option.alts()) {
          Column c = columns.get(a.column());
          IntList codes = c.codes(a);
          for (int i = 0; i < codes.size(); i++) c.routeTo(codes.get(i), t);
          if (firstColumn == null) firstColumn = a.column();
          else if (!firstColumn.equals(a.column())) several[t] = true;
        }
      }
    }
    columnsPassed = 0;
    for (Column c : columns.values()) {
      if (c.pass(out)) columnsPassed++;
    }
    for (int t = 0; t < out.length; t++) {
      if (full[t]) out[t] = null;
      else if (several[t]) out[t].sortDistinct();
    }
    return out;
  }

  /** Collects the keys every keyed condition looks up, per column, so each column is tokenised once. */
  private void registerKeys(List<List<PackRule.ScanConditions>> targets) {
    for (List<PackRule.ScanConditions> scans : targets) {
      for (PackRule.ScanConditions scan : scans) {
        for (Alt.AnyOf option : scan.options()) {
          for (Alt a : option.alts()) {
            Column c = column(a.column());
            if (c != null) c.verdicts.addKeys(a);
          }
        }
      }
    }
  }

  /** The option of a scan the router uses, or null when none is usable. */
  private Alt.AnyOf choose(PackRule.ScanConditions scan) {
    List<Alt.AnyOf> usable = new ArrayList<>();
    boolean anyKeyed = false;
    for (Alt.AnyOf o : scan.options()) {
      if (!usable(o)) continue;
      usable.add(o);
      anyKeyed |= o.keyed();
    }
    int smallest = Integer.MAX_VALUE;
    for (Alt.AnyOf o : usable) {
      if (o.keyed() == anyKeyed) smallest = Math.min(smallest, dictionarySize(o));
    }
    List<Alt.AnyOf> costed = new ArrayList<>();
    for (Alt.AnyOf o : usable) {
      // Costing an option evaluates it over its dictionaries: only the cheap ones are costed.
      if (o.keyed() == anyKeyed && dictionarySize(o) <= 2L * smallest) costed.add(o);
    }
    if (costed.size() <= 1) return costed.isEmpty() ? null : costed.get(0);
    Alt.AnyOf best = null;
    long bestCost = Long.MAX_VALUE;
    for (Alt.AnyOf o : costed) {
      long cost = 0; // rows the option routes (estimated; an upper bound when alternatives overlap)
      for (Alt a : o.alts()) {
        Column c = columns.get(a.column());
        cost += c.rows(c.codes(a));
      }
      if (cost < bestCost) {
        best = o;
        bestCost = cost;
      }
    }
    return best;
  }

  private boolean usable(Alt.AnyOf o) {
    for (Alt a : o.alts()) if (column(a.column()) == null) return false;
    return true;
  }

  private int dictionarySize(Alt.AnyOf o) {
    int max = 0;
    for (Alt a : o.alts()) max = Math.max(max, columns.get(a.column()).dictionary.size());
    return max;
  }

  /** Rows sampled per code: about this many, evenly spaced, estimate the rows per code. */
  private static final int SAMPLED_ROWS = 1 << 16;

  /**
   * Estimated rows per dictionary code of {@code vector}: one row in {@code n / 65,536} is counted and
   * the counts scaled, so costing an option reads 65,536 codes, not every row (only the choice
   * between options depends on it, never a result).
   */
  static int[] countCodes(StringVector vector) {
    int[] counts = new int[vector.dictionary().size()];
    int[] raw = vector.rawCodes();
    int n = vector.size();
    int stride = Math.max(1, n / SAMPLED_ROWS);
    for (int r = 0; r < n; r += stride) counts[raw[r]] += stride;
    return counts;
  }

  /** The column's state, or null when the table has no dictionary-coded column of that name. */
  private Column column(String name) {
    Column c = columns.get(name);
    if (c != null) return c;
    int i = table.indexOf(name);
    if (i < 0) return null;
    Vector v = table.vector(i);
    if (!(v instanceof StringVector s)) return null;
    c = new Column(s, cache == null ? new Verdicts(s.dictionary()) : cache.verdicts(name, s.dictionary()), cache);
    columns.put(name, c);
    return c;
  }

  /**
   * What the pack's conditions select in one dictionary of one column: its keys and the codes each
   * condition matches. Depends only on the (immutable) dictionary and the pack, so a {@link
   * DictionaryCache} may keep it for later runs over data sharing the dictionary. Thread-safe.
   */
  static final class Verdicts {
    private static final IntList NONE = new IntList(1);
    /** Dictionaries at least this large are tokenised in two halves on the common pool. */
    private static final int PARALLEL_ENTRIES = 50_000;
    final StringDictionary dictionary;
    final Set<String> termKeys = new HashSet<>();
    final Set<String> exactKeys = new HashSet<>();
    private Map<String, IntList> termCodes;
    private int indexedKeys;
    private Map<String, IntList> exactCodes;
    private final Map<Alt.Test, IntList> testCodes = new IdentityHashMap<>();
    private final Map<Alt.Term, IntList> termAltCodes = new IdentityHashMap<>();
    private final Map<Alt.Computed, IntList> computedCodes = new IdentityHashMap<>();

    Verdicts(StringDictionary dictionary) {
      this.dictionary = dictionary;
    }

    synchronized void addKeys(Alt a) {
      switch (a) {
        case Alt.Term k -> termKeys.addAll(k.keys());
        case Alt.Exact k -> exactKeys.add(k.key());
        case Alt.Test k -> termKeys.addAll(k.keys());
        case Alt.Computed k -> { }
      }
    }

    /** The dictionary codes whose value meets {@code a}, ascending. */
    synchronized IntList codes(Alt a) {
      return switch (a) {
        case Alt.Term k -> termAltCodes.computeIfAbsent(k, x -> rarest(x.keys()));
        case Alt.Exact k -> {
          index();
          yield exactCodes.getOrDefault(k.key(), NONE);
        }
        case Alt.Test k -> testCodes.computeIfAbsent(k, this::evaluate);
        case Alt.Computed k -> computedCodes.computeIfAbsent(k, this::compute);
      };
    }

    /**
     * The codes of the entries holding every key (each key is necessary), ascending: the smallest
     * key's list, filtered by binary search in the others (a common key such as {@code COM} may be
     * held by most entries, so it is never walked).
     */
    private IntList rarest(List<String> keys) {
      index();
      List<IntList> lists = new ArrayList<>(keys.size());
      for (String k : keys) lists.add(termCodes.getOrDefault(k, NONE));
      lists.sort((a, b) -> Integer.compare(a.size(), b.size()));
      IntList out = lists.get(0);
      for (int k = 1; k < lists.size() && out.size() > 0; k++) {
        IntList other = lists.get(k);
        IntList kept = new IntList(out.size());
        for (int i = 0; i < out.size(); i++) {
          if (java.util.Arrays.binarySearch(other.raw(), 0, other.size(), out.get(i)) >= 0) kept.add(out.get(i));
        }
        out = kept;
      }
      return out;
    }

    private IntList compute(Alt.Computed c) {
      int[] codes = c.evaluate().apply(dictionary);
      IntList out = new IntList(codes == null ? dictionary.size() : Math.max(1, codes.length));
      if (codes == null) {
        for (int code = 0; code < dictionary.size(); code++) out.add(code);
      } else {
        for (int code : codes) out.add(code);
      }
      return out;
    }

    private IntList evaluate(Alt.Test test) {
      IntList out = new IntList(4);
      if (!test.keys().isEmpty()) {
        IntList candidates = rarest(test.keys());
        for (int i = 0; i < candidates.size(); i++) {
          int code = candidates.get(i);
          if (test.test().test(dictionary.get(code))) out.add(code);
        }
        return out;
      }
      for (int code = 0; code < dictionary.size(); code++) {
        if (test.test().test(dictionary.get(code))) out.add(code);
      }
      return out;
    }

    /**
     * One tokenisation of every entry for all the pack's keys on this column (no allocation per term);
     * a large dictionary is split in two halves tokenised on the common pool, lists concatenated in order.
     */
    private void index() {
      // Keys are registered before any lookup; a later run of the same pack registers the same keys.
      if (termCodes != null && indexedKeys == termKeys.size() + exactKeys.size()) return;
      indexedKeys = termKeys.size() + exactKeys.size();
      termAltCodes.clear();
      testCodes.clear();
      termCodes = new HashMap<>();
      exactCodes = new HashMap<>();
      KeyTable terms = new KeyTable(termKeys);
      KeyTable exact = new KeyTable(exactKeys);
      int n = dictionary.size();
      // Two halves: 28 chunks of 16,384 entries measured slower on the 2-core machine (more lists to
      // allocate and concatenate), though they balance better when the other thread is busy.
      int chunks = n >= PARALLEL_ENTRIES ? 2 : 1;
      int size = n / chunks + 1;
      IntList[][] termChunks = new IntList[chunks][];
      IntList[][] exactChunks = new IntList[chunks][];
      java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
      (chunks > 1 ? range.parallel() : range).forEach(k -> {
        termChunks[k] = new IntList[terms.size()];
        exactChunks[k] = new IntList[exact.size()];
        tokenise(Math.min(n, k * size), Math.min(n, (k + 1) * size), terms, exact, termChunks[k], exactChunks[k]);
      });
      IntList[] termLists = termChunks[0];
      IntList[] exactLists = exactChunks[0];
      for (int k = 1; k < chunks; k++) {
        concat(termLists, termChunks[k]);
        concat(exactLists, exactChunks[k]);
      }
      for (int id = 0; id < termLists.length; id++) if (termLists[id] != null) termCodes.put(terms.key(id), termLists[id]);
      for (int id = 0; id < exactLists.length; id++) if (exactLists[id] != null) exactCodes.put(exact.key(id), exactLists[id]);
    }

    private static void concat(IntList[] first, IntList[] second) {
      for (int id = 0; id < first.length; id++) {
        if (second[id] == null) continue;
        if (first[id] == null) {
          first[id] = second[id];
        } else {
          for (int i = 0; i < second[id].size(); i++) first[id].add(second[id].get(i));
        }
      }
    }

    /** Looks up the keys of entries {@code [from, to)}; appends codes (ascending) to the lists by key id. */
    private void tokenise(int from, int to, KeyTable terms, KeyTable exact, IntList[] termLists, IntList[] exactLists) {
      // The entry is copied to a char array first (for a Latin-1 string one vectorised inflate): the
      // loops then index an array, not String.charAt with its coder and bounds checks per char.
      char[] chars = new char[64];
      char[] folded = new char[64];
      char[] asciiFold = Terms.ASCII_TERM_FOLD;
      boolean anyTerms = terms.size() > 0;
      for (int code = from; code < to; code++) {
        String value = dictionary.get(code);
        int n = value.length();
        if (chars.length < n) {
          chars = new char[n * 2];
          folded = new char[n * 2];
        }
        value.getChars(0, n, chars, 0);
        if (exact.hasLength(n)) {
          int h = 0;
          for (int i = 0; i < n; i++) {
            char f = Terms.fold(chars[i]);
            folded[i] = f;
            h = KeyTable.step(h, f);
          }
          int id = exact.find(folded, 0, n, KeyTable.spread(h));
          if (id >= 0) add(exactLists, id, code);
        }
        if (!anyTerms) continue;
        // Terms are folded in place; each is looked up where it ends.
        int start = 0;
        int h = 0;
        for (int i = 0; i < n; i++) {
          char c = chars[i];
          char f = c < 128 ? asciiFold[c] : Terms.termFold(c);
          if (f != 0) {
            chars[i] = f;
            h = KeyTable.step(h, f);
          } else {
            if (i > start) {
              int id = terms.find(chars, start, i - start, KeyTable.spread(h));
              if (id >= 0) add(termLists, id, code);
            }
            start = i + 1;
            h = 0;
          }
        }
        if (n > start) {
          int id = terms.find(chars, start, n - start, KeyTable.spread(h));
          if (id >= 0) add(termLists, id, code);
        }
      }
    }

    private static void add(IntList[] lists, int id, int code) {
      IntList l = lists[id];
      if (l == null) lists[id] = l = new IntList(2);
      if (l.size() == 0 || l.last() != code) l.add(code);
    }

  }

  /** One string column of the routed table: its verdicts, and the routing of its codes to targets. */
  private static final class Column {
    final StringVector vector;
    final StringDictionary dictionary;
    final Verdicts verdicts;
    private IntList[] targetsByCode;
    private int[] counts;

    private final DictionaryCache cache;

    Column(StringVector vector, Verdicts verdicts, DictionaryCache cache) {
      this.vector = vector;
      this.cache = cache;
      this.dictionary = vector.dictionary();
      this.verdicts = verdicts;
    }

    IntList codes(Alt a) {
      return verdicts.codes(a);
    }

    /** Estimated rows holding one of {@code codes} ({@link #countCodes}, the first time). */
    long rows(IntList codes) {
      if (counts == null) counts = cache == null ? countCodes(vector) : cache.counts(vector);
      long sum = 0;
      for (int i = 0; i < codes.size(); i++) sum += counts[codes.get(i)];
      return sum + codes.size(); // entries break ties between options the sample saw no row of
    }

    void routeTo(int code, int target) {
      if (targetsByCode == null) targetsByCode = new IntList[dictionary.size()];
      IntList l = targetsByCode[code];
      if (l == null) targetsByCode[code] = l = new IntList(2);
      if (l.size() == 0 || l.last() != target) l.add(target);
    }

    /** Appends each row to the candidates of the targets its code routes to; false when nothing routes here. */
    boolean pass(IntList[] candidates) {
      if (targetsByCode == null) return false;
      int[][] byCode = new int[targetsByCode.length][];
      for (int i = 0; i < byCode.length; i++) if (targetsByCode[i] != null) byCode[i] = targetsByCode[i].toArray();
      int[] codes = vector.rawCodes();
      int n = vector.size();
      for (int r = 0; r < n; r++) {
        int[] ts = byCode[codes[r]];
        if (ts == null) continue;
        for (int t : ts) candidates[t].add(r);
      }
      return true;
    }
  }
}
