package dev.kqlhunt.exec;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.KustoRegex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * String functions. Regex arguments are compiled once per distinct pattern per call site (usually
 * once: the pattern is a constant) with {@link KustoRegex}; a pattern that does not compile is a
 * {@link ExecError#BAD_ARGUMENT}.
 */
final class TextFunctions {
  private TextFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "tolower" -> a -> s(a[0], types[0]).toLowerCase(Locale.ROOT);
      case "toupper" -> a -> s(a[0], types[0]).toUpperCase(Locale.ROOT);
      case "strlen" -> a -> (long) s(a[0], types[0]).codePointCount(0, s(a[0], types[0]).length());
      case "substring" -> a -> substring(a, types);
      case "strcat" -> a -> strcat(a, types, 0, "");
      case "strcat_delim" -> a -> strcat(a, types, 1, s(a[0], types[0]));
      case "split" -> a -> split(a, types);
      case "replace_string" -> a -> s(a[0], types[0]).replace(s(a[1], types[1]), s(a[2], types[2]));
      case "replace_regex", "replace" -> regexReplace(name.equals("replace"), types);
      case "extract" -> extract(types);
      case "trim", "trim_start", "trim_end" -> trim(name, types);
      case "indexof" -> a -> indexOf(a, types);
      case "countof" -> a -> countOf(s(a[0], types[0]), s(a[1], types[1]));
      case "strcat_array" -> a -> strcatArray(a, types);
      case "reverse" -> a -> new StringBuilder(s(a[0], types[0])).reverse().toString();
      case "base64_decodestring" -> a -> base64(s(a[0], types[0]));
      case "base64_decode_toarray" -> a -> base64Array(s(a[0], types[0]));
      case "parse_command_line" -> a -> commandLine(s(a[0], types[0]));
      case "extractjson", "extract_json" -> a -> jsonPath(s(a[0], types[0]), s(a[1], types[1]));
      case "base64_decode_tostring" -> a -> base64(s(a[0], types[0]));
      case "string_size" -> a -> (long) s(a[0], types[0]).getBytes(StandardCharsets.UTF_8).length;
      default -> null;
    };
  }

  private static String s(Object v, ScalarType t) {
    return Coerce.toStringValue(v, t);
  }

  private static Object substring(Object[] a, ScalarType[] types) {
    String s = s(a[0], types[0]);
    long start = Coerce.toLong(a[1]);
    if (start == Coerce.NULL_LONG) return "";
    start = Math.max(0, start);
    if (start >= s.length()) return "";
    long len = a.length > 2 ? Coerce.toLong(a[2]) : s.length();
    if (len == Coerce.NULL_LONG || len <= 0) return "";
    return s.substring((int) start, (int) Math.min(s.length(), start + len));
  }

  private static Object strcat(Object[] a, ScalarType[] types, int from, String delim) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < a.length; i++) {
      if (i > from) sb.append(delim);
      sb.append(s(a[i], types[i]));
    }
    return sb.toString();
  }

  private static Object split(Object[] a, ScalarType[] types) {
    String s = s(a[0], types[0]);
    String delim = s(a[1], types[1]);
    List<Dynamic> parts = new ArrayList<>();
    if (delim.isEmpty()) {
      parts.add(Dynamic.of(s));
    } else {
      int at = 0;
      for (int k; (k = s.indexOf(delim, at)) >= 0; at = k + delim.length()) parts.add(Dynamic.of(s.substring(at, k)));
      parts.add(Dynamic.of(s.substring(at)));
    }
    if (a.length > 2) {
      long i = Coerce.toLong(a[2]);
      if (i == Coerce.NULL_LONG || i < 0 || i >= parts.size()) return new Dynamic.DynArray(List.of());
      return new Dynamic.DynArray(List.of(parts.get((int) i)));
    }
    return new Dynamic.DynArray(parts);
  }

  /** A per-call-site cache of compiled patterns. */
  private static final class Patterns {
    private final Map<String, Pattern> cache = new HashMap<>();

    Pattern get(String regex) {
      return cache.computeIfAbsent(regex, r -> {
        KustoRegex.Compiled c = KustoRegex.compile(r);
        if (!c.ok()) throw new ExecutionException(ExecError.BAD_ARGUMENT, "regex '" + r + "'", c.error());
        return c.pattern();
      });
    }
  }

  private static ScalarFunction regexReplace(boolean legacyOrder, ScalarType[] types) {
    Patterns patterns = new Patterns();
    // replace(regex, rewrite, text) is the legacy order; replace_regex(text, regex, rewrite) the current.
    int text = legacyOrder ? 2 : 0;
    int regex = legacyOrder ? 0 : 1;
    int rewrite = legacyOrder ? 1 : 2;
    return a -> {
      Pattern p = patterns.get(s(a[regex], types[regex]));
      String r = s(a[rewrite], types[rewrite]).replaceAll("\\\\(\\d)", "\\$$1");
      return p.matcher(s(a[text], types[text])).replaceAll(r);
    };
  }

  private static ScalarFunction extract(ScalarType[] types) {
    Patterns patterns = new Patterns();
    return a -> {
      Matcher m = patterns.get(s(a[0], types[0])).matcher(s(a[2], types[2]));
      long group = Coerce.toLong(a[1]);
      if (!m.find() || group < 0 || group > m.groupCount()) return null;
      String g = m.group((int) group);
      return g == null ? null : g;
    };
  }

  private static ScalarFunction trim(String name, ScalarType[] types) {
    Patterns patterns = new Patterns();
    return a -> {
      String regex = s(a[0], types[0]);
      String text = s(a[1], types[1]);
      String r = "(?:" + regex + ")";
      if (!name.equals("trim_end")) {
        Matcher m = patterns.get("^(?:" + r + ")+").matcher(text);
        if (m.find()) text = text.substring(m.end());
      }
      if (!name.equals("trim_start")) {
        Matcher m = patterns.get("(?:" + r + ")+$").matcher(text);
        if (m.find()) text = text.substring(0, m.start());
      }
      return text;
    };
  }

  private static Object indexOf(Object[] a, ScalarType[] types) {
    String s = s(a[0], types[0]);
    String lookup = s(a[1], types[1]);
    long start = a.length > 2 ? Coerce.toLong(a[2]) : 0;
    long length = a.length > 3 ? Coerce.toLong(a[3]) : -1;
    long occurrence = a.length > 4 ? Coerce.toLong(a[4]) : 1;
    if (start == Coerce.NULL_LONG || length == Coerce.NULL_LONG || occurrence == Coerce.NULL_LONG) return null;
    if (start < 0) start = Math.max(0, s.length() + start);
    if (start > s.length() || occurrence <= 0 || length < -1) return null;
    // The lookup must end by position start + length (inclusive; indexof-function.md: from 1 with
    // length 2, "cde" at 2 is not found, from 1 with length 10, "cde" at 9 is); -1 means to the end.
    long end = length == -1 ? s.length() : Math.min(s.length(), start + length + 1);
    int at = (int) start - 1;
    for (long k = 0; k < occurrence; k++) {
      at = s.indexOf(lookup, at + 1);
      if (at < 0 || at + lookup.length() > end) return -1L;
    }
    return (long) at;
  }

  private static Object countOf(String text, String search) {
    if (search.isEmpty()) return 0L;
    long n = 0;
    for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + search.length())) n++;
    return n;
  }

  private static Object strcatArray(Object[] a, ScalarType[] types) {
    if (!(Coerce.toDynamic(a[0]) instanceof Dynamic.DynArray arr)) return "";
    String delim = s(a[1], types[1]);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < arr.elements().size(); i++) {
      if (i > 0) sb.append(delim);
      sb.append(Coerce.toStringValue(arr.elements().get(i), ScalarType.DYNAMIC));
    }
    return sb.toString();
  }

  private static Object base64Array(String s) {
    try {
      List<Dynamic> out = new ArrayList<>();
      for (byte b : java.util.Base64.getDecoder().decode(s)) out.add(Dynamic.of((long) (b & 0xff)));
      return new Dynamic.DynArray(out);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@code parse_command_line(cmd, "windows")}: the arguments as Windows splits them
   * (CommandLineToArgvW): white space separates, double quotes group, {@code 2n} backslashes before
   * a quote give {@code n} backslashes and a quote toggle, {@code 2n+1} give a literal quote.
   */
  private static Object commandLine(String s) {
    List<Dynamic> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuotes = false, any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        int n = 0;
        while (i < s.length() && s.charAt(i) == '\\') { n++; i++; }
        if (i < s.length() && s.charAt(i) == '"') {
          cur.append("\\".repeat(n / 2));
          if (n % 2 == 1) cur.append('"'); else inQuotes = !inQuotes;
        } else {
          cur.append("\\".repeat(n));
          i--;
        }
        any = true;
      } else if (c == '"') {
        inQuotes = !inQuotes;
        any = true;
      } else if ((c == ' ' || c == '\t') && !inQuotes) {
        if (any) out.add(Dynamic.of(cur.toString()));
        cur.setLength(0);
        any = false;
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) out.add(Dynamic.of(cur.toString()));
    return new Dynamic.DynArray(out);
  }

  /** {@code extract_json(path, json)}: a JSONPath of {@code $}, {@code .name}, {@code ['name']} and {@code [i]} steps; the value as text. */
  private static Object jsonPath(String path, String json) {
    Dynamic d = dev.kqlhunt.value.DynamicJson.parse(json);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([^.\\[]+)|\\['([^']*)'\\]|\\[(\\d+)\\]").matcher(path);
    if (!path.startsWith("$")) return null;
    int at = 1;
    while (at < path.length()) {
      if (!m.find(at) || m.start() != at) return null;
      if (m.group(3) != null) d = dev.kqlhunt.value.DynamicOps.index(d, Long.parseLong(m.group(3)));
      else d = dev.kqlhunt.value.DynamicOps.property(d, m.group(1) != null ? m.group(1) : m.group(2));
      at = m.end();
    }
    return d.isNull() ? null : Coerce.toStringValue(d, ScalarType.DYNAMIC);
  }

  private static Object base64(String s) {
    try {
      return new String(java.util.Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
