package dev.kqlhunt.exec;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.DynamicJson;
import dev.kqlhunt.value.KustoRegex;
import dev.kqlhunt.value.TimespanFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Formatting and parsing helpers: {@code format_bytes}, {@code format_timespan}, {@code
 * parse_version}, {@code parse_path}, {@code parse_urlquery}, {@code indexof_regex}, {@code
 * dynamic_to_json}, {@code array_split}, {@code jaccard_index}. Each follows its reference page
 * (data-explorer/kusto/query/&lt;name&gt;-function.md); what does not parse gives null.
 */
final class FormatFunctions {
  private FormatFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "format_bytes" -> a -> formatBytes(a, types);
      case "format_timespan" -> formatTimespan(types);
      case "parse_version" -> a -> parseVersion(s(a[0], types[0]));
      case "parse_path" -> a -> parsePath(s(a[0], types[0]));
      case "parse_urlquery" -> a -> parseUrlQuery(s(a[0], types[0]));
      case "indexof_regex" -> indexOfRegex(types);
      case "dynamic_to_json" -> a -> DynamicJson.write(sortKeys(Cells.toDynamic(a[0], types[0])));
      case "array_split" -> a -> arraySplit(a);
      case "jaccard_index" -> a -> jaccard(a);
      default -> null;
    };
  }

  private static String s(Object v, ScalarType t) {
    return Coerce.toStringValue(v, t);
  }

  private static final String[] BYTE_UNITS = {"Bytes", "KB", "MB", "GB", "TB", "PB", "EB"};

  /**
   * {@code format_bytes(size [, precision [, units [, base]]])}: the size in the given unit, else the
   * largest unit in which it is at least 1; base 2 (1024, the default) or 10; rounded half away from
   * zero to {@code precision} (0) decimals.
   */
  private static Object formatBytes(Object[] a, ScalarType[] types) {
    Double size = Coerce.toReal(ScalarOps.unwrap(a[0]));
    if (size == null) return null;
    long precision = a.length > 1 && a[1] != null ? Coerce.toLong(ScalarOps.unwrap(a[1])) : 0;
    String unit = a.length > 2 && a[2] != null ? s(a[2], types[2]) : "";
    long base = a.length > 3 && a[3] != null ? Coerce.toLong(ScalarOps.unwrap(a[3])) : 2;
    if (precision < 0 || precision > 15 || (base != 2 && base != 10)) return null;
    double step = base == 2 ? 1024 : 1000;
    int k = -1;
    for (int i = 0; i < BYTE_UNITS.length; i++) if (BYTE_UNITS[i].equalsIgnoreCase(unit)) k = i;
    if (k < 0) {
      if (!unit.isEmpty()) return null;
      k = 0;
      while (k + 1 < BYTE_UNITS.length && Math.abs(size) >= Math.pow(step, k + 1)) k++;
    }
    double v = size / Math.pow(step, k);
    BigDecimal rounded = new BigDecimal(v).setScale((int) precision, RoundingMode.HALF_UP);
    return rounded.toPlainString() + " " + BYTE_UNITS[k];
  }

  private static ScalarFunction formatTimespan(ScalarType[] types) {
    Map<String, TimespanFormat> cache = new java.util.HashMap<>();
    return a -> {
      long ticks = Coerce.toTimespan(ScalarOps.unwrap(a[0]));
      if (ticks == Coerce.NULL_LONG || a[1] == null) return "";
      return cache.computeIfAbsent(s(a[1], types[1]), TimespanFormat::compile).format(ticks);
    };
  }

  /**
   * {@code parse_version}: one to four dot-separated parts of at most 8 digits each; the value is
   * the parts as 8-digit groups of one decimal number, padded on the right to four parts.
   */
  private static Object parseVersion(String text) {
    String t = text.trim();
    if (t.isEmpty()) return null;
    String[] parts = t.split("\\.", -1);
    if (parts.length > 4) return null;
    BigDecimal v = BigDecimal.ZERO;
    for (int i = 0; i < 4; i++) {
      String p = i < parts.length ? parts[i].trim() : "0";
      if (p.isEmpty() || p.length() > 8 || !p.chars().allMatch(Character::isDigit)) return null;
      v = v.movePointRight(8).add(new BigDecimal(p));
    }
    return v.doubleValue();
  }

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

  /**
   * {@code parse_path}: a bag of Scheme, RootPath (a drive {@code X:}), DirectoryPath (everything
   * before the last separator, either slash), DirectoryName (its last segment), Filename,
   * Extension (after the file name's last dot) and AlternateDataStreamName (after a colon in the
   * file name).
   */
  private static Object parsePath(String text) {
    String path = text;
    String scheme = "";
    Matcher m = SCHEME.matcher(path);
    if (m.find()) {
      scheme = m.group(1);
      path = path.substring(m.end());
    }
    String root = path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
        ? path.substring(0, 2) : "";
    int sep = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    String dir = sep >= 0 ? path.substring(0, sep) : "";
    String file = sep >= 0 ? path.substring(sep + 1) : path.substring(root.length());
    String stream = "";
    int colon = file.indexOf(':');
    if (colon >= 0) {
      stream = file.substring(colon + 1);
      file = file.substring(0, colon);
    }
    int dsep = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('\\'));
    String dirName = dsep >= 0 ? dir.substring(dsep + 1) : dir.equals(root) ? "" : dir;
    int dot = file.lastIndexOf('.');
    Map<String, Dynamic> bag = new LinkedHashMap<>();
    bag.put("Scheme", Dynamic.of(scheme));
    bag.put("RootPath", Dynamic.of(root));
    bag.put("DirectoryPath", Dynamic.of(dir));
    bag.put("DirectoryName", Dynamic.of(dirName));
    bag.put("Filename", Dynamic.of(file));
    bag.put("Extension", Dynamic.of(dot >= 0 ? file.substring(dot + 1) : ""));
    bag.put("AlternateDataStreamName", Dynamic.of(stream));
    return new Dynamic.DynBag(bag);
  }

  /** {@code parse_urlquery}: {"Query Parameters": {name: decoded value, ...}}. */
  private static Object parseUrlQuery(String text) {
    Map<String, Dynamic> params = new LinkedHashMap<>();
    String q = text.startsWith("?") ? text.substring(1) : text;
    for (String pair : q.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(k), Dynamic.of(decode(v)));
    }
    Map<String, Dynamic> bag = new LinkedHashMap<>();
    bag.put("Query Parameters", new Dynamic.DynBag(params));
    return new Dynamic.DynBag(bag);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /**
   * {@code indexof_regex(s, regex [, start [, length [, occurrence]]])}: the position of the n-th
   * non-overlapping match lying wholly in {@code [start, start + length)} ({@code -1}: to the end),
   * else -1; a negative start, a length below -1 or a non-positive occurrence gives null.
   */
  private static ScalarFunction indexOfRegex(ScalarType[] types) {
    Map<String, Pattern> cache = new java.util.HashMap<>();
    return a -> {
      String s = s(a[0], types[0]);
      String regex = s(a[1], types[1]);
      long start = a.length > 2 ? Coerce.toLong(ScalarOps.unwrap(a[2])) : 0;
      long length = a.length > 3 ? Coerce.toLong(ScalarOps.unwrap(a[3])) : -1;
      long occurrence = a.length > 4 ? Coerce.toLong(ScalarOps.unwrap(a[4])) : 1;
      if (start == Coerce.NULL_LONG || length == Coerce.NULL_LONG || occurrence == Coerce.NULL_LONG) return null;
      if (start < 0 || length < -1 || occurrence <= 0) return null;
      if (start > s.length()) return -1L;
      Pattern p = cache.computeIfAbsent(regex, r -> {
        KustoRegex.Compiled c = KustoRegex.compile(r);
        return c.ok() ? c.pattern() : null;
      });
      if (p == null) return null;
      int end = (int) (length == -1 ? s.length() : Math.min(s.length(), start + length));
      Matcher m = p.matcher(s.substring(0, end));
      int from = (int) start;
      for (long k = 0; k < occurrence; k++) {
        if (from > end || !m.find(from)) return -1L;
        if (k == occurrence - 1) return (long) m.start();
        from = m.end() > m.start() ? m.end() : m.end() + 1;
      }
      return -1L;
    };
  }

  /** A copy with every bag's keys in ordinal order (dynamic_to_json's canonical form). */
  static Dynamic sortKeys(Dynamic d) {
    return switch (d) {
      case Dynamic.DynBag b -> {
        Map<String, Dynamic> sorted = new TreeMap<>();
        b.properties().forEach((k, v) -> sorted.put(k, sortKeys(v)));
        yield new Dynamic.DynBag(new LinkedHashMap<>(sorted));
      }
      case Dynamic.DynArray arr -> {
        List<Dynamic> out = new ArrayList<>(arr.elements().size());
        for (Dynamic e : arr.elements()) out.add(sortKeys(e));
        yield new Dynamic.DynArray(out);
      }
      default -> d;
    };
  }

  /** {@code array_split(arr, index | indices)}: the pieces between the split positions (negative from the end). */
  private static Object arraySplit(Object[] a) {
    List<Dynamic> e = CollectionFunctions.array(a[0]);
    if (e == null || a[1] == null) return null;
    List<Dynamic> idx = CollectionFunctions.array(a[1]);
    List<Long> cuts = new ArrayList<>();
    if (idx == null) {
      cuts.add(Coerce.toLong(ScalarOps.unwrap(a[1])));
    } else {
      for (Dynamic d : idx) cuts.add(Coerce.toLong(ScalarOps.unwrap(d)));
    }
    int n = e.size();
    List<Dynamic> out = new ArrayList<>();
    int from = 0;
    for (long c : cuts) {
      if (c == Coerce.NULL_LONG) return null;
      int at = (int) Math.max(0, Math.min(n, c < 0 ? n + c : c));
      if (at < from) at = from;
      out.add(new Dynamic.DynArray(new ArrayList<>(e.subList(from, at))));
      from = at;
    }
    out.add(new Dynamic.DynArray(new ArrayList<>(e.subList(from, n))));
    return new Dynamic.DynArray(out);
  }

  /** {@code jaccard_index(set1, set2)}: distinct common elements over distinct elements of either. */
  private static Object jaccard(Object[] a) {
    List<Dynamic> x = CollectionFunctions.array(a[0]);
    List<Dynamic> y = CollectionFunctions.array(a[1]);
    if (x == null || y == null) return null;
    Set<Dynamic> sx = new LinkedHashSet<>(x);
    Set<Dynamic> sy = new LinkedHashSet<>(y);
    Set<Dynamic> union = new LinkedHashSet<>(sx);
    union.addAll(sy);
    if (union.isEmpty()) return Dynamic.of(Double.NaN);
    sx.retainAll(sy);
    return Dynamic.of((double) sx.size() / union.size());
  }
}
