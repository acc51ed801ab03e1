package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Functions over dynamic arrays and bags ({@code array_concat}, {@code array_slice}, {@code
 * set_union}, {@code bag_merge}, ...) and math functions. A non-array argument where an array is
 * expected gives null, as in Kusto.
 */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types, ScalarType result) {
    return switch (name) {
      case "array_concat" -> a -> concat(a);
      case "array_slice" -> a -> slice(a);
      case "array_reverse" -> a -> array(a[0]) == null ? null : reversed(array(a[0]));
      case "array_sort_asc", "array_sort_desc" -> a -> sorted(a, name.endsWith("asc"));
      case "set_union" -> a -> setOp(a, 0);
      case "set_intersect" -> a -> setOp(a, 1);
      case "set_difference" -> a -> setOp(a, 2);
      case "array_sum" -> a -> sum(a[0]);
      case "bag_merge" -> a -> bagMerge(a);
      case "bag_remove_keys" -> a -> bagRemoveKeys(a);
      case "bag_has_key" -> a -> Coerce.toDynamic(a[0]) instanceof Dynamic.DynBag b
          && hasKey(b, keyPath(Coerce.toStringValue(a[1], types[1])));
      case "column_ifexists", "columnifexists" -> a -> Coerce.to(result, a[1]);
      case "sqrt" -> a -> math(a[0], Math::sqrt);
      case "exp" -> a -> math(a[0], Math::exp);
      case "log" -> a -> math(a[0], Math::log);
      case "log10" -> a -> math(a[0], Math::log10);
      case "log2" -> a -> math(a[0], x -> Math.log(x) / Math.log(2));
      case "ceiling" -> a -> a[0] instanceof Long ? a[0] : math(a[0], Math::ceil);
      case "pow" -> a -> {
        Double x = Coerce.toReal(ScalarOps.unwrap(a[0]));
        Double y = Coerce.toReal(ScalarOps.unwrap(a[1]));
        return x == null || y == null ? null : Math.pow(x, y);
      };
      case "isnan" -> a -> a[0] instanceof Double d && Double.isNaN(d);
      case "isfinite" -> a -> a[0] instanceof Double d ? Double.isFinite(d) : a[0] != null;
      case "isinf" -> a -> a[0] instanceof Double d && Double.isInfinite(d);
      case "sign" -> a -> a[0] instanceof Long l ? (Object) (long) Long.signum(l) : math(a[0], Math::signum);
      case "tohex" -> a -> a[0] == null ? null : Long.toHexString(Coerce.toLong(a[0]));
      case "ingestion_time" -> a -> null;
      default -> null;
    };
  }

  static List<Dynamic> array(Object v) {
    return Coerce.toDynamic(v) instanceof Dynamic.DynArray a ? a.elements() : null;
  }

  private static Object concat(Object[] a) {
    List<Dynamic> out = new ArrayList<>();
    for (Object v : a) {
      List<Dynamic> e = array(v);
      if (e == null) return null;
      out.addAll(e);
    }
    return new Dynamic.DynArray(out);
  }

  private static Object slice(Object[] a) {
    List<Dynamic> e = array(a[0]);
    if (e == null || a[1] == null || a[2] == null) return null;
    int n = e.size();
    long from = Coerce.toLong(a[1]);
    long to = Coerce.toLong(a[2]);
    if (from < 0) from += n;
    if (to < 0) to += n;
    from = Math.max(0, from);
    to = Math.min(n - 1, to);
    if (from > to) return new Dynamic.DynArray(List.of());
    return new Dynamic.DynArray(e.subList((int) from, (int) to + 1));
  }

  private static Object reversed(List<Dynamic> e) {
    List<Dynamic> out = new ArrayList<>(e);
    java.util.Collections.reverse(out);
    return new Dynamic.DynArray(out);
  }

  /**
   * array_sort_asc/desc(a1 [, a2 ...] [, nulls_last]): a1 sorted (nulls last unless nulls_last is
   * false, array-sort-asc-function.md); further arrays are reordered by the same permutation, and then
   * the result is the array of all reordered arrays (Kusto returns one column per array; indexing
   * the result, as the reference's {@code array_sort_asc(t, c)[1]}, picks one).
   */
  private static Object sorted(Object[] a, boolean asc) {
    List<Dynamic> e = array(a[0]);
    if (e == null) return null;
    boolean nullsLast = a.length < 2 || !Boolean.FALSE.equals(Coerce.toBool(ScalarOps.unwrap(a[a.length - 1])));
    int nullOrder = nullsLast ? 1 : -1;
    Integer[] order = new Integer[e.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (i, j) -> {
      Object p = ScalarOps.unwrap(e.get(i)), q = ScalarOps.unwrap(e.get(j));
      if (p == null || q == null) return p == null ? (q == null ? 0 : nullOrder) : -nullOrder;
      int c = ScalarOps.compare(p, q);
      return asc ? c : -c;
    });
    List<List<Dynamic>> arrays = new ArrayList<>();
    for (Object v : a) {
      List<Dynamic> x = array(v);
      if (x != null) arrays.add(x);
    }
    List<Dynamic> results = new ArrayList<>();
    for (List<Dynamic> x : arrays) {
      if (x.size() != e.size()) return null;
      List<Dynamic> out = new ArrayList<>(x.size());
      for (Integer i : order) out.add(x.get(i));
      results.add(new Dynamic.DynArray(out));
    }
    return results.size() == 1 ? results.get(0) : new Dynamic.DynArray(results);
  }


  /** 0 union, 1 intersection, 2 difference of the first array and all others; distinct values. */
  private static Object setOp(Object[] a, int op) {
    List<Set<Dynamic>> sets = new ArrayList<>();
    for (Object v : a) {
      List<Dynamic> e = array(v);
      if (e == null) return null;
      sets.add(new LinkedHashSet<>(e));
    }
    Set<Dynamic> out = new LinkedHashSet<>(sets.get(0));
    for (int i = 1; i < sets.size(); i++) {
      switch (op) {
        case 0 -> out.addAll(sets.get(i));
        case 1 -> out.retainAll(sets.get(i));
        default -> out.removeAll(sets.get(i));
      }
    }
    return new Dynamic.DynArray(new ArrayList<>(out));
  }

  private static Object sum(Object v) {
    List<Dynamic> e = array(v);
    if (e == null) return null;
    double s = 0;
    for (Dynamic d : e) {
      Double x = Coerce.toReal(ScalarOps.unwrap(d));
      if (x != null) s += x;
    }
    return s;
  }

  private static Object bagMerge(Object[] a) {
    Map<String, Dynamic> out = new LinkedHashMap<>();
    for (Object v : a) {
      if (Coerce.toDynamic(v) instanceof Dynamic.DynBag b) {
        b.properties().forEach(out::putIfAbsent);
      }
    }
    return new Dynamic.DynBag(out);
  }

  private static Object bagRemoveKeys(Object[] a) {
    if (!(Coerce.toDynamic(a[0]) instanceof Dynamic.DynBag b)) return null;
    Map<String, Dynamic> out = new LinkedHashMap<>(b.properties());
    List<Dynamic> keys = array(a[1]);
    if (keys == null) return new Dynamic.DynBag(out);
    Dynamic.DynBag result = new Dynamic.DynBag(out);
    for (Dynamic k : keys) result = removePath(result, keyPath(Coerce.toStringValue(k, ScalarType.DYNAMIC)), 0);
    return result;
  }

  /**
   * A bag key, or a JSONPath of property names ({@code $.a.b}, {@code $['a']['b']}) as bag_has_key
   * and bag_remove_keys accept (bag-has-key-function.md); a plain key is a one-step path.
   */
  static List<String> keyPath(String key) {
    if (!key.startsWith("$")) return List.of(key);
    List<String> out = new ArrayList<>();
    int i = 1;
    while (i < key.length()) {
      char c = key.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < key.length() && key.charAt(j) != '.' && key.charAt(j) != '[') j++;
        out.add(key.substring(i + 1, j));
        i = j;
      } else if (c == '[' && i + 1 < key.length() && (key.charAt(i + 1) == '\'' || key.charAt(i + 1) == '"')) {
        int close = key.indexOf(key.charAt(i + 1), i + 2);
        if (close < 0) return List.of(key);
        out.add(key.substring(i + 2, close));
        i = close + 2;
      } else {
        return List.of(key);
      }
    }
    return out;
  }

  private static boolean hasKey(Dynamic.DynBag bag, List<String> path) {
    Dynamic at = bag;
    for (String p : path) {
      if (!(at instanceof Dynamic.DynBag b) || !b.properties().containsKey(p)) return false;
      at = b.properties().get(p);
    }
    return true;
  }

  private static Dynamic.DynBag removePath(Dynamic.DynBag bag, List<String> path, int depth) {
    String k = path.get(depth);
    if (!bag.properties().containsKey(k)) return bag;
    Map<String, Dynamic> out = new LinkedHashMap<>(bag.properties());
    if (depth == path.size() - 1) {
      out.remove(k);
    } else if (out.get(k) instanceof Dynamic.DynBag inner) {
      out.put(k, removePath(inner, path, depth + 1));
    }
    return new Dynamic.DynBag(out);
  }

  private static Object math(Object v, java.util.function.DoubleUnaryOperator f) {
    Double x = Coerce.toReal(ScalarOps.unwrap(v));
    return x == null ? null : f.applyAsDouble(x);
  }
}
