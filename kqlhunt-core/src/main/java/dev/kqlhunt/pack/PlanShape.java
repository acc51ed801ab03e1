package dev.kqlhunt.pack;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundTabular;
import dev.kqlhunt.plan.PlanNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table scans of a plan, and whether they are all the table reads the plan can make. A plan may
 * read a table elsewhere than in a {@link PlanNode.Scan} reachable from the root: in an {@code
 * mv-apply} subquery (run once per row), a {@code toscalar()} or an {@code in (subquery)} (planned
 * when evaluated), a {@code table()} call. Such a plan is not {@link #closed()}: a pack runs it over
 * the whole data. Walks every record component generically (as {@code BoundTrees} does), so a new
 * node type is seen without a visitor edit; an unknown record outside the plan and binder packages
 * is not descended into, which is safe because only those packages hold table reads.
 */
final class PlanShape {
  private final List<PlanNode.Scan> scans = new ArrayList<>();
  private boolean closed = true;

  private PlanShape() {}

  static PlanShape of(PlanNode plan) {
    PlanShape shape = new PlanShape();
    shape.walk(plan, new IdentityHashMap<>());
    return shape;
  }

  /** The scans, in the order the walk met them. */
  List<PlanNode.Scan> scans() {
    return scans;
  }

  /** Whether every table read of the plan is one of {@link #scans()}. */
  boolean closed() {
    return closed;
  }

  private void walk(Object node, Map<Object, Boolean> seen) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) return;
    if (node instanceof Collection<?> items) {
      for (Object item : items) walk(item, seen);
      return;
    }
    if (!(node instanceof Record record)) return;
    String pkg = record.getClass().getPackageName();
    if (!pkg.equals("dev.kqlhunt.plan") && !pkg.equals("dev.kqlhunt.binder")) return;
    switch (node) {
      case PlanNode.Scan s -> scans.add(s);
      case PlanNode.MvApply m -> closed = false;
      case PlanNode.Unsupported u -> closed = false;
      case BoundTabular t -> closed = false;
      case BoundExpr.ToScalar t -> closed = false;
      case BoundExpr.InList i when i.subquery() != null -> closed = false;
      case BoundExpr.Call c when isTableCall(c.function().name()) -> closed = false;
      default -> { }
    }
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        c.getAccessor().setAccessible(true);
        walk(c.getAccessor().invoke(record), seen);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
      }
    }
  }

  private static boolean isTableCall(String name) {
    return name.equals("table") || name.equals("database") || name.equals("cluster") || name.equals("externaldata");
  }
}
