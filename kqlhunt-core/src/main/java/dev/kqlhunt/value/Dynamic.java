package dev.kqlhunt.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A Kusto {@code dynamic} value: null, a primitive scalar, an array, or a property bag.
 *
 * <p>Values from JSON ({@code parse_json}, {@code dynamic(...)} literals) are only {@link DynNull},
 * {@link DynBool}, {@link DynLong}, {@link DynReal}, {@link DynString}, {@link DynArray} and {@link
 * DynBag}. Values packed by functions ({@code bag_pack}, {@code pack_array}, {@code make_bag}) keep
 * their scalar type, so {@link DynDateTime}, {@link DynTimespan} and {@link DynGuid} exist; they
 * serialise to JSON strings. Bags keep insertion order (a repeated key keeps the last value in the
 * first position), which is the order Kusto prints. All values are immutable and thread-safe.
 *
 * <p>Equality is structural and type-exact ({@code 1} ≠ {@code 1.0}), which is what group keys and
 * {@code set_*} functions need; Kusto's comparison operators on dynamic are in {@link DynamicOps}.
 */
public sealed interface Dynamic
    permits Dynamic.DynNull,
        Dynamic.DynBool,
        Dynamic.DynLong,
        Dynamic.DynReal,
        Dynamic.DynString,
        Dynamic.DynDateTime,
        Dynamic.DynTimespan,
        Dynamic.DynGuid,
        Dynamic.DynArray,
        Dynamic.DynBag {

  /** The dynamic null (the absence of a value, also a missing property or index). */
  DynNull NULL = new DynNull();

  DynBool TRUE = new DynBool(true);
  DynBool FALSE = new DynBool(false);

  default boolean isNull() {
    return this instanceof DynNull;
  }

  record DynNull() implements Dynamic {}

  record DynBool(boolean value) implements Dynamic {}

  record DynLong(long value) implements Dynamic {}

  record DynReal(double value) implements Dynamic {}

  record DynString(String value) implements Dynamic {
    public DynString {
      Objects.requireNonNull(value, "value is null");
    }
  }

  /** A datetime in ticks (see {@link DateTimes}). */
  record DynDateTime(long ticks) implements Dynamic {}

  /** A timespan in ticks (see {@link Timespans}). */
  record DynTimespan(long ticks) implements Dynamic {}

  record DynGuid(UUID value) implements Dynamic {
    public DynGuid {
      Objects.requireNonNull(value, "value is null");
    }
  }

  /** An immutable array; elements are never Java null (use {@link #NULL}). */
  record DynArray(List<Dynamic> elements) implements Dynamic {
    public DynArray {
      elements = List.copyOf(elements);
    }
  }

  /** An immutable property bag in insertion order; values are never Java null. */
  record DynBag(Map<String, Dynamic> properties) implements Dynamic {
    public DynBag {
      Map<String, Dynamic> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Dynamic> e : properties.entrySet()) {
        copy.put(
            Objects.requireNonNull(e.getKey(), "key is null"),
            Objects.requireNonNull(e.getValue(), "value is null"));
      }
      properties = Collections.unmodifiableMap(copy);
    }
  }

  static Dynamic of(long value) {
    return new DynLong(value);
  }

  static Dynamic of(double value) {
    return new DynReal(value);
  }

  static Dynamic of(String value) {
    return new DynString(value);
  }

  static Dynamic of(boolean value) {
    return value ? TRUE : FALSE;
  }

  static DynArray array(Dynamic... elements) {
    return new DynArray(List.of(elements));
  }

  /** A bag from alternating keys and values: {@code bag("a", Dynamic.of(1), "b", ...)}. */
  static DynBag bag(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("odd number of arguments");
    Map<String, Dynamic> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (Dynamic) keysAndValues[i + 1]);
    }
    return new DynBag(map);
  }

}
