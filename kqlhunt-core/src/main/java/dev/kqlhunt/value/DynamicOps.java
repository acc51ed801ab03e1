package dev.kqlhunt.value;

import dev.kqlhunt.value.Dynamic.DynArray;
import dev.kqlhunt.value.Dynamic.DynBag;
import dev.kqlhunt.value.Dynamic.DynBool;
import dev.kqlhunt.value.Dynamic.DynDateTime;
import dev.kqlhunt.value.Dynamic.DynGuid;
import dev.kqlhunt.value.Dynamic.DynLong;
import dev.kqlhunt.value.Dynamic.DynNull;
import dev.kqlhunt.value.Dynamic.DynReal;
import dev.kqlhunt.value.Dynamic.DynString;
import dev.kqlhunt.value.Dynamic.DynTimespan;
import java.util.ArrayList;
import java.util.List;

/**
 * Accessors and functions over {@link Dynamic} values. Missing things are dynamic null, never an
 * error: a property of a non-bag, an index of a non-array, an index out of range.
 *
 * <ul>
 *   <li>{@code d.name} / {@code d["name"]}: case-sensitive property lookup.
 *   <li>{@code d[i]}: zero-based; a negative index counts from the end ({@code d[-1]} is the last
 *       element).
 *   <li>{@code array_length}: element count of an array, null for anything else.
 *   <li>{@code bag_keys}: the keys of a bag in order, as an array of strings; null for non-bags.
 *   <li>{@code gettype}: {@code null}, {@code bool}, {@code long}, {@code real}, {@code string},
 *       {@code datetime}, {@code timespan}, {@code guid}, {@code array}, {@code dictionary}.
 * </ul>
 *
 * Comparing a dynamic with a scalar converts the dynamic to the scalar's type first ({@link
 * Conversions}), so {@code d.n == 5} is {@code tolong(d.n) == 5}; two dynamic values are equal when
 * they are structurally equal ({@link Object#equals}), which also defines group keys.
 */
public final class DynamicOps {
  private DynamicOps() {}

  public static Dynamic property(Dynamic value, String name) {
    if (value instanceof DynBag bag) {
      Dynamic v = bag.properties().get(name);
      return v == null ? Dynamic.NULL : v;
    }
    return Dynamic.NULL;
  }

  public static Dynamic index(Dynamic value, long index) {
    if (value instanceof DynArray array) {
      int n = array.elements().size();
      long i = index < 0 ? n + index : index;
      return (i >= 0 && i < n) ? array.elements().get((int) i) : Dynamic.NULL;
    }
    return Dynamic.NULL;
  }

  /** {@code array_length(d)}, or {@link Conversions#NULL_LONG} for a non-array. */
  public static long arrayLength(Dynamic value) {
    return value instanceof DynArray a ? a.elements().size() : Conversions.NULL_LONG;
  }

  public static Dynamic bagKeys(Dynamic value) {
    if (!(value instanceof DynBag bag)) return Dynamic.NULL;
    List<Dynamic> keys = new ArrayList<>(bag.properties().size());
    for (String k : bag.properties().keySet()) keys.add(new DynString(k));
    return new DynArray(keys);
  }

  public static String typeName(Dynamic value) {
    return switch (value) {
      case DynNull n -> "null";
      case DynBool b -> "bool";
      case DynLong l -> "long";
      case DynReal r -> "real";
      case DynString s -> "string";
      case DynDateTime d -> "datetime";
      case DynTimespan t -> "timespan";
      case DynGuid g -> "guid";
      case DynArray a -> "array";
      case DynBag b -> "dictionary";
    };
  }
}
