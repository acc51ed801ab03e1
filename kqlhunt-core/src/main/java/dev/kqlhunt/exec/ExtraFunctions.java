package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Less common scalar functions: IPv4 text search and formatting, array shifting and rotation,
 * {@code range()}, {@code strcmp}, Unicode code points, {@code parse_csv}, {@code bag_zip},
 * {@code rand}.
 */
final class ExtraFunctions {
  private ExtraFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "rand" -> a -> a.length == 0 ? (Object) Math.random()
          : (Object) (long) (Math.random() * Math.max(1, Coerce.toLong(a[0])));
      case "range" -> a -> range(a);
      case "strcmp" -> a -> (long) Integer.signum(s(a[0], types[0]).compareTo(s(a[1], types[1])));
      case "has_ipv4", "has_ipv4_prefix" -> a -> hasIpv4(s(a[0], types[0]), List.of(s(a[1], types[1])), name.endsWith("prefix"));
      case "has_any_ipv4", "has_any_ipv4_prefix" -> a -> {
        List<Object> items = new ArrayList<>();
        for (int i = 1; i < a.length; i++) InLists.flatten(a[i], items);
        List<String> needles = new ArrayList<>();
        for (Object o : items) needles.add(Coerce.toStringValue(o, ScalarType.STRING));
        return hasIpv4(s(a[0], types[0]), needles, name.endsWith("prefix"));
      };
      case "ipv4_compare" -> a -> ipv4Compare(a, types);
      case "format_ipv4", "format_ipv4_mask" -> a -> formatIpv4(a, types, name.endsWith("mask"));
      case "unicode_codepoints_from_string" -> a -> {
        List<Dynamic> out = new ArrayList<>();
        s(a[0], types[0]).codePoints().forEach(cp -> out.add(Dynamic.of((long) cp)));
        return new Dynamic.DynArray(out);
      };
      case "unicode_codepoints_to_string", "make_string" -> a -> codePointsToString(a);
      case "array_shift_left", "array_shift_right", "array_rotate_left", "array_rotate_right" -> a -> shift(name, a);
      case "array_iff", "array_iif" -> a -> arrayIff(a);
      case "bag_zip" -> a -> bagZip(a);
      case "parse_csv" -> a -> parseCsv(s(a[0], types[0]));
      // assert-function.md: a false (or null) condition fails the query with the message.
      case "assert" -> a -> {
        if (!Boolean.TRUE.equals(Coerce.toBool(a[0]))) {
          throw new ExecutionException(ExecError.BAD_ARGUMENT, "assert", s(a[1], types[1]));
        }
        return true;
      };
      default -> null;
    };
  }

  private static String s(Object v, ScalarType t) {
    return Coerce.toStringValue(v, t);
  }

  private static Object range(Object[] a) {
    Object start = ScalarOps.unwrap(a[0]);
    Object stop = ScalarOps.unwrap(a[1]);
    Object step = a.length > 2 ? ScalarOps.unwrap(a[2]) : 1L;
    if (start == null || stop == null || step == null) return null;
    List<Dynamic> out = new ArrayList<>();
    if (start instanceof Double || stop instanceof Double || step instanceof Double) {
      double x = Coerce.toReal(start), z = Coerce.toReal(stop), st = Coerce.toReal(step);
      for (int i = 0; st != 0 && (st > 0 ? x <= z : x >= z) && i < 1_048_576; i++, x += st) out.add(Dynamic.of(x));
    } else {
      long x = Coerce.toLong(start), z = Coerce.toLong(stop), st = Coerce.toLong(step);
      for (int i = 0; st != 0 && (st > 0 ? x <= z : x >= z) && i < 1_048_576; i++, x += st) out.add(Dynamic.of(x));
    }
    return new Dynamic.DynArray(out);
  }

  /** Whether {@code text} holds one of the addresses (or prefixes) as a whole IPv4 token. */
  private static Object hasIpv4(String text, List<String> needles, boolean prefix) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w.])").matcher(text);
    while (m.find()) {
      String ip = m.group();
      if (NetworkFunctions.ipv4(ip) == null) continue;
      for (String n : needles) {
        // A prefix is a whole address or ends with a dot (has-ipv4-prefix-function.md): "127.0" is none.
        if (prefix && !n.endsWith(".") && NetworkFunctions.ipv4(n) == null) continue;
        if (prefix ? ip.startsWith(n) && (n.endsWith(".") || ip.length() == n.length() || ip.charAt(n.length()) == '.') : ip.equals(n)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object ipv4Compare(Object[] a, ScalarType[] types) {
    long[] x = NetworkFunctions.ipv4(s(a[0], types[0]));
    long[] y = NetworkFunctions.ipv4(s(a[1], types[1]));
    if (x == null || y == null) return null;
    long bits = a.length > 2 ? Coerce.toLong(a[2]) : Math.min(x[1], y[1]);
    bits = Math.min(bits, Math.min(x[1], y[1]));
    long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    return (long) Long.signum((x[0] & mask) - (y[0] & mask));
  }

  private static Object formatIpv4(Object[] a, ScalarType[] types, boolean withMask) {
    Object v = ScalarOps.unwrap(a[0]);
    long ip;
    long bits = 32;
    if (v instanceof Long l) {
      ip = l & 0xffffffffL;
    } else {
      long[] p = NetworkFunctions.ipv4(s(a[0], types[0]));
      if (p == null) return "";
      ip = p[0];
      bits = p[1];
    }
    if (a.length > 1) bits = Math.min(bits, Coerce.toLong(a[1]));
    if (bits < 0 || bits > 32) return "";
    long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    ip &= mask;
    String text = (ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    return withMask ? text + "/" + bits : text;
  }

  private static Object codePointsToString(Object[] a) {
    StringBuilder sb = new StringBuilder();
    for (Object v : a) {
      List<Dynamic> arr = CollectionFunctions.array(v);
      if (arr == null) {
        long cp = Coerce.toLong(ScalarOps.unwrap(v));
        if (cp != Coerce.NULL_LONG && Character.isValidCodePoint((int) cp)) sb.appendCodePoint((int) cp);
        continue;
      }
      for (Dynamic d : arr) {
        long cp = Coerce.toLong(ScalarOps.unwrap(d));
        if (cp == Coerce.NULL_LONG || !Character.isValidCodePoint((int) cp)) return null;
        sb.appendCodePoint((int) cp);
      }
    }
    return sb.toString();
  }

  private static Object shift(String name, Object[] a) {
    List<Dynamic> e = CollectionFunctions.array(a[0]);
    if (e == null) return null;
    int n = e.size();
    long k = a.length > 1 ? Coerce.toLong(a[1]) : 1;
    if (k == Coerce.NULL_LONG) return null;
    if (name.endsWith("right")) k = -k;
    List<Dynamic> out = new ArrayList<>(n);
    boolean rotate = name.startsWith("array_rotate");
    Dynamic fill = a.length > 2 ? Coerce.toDynamic(a[2]) : Dynamic.NULL;
    for (int i = 0; i < n; i++) {
      long from = i + k;
      if (rotate) out.add(n == 0 ? Dynamic.NULL : e.get((int) Math.floorMod(from, n)));
      else out.add(from >= 0 && from < n ? e.get((int) from) : fill);
    }
    return new Dynamic.DynArray(out);
  }

  private static Object arrayIff(Object[] a) {
    List<Dynamic> cond = CollectionFunctions.array(a[0]);
    if (cond == null) return null;
    List<Dynamic> yes = CollectionFunctions.array(a[1]);
    List<Dynamic> no = CollectionFunctions.array(a[2]);
    List<Dynamic> out = new ArrayList<>(cond.size());
    for (int i = 0; i < cond.size(); i++) {
      Boolean c = Coerce.toBool(ScalarOps.unwrap(cond.get(i)));
      List<Dynamic> src = c == null ? null : c ? yes : no;
      Dynamic scalar = c == null ? Dynamic.NULL : Coerce.toDynamic(c ? a[1] : a[2]);
      out.add(src == null ? (c == null ? Dynamic.NULL : scalar) : i < src.size() ? src.get(i) : Dynamic.NULL);
    }
    return new Dynamic.DynArray(out);
  }

  private static Object bagZip(Object[] a) {
    List<Dynamic> keys = CollectionFunctions.array(a[0]);
    List<Dynamic> values = CollectionFunctions.array(a[1]);
    // Values that are not an array pair every key with null (bag-zip.md).
    if (keys == null) return null;
    if (values == null) values = List.of();
    Map<String, Dynamic> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!(keys.get(i) instanceof Dynamic.DynString k)) continue;
      out.put(k.value(), i < values.size() ? values.get(i) : Dynamic.NULL);
    }
    return new Dynamic.DynBag(out);
  }

  /** {@code parse_csv}: one CSV record (RFC 4180 quoting) as an array of strings. */
  private static Object parseCsv(String s) {
    List<Dynamic> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(Dynamic.of(cur.toString()));
        cur.setLength(0);
      } else if (c == '\n' || c == '\r') {
        // Only the first record counts (parse-csv-function.md: a multi-record string gives the first).
        break;
      } else {
        cur.append(c);
      }
    }
    out.add(Dynamic.of(cur.toString()));
    return new Dynamic.DynArray(out);
  }
}
