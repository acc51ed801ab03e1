package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 functions and the IPv4 functions built on prefix comparison: {@code parse_ipv6}, {@code
 * parse_ipv6_mask}, {@code ipv6_compare}, {@code ipv6_is_match}, {@code ipv6_is_in_range}, {@code
 * ipv6_is_in_any_range}, {@code ipv4_is_match}, {@code ipv4_netmask_suffix}, {@code parse_ipv4_mask},
 * {@code ipv4_range_to_cidr_list}. An IPv4 address in an IPv6 function is its mapped form
 * {@code ::ffff:a.b.c.d} with the prefix length plus 96. Two addresses compare on the shorter of
 * their prefixes (and the optional prefix argument). An address that does not parse gives null.
 */
final class Ipv6Functions {
  private Ipv6Functions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "parse_ipv6" -> a -> {
        long[] ip = ipv6(s(a[0], types[0]));
        return ip == null ? null : format(mask(ip, (int) ip[2]));
      };
      case "parse_ipv6_mask" -> a -> {
        long[] ip = ipv6(s(a[0], types[0]));
        long bits = Coerce.toLong(ScalarOps.unwrap(a[1]));
        if (ip == null || bits == Coerce.NULL_LONG || bits < 0 || bits > 128) return null;
        boolean v4 = s(a[0], types[0]).indexOf(':') < 0;
        int prefix = (int) Math.min(ip[2], v4 ? bits + 96 : bits);
        return format(mask(ip, prefix));
      };
      case "ipv6_compare" -> a -> compare(a, types);
      case "ipv6_is_match" -> a -> {
        Object c = compare(a, types);
        return c == null ? null : (Object) ((Long) c == 0);
      };
      case "ipv6_is_in_range" -> a -> inRange(s(a[0], types[0]), s(a[1], types[1]));
      case "ipv6_is_in_any_range" -> a -> {
        List<Object> ranges = new ArrayList<>();
        for (int i = 1; i < a.length; i++) InLists.flatten(a[i], ranges);
        if (ipv6(s(a[0], types[0])) == null) return null;
        for (Object r : ranges) if (Boolean.TRUE.equals(inRange(s(a[0], types[0]), s(r, ScalarType.STRING)))) return true;
        return false;
      };
      case "ipv4_is_match" -> a -> {
        long[] x = NetworkFunctions.ipv4(s(a[0], types[0]));
        long[] y = NetworkFunctions.ipv4(s(a[1], types[1]));
        if (x == null || y == null) return null;
        long bits = Math.min(x[1], y[1]);
        if (a.length > 2 && a[2] != null) bits = Math.min(bits, Coerce.toLong(ScalarOps.unwrap(a[2])));
        long m = ipv4Mask(bits);
        return (x[0] & m) == (y[0] & m);
      };
      case "ipv4_netmask_suffix" -> a -> {
        long[] x = NetworkFunctions.ipv4(s(a[0], types[0]));
        return x == null ? null : (Object) x[1];
      };
      case "parse_ipv4_mask" -> a -> {
        long[] x = NetworkFunctions.ipv4(s(a[0], types[0]));
        long bits = Coerce.toLong(ScalarOps.unwrap(a[1]));
        if (x == null || bits == Coerce.NULL_LONG || bits < 0 || bits > 32) return null;
        return x[0] & ipv4Mask(Math.min(bits, x[1]));
      };
      case "ipv4_range_to_cidr_list" -> a -> cidrList(s(a[0], types[0]), s(a[1], types[1]));
      default -> null;
    };
  }

  private static String s(Object v, ScalarType t) {
    return Coerce.toStringValue(v, t);
  }

  static long ipv4Mask(long bits) {
    return bits <= 0 ? 0 : bits >= 32 ? 0xffffffffL : (0xffffffffL << (32 - bits)) & 0xffffffffL;
  }

  /**
   * {high 64 bits, low 64 bits, prefix length} of an IPv6 address, an IPv4 address (mapped), either
   * with an optional {@code /prefix}; or null.
   */
  static long[] ipv6(String text) {
    String t = text.trim();
    int prefix = -1;
    int slash = t.indexOf('/');
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1).trim());
      } catch (NumberFormatException e) {
        return null;
      }
      t = t.substring(0, slash);
    }
    if (t.indexOf(':') < 0) {
      long[] v4 = NetworkFunctions.ipv4(t);
      if (v4 == null || prefix > 32) return null;
      return new long[] {0, 0xffff00000000L | v4[0], prefix < 0 ? 128 : 96 + prefix};
    }
    if (prefix > 128) return null;
    int[] groups = groups(t);
    if (groups == null) return null;
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 4; i++) hi = hi << 16 | groups[i];
    for (int i = 4; i < 8; i++) lo = lo << 16 | groups[i];
    return new long[] {hi, lo, prefix < 0 ? 128 : prefix};
  }

  /** The eight 16-bit groups of an IPv6 text (with {@code ::} and a trailing dotted IPv4), or null. */
  private static int[] groups(String t) {
    int dc = t.indexOf("::");
    if (dc >= 0 && t.indexOf("::", dc + 1) >= 0) return null;
    List<Integer> head = parts(dc >= 0 ? t.substring(0, dc) : t);
    List<Integer> tail = dc >= 0 ? parts(t.substring(dc + 2)) : List.of();
    if (head == null || tail == null) return null;
    int n = head.size() + tail.size();
    if (dc < 0 ? n != 8 : n > 7) return null;
    int[] g = new int[8];
    for (int i = 0; i < head.size(); i++) g[i] = head.get(i);
    for (int i = 0; i < tail.size(); i++) g[8 - tail.size() + i] = tail.get(i);
    return g;
  }

  private static List<Integer> parts(String s) {
    List<Integer> out = new ArrayList<>();
    if (s.isEmpty()) return out;
    String[] p = s.split(":", -1);
    for (int i = 0; i < p.length; i++) {
      String g = p[i];
      if (i == p.length - 1 && g.indexOf('.') >= 0) {
        long[] v4 = NetworkFunctions.ipv4(g);
        if (v4 == null || g.indexOf('/') >= 0) return null;
        out.add((int) (v4[0] >>> 16));
        out.add((int) (v4[0] & 0xffff));
        continue;
      }
      if (g.isEmpty() || g.length() > 4) return null;
      try {
        out.add(Integer.parseInt(g, 16));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  /** The address with bits after {@code prefix} cleared. */
  static long[] mask(long[] ip, int prefix) {
    long hiMask = prefix <= 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
    long loMask = prefix <= 64 ? 0 : prefix >= 128 ? -1L : -1L << (128 - prefix);
    return new long[] {ip[0] & hiMask, ip[1] & loMask, prefix};
  }

  /** Eight groups of four lower-case hex digits, as parse_ipv6 prints them. */
  static String format(long[] ip) {
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      long word = i < 4 ? ip[0] : ip[1];
      int g = (int) (word >>> (16 * (3 - (i % 4)))) & 0xffff;
      if (i > 0) sb.append(':');
      String h = Integer.toHexString(g);
      sb.append("0000", h.length(), 4).append(h);
    }
    return sb.toString();
  }

  private static Object compare(Object[] a, ScalarType[] types) {
    long[] x = ipv6(s(a[0], types[0]));
    long[] y = ipv6(s(a[1], types[1]));
    if (x == null || y == null) return null;
    long bits = Math.min(x[2], y[2]);
    if (a.length > 2 && a[2] != null) bits = Math.min(bits, Coerce.toLong(ScalarOps.unwrap(a[2])));
    long[] mx = mask(x, (int) bits);
    long[] my = mask(y, (int) bits);
    int c = Long.compareUnsigned(mx[0], my[0]);
    if (c == 0) c = Long.compareUnsigned(mx[1], my[1]);
    return (long) Integer.signum(c);
  }

  private static Object inRange(String ip, String range) {
    long[] x = ipv6(ip);
    long[] r = ipv6(range);
    if (x == null || r == null) return null;
    long[] mx = mask(x, (int) r[2]);
    long[] mr = mask(r, (int) r[2]);
    return mx[0] == mr[0] && mx[1] == mr[1];
  }

  /** The smallest list of CIDR blocks covering [start, end] (ipv4-range-to-cidr-list-function.md). */
  private static Object cidrList(String start, String end) {
    long[] a = NetworkFunctions.ipv4(start);
    long[] b = NetworkFunctions.ipv4(end);
    if (a == null || b == null) return null;
    long lo = a[0];
    long hi = b[0];
    List<Dynamic> out = new ArrayList<>();
    while (lo <= hi) {
      // The largest block that starts at lo (alignment) and does not pass hi.
      int size = lo == 0 ? 32 : Long.numberOfTrailingZeros(lo);
      size = Math.min(size, 32);
      while (size > 0 && lo + (1L << size) - 1 > hi) size--;
      out.add(Dynamic.of(((lo >>> 24) & 255) + "." + ((lo >>> 16) & 255) + "." + ((lo >>> 8) & 255) + "." + (lo & 255)
          + "/" + (32 - size)));
      lo += 1L << size;
    }
    return new Dynamic.DynArray(out);
  }
}
