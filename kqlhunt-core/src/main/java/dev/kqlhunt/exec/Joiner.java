package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundTabular.JoinKey;
import dev.kqlhunt.binder.BoundTabular.JoinKind;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hash equality joins of every Kusto kind. The right side is hashed on its key tuple; rows whose key
 * holds a null never match (as in Kusto, where null equals nothing). {@code innerunique}, Kusto's
 * default, first keeps one left row per key, then joins inner: Kusto keeps an arbitrary one (the
 * reference shows both choices for one query, join-innerunique #2 and #3); we keep the first.
 * Output: matched pairs in left row order, then (outer kinds) the unmatched right rows; the missing side is null (empty for
 * strings). Semi and anti kinds return one side only; {@code lookup} drops the right key columns.
 */
final class Joiner {
  private final ExprEvaluator eval;

  Joiner(ExprEvaluator eval) {
    this.eval = eval;
  }

  /** Matched pairs as parallel position lists; -1 stands for the missing side of an outer row. */
  private static final class Pairs {
    int[] left = new int[16];
    int[] right = new int[16];
    int count;

    void add(int l, int r) {
      if (count == left.length) {
        left = Arrays.copyOf(left, count * 2);
        right = Arrays.copyOf(right, count * 2);
      }
      left[count] = l;
      right[count++] = r;
    }
  }

  Table join(Table left, Table right, PlanNode.Join j) {
    if (j.residual() != null) throw new ExecutionException(ExecError.UNSUPPORTED_OPERATOR, "join with a where condition");
    if (j.keys().isEmpty()) throw new ExecutionException(ExecError.UNSUPPORTED_OPERATOR, "join without equality keys");
    List<List<Object>> leftKeys = keys(left, j.keys(), true);
    List<List<Object>> rightKeys = keys(right, j.keys(), false);
    Map<List<Object>, List<Integer>> index = new HashMap<>();
    for (int r = 0; r < right.rowCount(); r++) {
      List<Object> k = rightKeys.get(r);
      if (k != null) index.computeIfAbsent(k, x -> new ArrayList<>(1)).add(r);
    }
    JoinKind kind = j.kind();
    boolean[] rightMatched = new boolean[right.rowCount()];
    Pairs pairs = new Pairs();
    Set<List<Object>> seenLeft = kind == JoinKind.INNERUNIQUE ? new HashSet<>() : null;
    for (int l = 0; l < left.rowCount(); l++) {
      List<Object> k = leftKeys.get(l);
      if (seenLeft != null && (k == null || !seenLeft.add(k))) continue;
      List<Integer> matches = k == null ? null : index.get(k);
      boolean matched = matches != null && !matches.isEmpty();
      switch (kind) {
        case LEFTSEMI -> { if (matched) pairs.add(l, -1); }
        case LEFTANTI -> { if (!matched) pairs.add(l, -1); }
        default -> {
          if (matched) {
            for (int r : matches) {
              rightMatched[r] = true;
              if (kind != JoinKind.RIGHTSEMI && kind != JoinKind.RIGHTANTI) pairs.add(l, r);
            }
          } else if (kind == JoinKind.LEFTOUTER || kind == JoinKind.FULLOUTER || kind == JoinKind.LOOKUP_LEFTOUTER) {
            pairs.add(l, -1);
          }
        }
      }
    }
    for (int r = 0; r < right.rowCount(); r++) {
      boolean keep = switch (kind) {
        case RIGHTOUTER, FULLOUTER, RIGHTANTI -> !rightMatched[r];
        case RIGHTSEMI -> rightMatched[r];
        default -> false;
      };
      if (keep) pairs.add(-1, r);
    }
    return output(left, right, j, pairs);
  }

  /** The key tuple of each row; null when any key value is null. */
  private List<List<Object>> keys(Table t, List<JoinKey> keys, boolean leftSide) {
    Vector[] vs = new Vector[keys.size()];
    for (int i = 0; i < vs.length; i++) {
      ColumnSymbol c = leftSide ? keys.get(i).left() : keys.get(i).right();
      int at = t.indexOf(c.name());
      if (at < 0) throw new ExecutionException(ExecError.INTERNAL, "join", "no key column " + c.name());
      vs[i] = t.vector(at);
    }
    List<List<Object>> out = new ArrayList<>(t.rowCount());
    for (int r = 0; r < t.rowCount(); r++) {
      Object[] tuple = new Object[vs.length];
      boolean hasNull = false;
      for (int i = 0; i < vs.length; i++) {
        Object v = ScalarOps.unwrap(Cells.get(vs[i], r));
        // Numbers compare by value across int/long/real, so normalise integral reals.
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) v = d.longValue();
        tuple[i] = v;
        hasNull |= v == null;
      }
      out.add(hasNull ? null : Arrays.asList(tuple));
    }
    return out;
  }

  private Table output(Table left, Table right, PlanNode.Join j, Pairs pairs) {
    long estimate = (long) pairs.count * j.columns().size() * 8L;
    eval.context().memory().check(estimate + left.retainedBytes() + right.retainedBytes(), "join");
    List<Vector> vectors = new ArrayList<>();
    switch (j.kind()) {
      case LEFTSEMI, LEFTANTI -> {
        for (Vector v : left.vectors()) vectors.add(Gather.gather(v, pairs.left, pairs.count));
      }
      case RIGHTSEMI, RIGHTANTI -> {
        for (Vector v : right.vectors()) vectors.add(Gather.gather(v, pairs.right, pairs.count));
      }
      default -> {
        for (Vector v : left.vectors()) vectors.add(Gather.gather(v, pairs.left, pairs.count));
        Set<String> dropped = new HashSet<>();
        if (j.kind() == JoinKind.LOOKUP_INNER || j.kind() == JoinKind.LOOKUP_LEFTOUTER) {
          for (JoinKey k : j.keys()) dropped.add(k.right().name());
        }
        for (int i = 0; i < right.columns().size(); i++) {
          if (dropped.contains(right.columns().get(i).name())) continue;
          vectors.add(Gather.gather(right.vector(i), pairs.right, pairs.count));
        }
      }
    }
    List<Vector> typed = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) typed.add(Executor.typed(vectors.get(i), j.columns().get(i)));
    return new Table(j.columns(), typed, pairs.count);
  }
}
