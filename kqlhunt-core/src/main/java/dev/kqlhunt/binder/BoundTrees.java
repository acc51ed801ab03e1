package dev.kqlhunt.binder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Whole-tree questions about a bound query: which tables it reads, whether it reads some it cannot
 * name. Walks every record component generically, so a node type added to the bound tree is covered
 * without touching this class. Cost: linear in the tree; meant for validation, not for hot paths.
 */
public final class BoundTrees {
  private BoundTrees() {}

  /** Names of the database tables the query scans (after resolving lets and user functions). */
  public static Set<String> tablesRead(BoundQuery query) {
    Set<String> tables = new TreeSet<>();
    walk(query, node -> {
      if (node instanceof BoundTabular.TableScan scan) tables.add(scan.table());
    });
    return tables;
  }

  /**
   * Whether the query may read tables it does not name statically: {@code table()}, {@code
   * database()} or {@code cluster()} calls, whose argument can be computed.
   */
  public static boolean readsTablesIndirectly(BoundQuery query) {
    boolean[] found = {false};
    walk(query, node -> {
      if (node instanceof BoundExpr.Call call) {
        String name = call.function().name();
        if (name.equals("table") || name.equals("database") || name.equals("cluster")) found[0] = true;
      }
    });
    return found[0];
  }

  /** Visits every record reachable from {@code root} once (shared subtrees, e.g. lets, once). */
  static void walk(Object root, Consumer<Object> visitor) {
    walk(root, visitor, new IdentityHashMap<>());
  }

  private static void walk(Object node, Consumer<Object> visitor, Map<Object, Boolean> seen) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) return;
    if (node instanceof Collection<?> items) {
      for (Object item : items) walk(item, visitor, seen);
      return;
    }
    if (!(node instanceof Record record) || !record.getClass().getPackageName().startsWith("dev.kqlhunt.binder")) {
      return;
    }
    visitor.accept(node);
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        c.getAccessor().setAccessible(true);
        walk(c.getAccessor().invoke(record), visitor, seen);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
      }
    }
  }
}
