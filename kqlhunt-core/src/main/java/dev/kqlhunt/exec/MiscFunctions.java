package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.DateTimes;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.XmlToDynamic;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assorted scalar functions: {@code parse_xml}, {@code new_guid}, {@code week_of_year}, time zone
 * conversions, {@code strrep}, {@code to_utf8}, {@code regex_quote}, {@code translate}, {@code
 * isascii}/{@code isutf8}, {@code repeat}, {@code zip}, {@code set_equals}, {@code bag_set_key},
 * {@code treepath}, {@code has_any_index}, {@code replace_strings}, {@code around}.
 */
final class MiscFunctions {
  private MiscFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "parse_xml" -> a -> a[0] == null ? null : Cells.fromDynamic(XmlToDynamic.parse(s(a[0], types[0])));
      case "new_guid" -> a -> UUID.randomUUID().toString();
      case "week_of_year" -> a -> {
        long t = Coerce.toDateTime(ScalarOps.unwrap(a[0]));
        return t == Coerce.NULL_LONG ? null : (Object) (long) DateTimes.date(t).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      };
      case "datetime_utc_to_local", "datetime_local_to_utc" -> a -> zone(a, types, name.endsWith("local"));
      case "strrep" -> a -> strrep(a, types);
      case "to_utf8" -> a -> {
        List<Dynamic> out = new ArrayList<>();
        for (byte b : s(a[0], types[0]).getBytes(StandardCharsets.UTF_8)) out.add(Dynamic.of((long) (b & 0xff)));
        return new Dynamic.DynArray(out);
      };
      case "regex_quote" -> a -> regexQuote(s(a[0], types[0]));
      case "translate" -> a -> translate(s(a[0], types[0]), s(a[1], types[1]), s(a[2], types[2]));
      case "isascii" -> a -> s(a[0], types[0]).chars().allMatch(c -> c < 0x80);
      // Strings are always valid Unicode here (ingest decodes UTF-8, replacing bad bytes).
      case "isutf8" -> a -> true;
      case "repeat" -> a -> {
        long n = Coerce.toLong(ScalarOps.unwrap(a[1]));
        if (n == Coerce.NULL_LONG || n < 0) return null;
        List<Dynamic> out = new ArrayList<>();
        Dynamic v = Cells.toDynamic(a[0], types[0]);
        for (long i = 0; i < Math.min(n, 1_048_576); i++) out.add(v);
        return new Dynamic.DynArray(out);
      };
      case "zip" -> a -> zip(a);
      case "set_equals" -> a -> {
        List<Dynamic> x = CollectionFunctions.array(a[0]);
        List<Dynamic> y = CollectionFunctions.array(a[1]);
        return x == null || y == null ? null : (Object) new LinkedHashSet<>(x).equals(new LinkedHashSet<>(y));
      };
      case "bag_set_key" -> a -> bagSetKey(a, types);
      case "treepath" -> a -> {
        List<Dynamic> out = new ArrayList<>();
        treepath(Cells.toDynamic(a[0], types[0]), "$", out);
        return new Dynamic.DynArray(out);
      };
      case "has_any_index" -> a -> hasAnyIndex(a, types);
      case "replace_strings" -> a -> replaceStrings(a, types);
      case "around" -> a -> {
        Object v = ScalarOps.unwrap(a[0]);
        Object c = ScalarOps.unwrap(a[1]);
        Object d = ScalarOps.unwrap(a[2]);
        if (v == null || c == null || d == null) return null;
        if (v instanceof Double || c instanceof Double || d instanceof Double) {
          return Math.abs(Coerce.toReal(v) - Coerce.toReal(c)) <= Coerce.toReal(d);
        }
        return Math.abs(Coerce.toLong(v) - Coerce.toLong(c)) <= Coerce.toLong(d);
      };
      default -> null;
    };
  }

  private static String s(Object v, ScalarType t) {
    return Coerce.toStringValue(v, t);
  }

  /** UTC to local time of a zone (or back); an unknown zone gives null (datetime-utc-to-local-function.md). */
  private static Object zone(Object[] a, ScalarType[] types, boolean toLocal) {
    long t = Coerce.toDateTime(ScalarOps.unwrap(a[0]));
    if (t == Coerce.NULL_LONG || a[1] == null) return null;
    ZoneId z;
    try {
      z = ZoneId.of(s(a[1], types[1]));
    } catch (DateTimeException e) {
      return null;
    }
    long seconds = Math.floorDiv(t - DateTimes.UNIX_EPOCH_TICKS, DateTimes.TICKS_PER_SECOND);
    long rest = Math.floorMod(t - DateTimes.UNIX_EPOCH_TICKS, DateTimes.TICKS_PER_SECOND);
    long shifted;
    try {
      if (toLocal) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), z);
        shifted = local.toEpochSecond(ZoneOffset.UTC);
      } else {
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        shifted = local.atZone(z).toEpochSecond();
      }
    } catch (DateTimeException e) {
      return null;
    }
    return DateTimes.UNIX_EPOCH_TICKS + shifted * DateTimes.TICKS_PER_SECOND + rest;
  }

  private static Object strrep(Object[] a, ScalarType[] types) {
    long n = Coerce.toLong(ScalarOps.unwrap(a[1]));
    if (n == Coerce.NULL_LONG || n < 0 || n > 1024) return null;
    String v = s(a[0], types[0]);
    String delimiter = a.length > 2 ? s(a[2], types[2]) : "";
    StringBuilder sb = new StringBuilder();
    for (long i = 0; i < n; i++) sb.append(i > 0 ? delimiter : "").append(v);
    return sb.toString();
  }

  /** Escapes the characters that are special in a regex so the text matches itself. */
  private static String regexQuote(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * {@code translate(searchList, replacementList, source)}: each character of searchList becomes the
   * character at the same position of replacementList, or its last character when that is shorter;
   * with an empty replacementList the characters are removed.
   */
  private static String translate(String search, String replace, String source) {
    StringBuilder sb = new StringBuilder(source.length());
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      int at = search.indexOf(c);
      if (at < 0) sb.append(c);
      else if (!replace.isEmpty()) sb.append(replace.charAt(Math.min(at, replace.length() - 1)));
    }
    return sb.toString();
  }

  /** {@code zip(a1, a2, ...)}: an array of arrays pairing the i-th elements, padded with null. */
  private static Object zip(Object[] a) {
    List<List<Dynamic>> arrays = new ArrayList<>();
    int n = 0;
    for (Object v : a) {
      List<Dynamic> e = CollectionFunctions.array(v);
      if (e == null) return null;
      arrays.add(e);
      n = Math.max(n, e.size());
    }
    List<Dynamic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Dynamic> row = new ArrayList<>(arrays.size());
      for (List<Dynamic> e : arrays) row.add(i < e.size() ? e.get(i) : Dynamic.NULL);
      out.add(new Dynamic.DynArray(row));
    }
    return new Dynamic.DynArray(out);
  }

  /** {@code bag_set_key(bag, key, value)}: sets the key (a name or a {@code $.a.b} path), creating bags on the way. */
  private static Object bagSetKey(Object[] a, ScalarType[] types) {
    if (!(Coerce.toDynamic(a[0]) instanceof Dynamic.DynBag bag)) return null;
    List<String> path = CollectionFunctions.keyPath(s(a[1], types[1]));
    return set(bag, path, 0, Cells.toDynamic(a[2], types[2]));
  }

  private static Dynamic.DynBag set(Dynamic.DynBag bag, List<String> path, int depth, Dynamic value) {
    Map<String, Dynamic> out = new LinkedHashMap<>(bag.properties());
    String k = path.get(depth);
    if (depth == path.size() - 1) {
      out.put(k, value);
    } else {
      Dynamic inner = out.get(k);
      Dynamic.DynBag next = inner instanceof Dynamic.DynBag b ? b : new Dynamic.DynBag(Map.of());
      out.put(k, set(next, path, depth + 1, value));
    }
    return new Dynamic.DynBag(out);
  }

  /** Every path in the value: {@code $}, {@code $.key}, {@code $.arr[0]}... (treepath-function.md). */
  private static void treepath(Dynamic d, String at, List<Dynamic> out) {
    switch (d) {
      case Dynamic.DynBag b -> b.properties().forEach((k, v) -> {
        String p = k.matches("[A-Za-z_][A-Za-z0-9_]*") ? at + "." + k : at + "['" + k + "']";
        out.add(Dynamic.of(p));
        treepath(v, p, out);
      });
      case Dynamic.DynArray arr -> {
        String p = at + "[0]";
        if (!arr.elements().isEmpty()) {
          out.add(Dynamic.of(p));
          for (Dynamic e : arr.elements()) treepath(e, p, out);
        }
      }
      default -> { }
    }
  }

  /** {@code has_any_index(source, values)}: the index of the first value found in the source, else -1. */
  private static Object hasAnyIndex(Object[] a, ScalarType[] types) {
    List<Dynamic> values = CollectionFunctions.array(a[1]);
    if (values == null) return null;
    List<Dynamic> arr = CollectionFunctions.array(a[0]);
    String text = arr == null ? s(a[0], types[0]) : null;
    for (int i = 0; i < values.size(); i++) {
      String needle = Coerce.toStringValue(values.get(i), ScalarType.DYNAMIC);
      if (arr != null) {
        for (Dynamic e : arr) {
          if (dev.kqlhunt.value.TermMatcher.has(needle, false).test(Coerce.toStringValue(e, ScalarType.DYNAMIC))) return (long) i;
        }
      } else if (dev.kqlhunt.value.TermMatcher.has(needle, false).test(text)) {
        return (long) i;
      }
    }
    return -1L;
  }

  /** {@code replace_strings(text, lookups, rewrites)}: replaces all lookups at once, longest first at each position. */
  private static Object replaceStrings(Object[] a, ScalarType[] types) {
    List<Dynamic> lookups = CollectionFunctions.array(a[1]);
    List<Dynamic> rewrites = CollectionFunctions.array(a[2]);
    if (lookups == null || rewrites == null) return null;
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < lookups.size(); i++) {
      String k = Coerce.toStringValue(lookups.get(i), ScalarType.DYNAMIC);
      if (!k.isEmpty()) map.putIfAbsent(k, i < rewrites.size() ? Coerce.toStringValue(rewrites.get(i), ScalarType.DYNAMIC) : "");
    }
    String text = s(a[0], types[0]);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      String best = null;
      for (String k : map.keySet()) if (text.startsWith(k, i) && (best == null || k.length() > best.length())) best = k;
      if (best == null) {
        sb.append(text.charAt(i++));
      } else {
        sb.append(map.get(best));
        i += best.length();
      }
    }
    return sb.toString();
  }
}
