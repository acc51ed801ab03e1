package dev.kqlhunt.value;

import dev.kqlhunt.json.Json;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text ↔ {@link Dynamic}, following {@code parse_json()} / {@code todynamic()} and the way
 * Kusto prints dynamic values.
 *
 * <p>Parsing ({@link DynamicParser#parseJson}): valid JSON becomes the tree (integers that fit a long are {@code long}, other numbers
 * {@code real}); an empty or blank string is dynamic null; any other invalid text becomes a dynamic
 * <em>string</em> holding the original text (parse-json-function.md). Printing is compact JSON
 * ({@code {"a":1,"b":[1,"x"]}}), reals as {@link RealFormat} ({@code 118.0} prints {@code 118}),
 * datetimes and timespans as JSON strings in their Kusto text form. Thread-safe.
 */
public final class DynamicJson {
  private DynamicJson() {}

  /** {@code parse_json(text)}. Never throws. */
  public static Dynamic parse(String text) {
    if (text.isBlank()) return Dynamic.NULL;
    DynamicParser.Result r = DynamicParser.parseJson(text);
    return r.ok() ? r.value() : new DynString(text);
  }

  /** Converts a {@link Json} tree (maps, lists, strings, numbers, booleans, null). */
  public static Dynamic fromTree(Object node) {
    if (node == null) return Dynamic.NULL;
    if (node instanceof String s) return new DynString(s);
    if (node instanceof Boolean b) return Dynamic.of(b);
    if (node instanceof Long l) return new DynLong(l);
    if (node instanceof Integer i) return new DynLong(i);
    if (node instanceof BigDecimal d) return new DynReal(d.doubleValue());
    if (node instanceof Number n) return new DynReal(n.doubleValue());
    if (node instanceof Map<?, ?> map) {
      Map<String, Dynamic> props = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        props.put(String.valueOf(e.getKey()), fromTree(e.getValue()));
      }
      return new DynBag(props);
    }
    if (node instanceof List<?> list) {
      List<Dynamic> elements = new ArrayList<>(list.size());
      for (Object o : list) elements.add(fromTree(o));
      return new DynArray(elements);
    }
    throw new IllegalArgumentException("not a JSON tree node: " + node.getClass().getName());
  }

  /** Compact JSON text of {@code value}, as Kusto prints a dynamic cell. */
  public static String write(Dynamic value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  public static void write(Dynamic value, StringBuilder out) {
    switch (value) {
      case DynNull n -> out.append("null");
      case DynBool b -> out.append(b.value());
      case DynLong l -> out.append(l.value());
      case DynReal r -> RealFormat.append(r.value(), out);
      case DynString s -> Json.quote(s.value(), out);
      case DynDateTime d -> Json.quote(DateTimes.format(d.ticks()), out);
      case DynTimespan t -> Json.quote(Timespans.format(t.ticks()), out);
      case DynGuid g -> Json.quote(g.value().toString(), out);
      case DynArray a -> writeArray(a, out);
      case DynBag bag -> writeBag(bag, out);
    }
  }

  private static void writeArray(DynArray array, StringBuilder out) {
    out.append('[');
    List<Dynamic> elements = array.elements();
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) out.append(',');
      write(elements.get(i), out);
    }
    out.append(']');
  }

  private static void writeBag(DynBag bag, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Dynamic> e : bag.properties().entrySet()) {
      if (!first) out.append(',');
      first = false;
      Json.quote(e.getKey(), out);
      out.append(':');
      write(e.getValue(), out);
    }
    out.append('}');
  }

  /** A rough heap estimate of a dynamic tree, for memory accounting. */
  public static long estimatedBytes(Dynamic value) {
    return switch (value) {
      case DynNull n -> 0; // shared singleton
      case DynBool b -> 0; // shared singletons in practice
      case DynLong l -> 24;
      case DynReal r -> 24;
      case DynDateTime d -> 24;
      case DynTimespan t -> 24;
      case DynGuid g -> 56;
      case DynString s -> 56 + 2L * s.value().length();
      case DynArray a -> arrayBytes(a);
      case DynBag bag -> bagBytes(bag);
    };
  }

  private static long arrayBytes(DynArray a) {
    long bytes = 40 + 8L * a.elements().size();
    for (Dynamic d : a.elements()) bytes += estimatedBytes(d);
    return bytes;
  }

  private static long bagBytes(DynBag bag) {
    long bytes = 80 + 48L * bag.properties().size();
    for (Map.Entry<String, Dynamic> e : bag.properties().entrySet()) {
      bytes += 56 + 2L * e.getKey().length() + estimatedBytes(e.getValue());
    }
    return bytes;
  }
}
