package dev.kqlhunt.exec;

import com.google.re2j.Matcher;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.KustoRegex;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IPv4, URL, hashing and multi-match text functions: {@code ipv4_is_private}, {@code
 * ipv4_is_in_range}, {@code parse_ipv4}, {@code parse_url}, {@code url_decode}, {@code extract_all},
 * {@code hash_sha256}, ... An address that does not parse gives null.
 */
final class NetworkFunctions {
  private NetworkFunctions() {}

  static ScalarFunction lookup(String name, ScalarType[] types) {
    return switch (name) {
      case "parse_ipv4" -> a -> {
        long[] ip = ipv4(s(a[0], types[0]));
        return ip == null ? null : (Object) (ip[1] == 0 ? 0L : ip[0] & (0xffffffffL << (32 - ip[1])) & 0xffffffffL);
      };
      case "ipv4_is_private" -> a -> isPrivate(s(a[0], types[0]));
      case "ipv4_is_in_range" -> a -> inRange(s(a[0], types[0]), s(a[1], types[1]));
      case "ipv4_is_in_any_range" -> a -> inAnyRange(a, types);
      case "parse_url" -> a -> parseUrl(s(a[0], types[0]));
      case "url_decode" -> a -> urlDecode(s(a[0], types[0]));
      case "url_encode", "url_encode_component" -> a -> urlEncode(s(a[0], types[0]), name.equals("url_encode"));
      case "base64_encode_tostring" -> a -> java.util.Base64.getEncoder().encodeToString(s(a[0], types[0]).getBytes(StandardCharsets.UTF_8));
      case "hash_sha256" -> a -> digest("SHA-256", s(a[0], types[0]));
      case "hash_sha1" -> a -> digest("SHA-1", s(a[0], types[0]));
      case "hash_md5" -> a -> digest("MD5", s(a[0], types[0]));
      case "extract_all" -> extractAll(types);
      default -> null;
    };
  }

  /**
   * .NET's {@code HttpUtility.UrlEncode} as Kusto prints it (url-encode-function.md): letters, digits
   * and {@code -_.!*()} stay, other UTF-8 bytes become lower-case {@code %xx}; a space is {@code +}
   * for url_encode and {@code %20} for url_encode_component.
   */
  static String urlEncode(String text, boolean plusForSpace) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!*()".indexOf(c) >= 0) {
        sb.append((char) c);
      } else if (c == ' ' && plusForSpace) {
        sb.append('+');
      } else {
        sb.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
      }
    }
    return sb.toString();
  }

  private static String s(Object v, ScalarType t) {
    return Coerce.toStringValue(v, t);
  }

  /** The address and prefix length of {@code a.b.c.d[/n]}, or null. */
  static long[] ipv4(String text) {
    String t = text.trim();
    int prefix = 32;
    int slash = t.indexOf('/');
    try {
      if (slash >= 0) {
        prefix = Integer.parseInt(t.substring(slash + 1));
        t = t.substring(0, slash);
        if (prefix < 0 || prefix > 32) return null;
      }
      String[] parts = t.split("\\.", -1);
      if (parts.length != 4) return null;
      long ip = 0;
      for (String p : parts) {
        if (p.isEmpty() || p.length() > 3) return null;
        int octet = Integer.parseInt(p);
        if (octet < 0 || octet > 255) return null;
        ip = ip << 8 | octet;
      }
      return new long[] {ip, prefix};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object isPrivate(String text) {
    long[] ip = ipv4(text);
    if (ip == null) return null;
    return within(ip[0], "10.0.0.0/8") || within(ip[0], "172.16.0.0/12") || within(ip[0], "192.168.0.0/16");
  }

  private static boolean within(long ip, String cidr) {
    long[] range = ipv4(cidr);
    long mask = range[1] == 0 ? 0 : (0xffffffffL << (32 - range[1])) & 0xffffffffL;
    return (ip & mask) == (range[0] & mask);
  }

  private static Object inRange(String ip, String range) {
    long[] a = ipv4(ip);
    long[] r = ipv4(range);
    if (a == null || r == null) return null;
    long mask = r[1] == 0 ? 0 : (0xffffffffL << (32 - r[1])) & 0xffffffffL;
    return (a[0] & mask) == (r[0] & mask);
  }

  private static Object inAnyRange(Object[] a, ScalarType[] types) {
    String ip = s(a[0], types[0]);
    List<Object> ranges = new ArrayList<>();
    for (int i = 1; i < a.length; i++) InLists.flatten(a[i], ranges);
    for (Object r : ranges) if (Boolean.TRUE.equals(inRange(ip, s(r, ScalarType.STRING)))) return true;
    return false;
  }

  private static Object parseUrl(String text) {
    java.net.URI u;
    try {
      u = new java.net.URI(text);
    } catch (java.net.URISyntaxException e) {
      return new Dynamic.DynBag(Map.of());
    }
    Map<String, Dynamic> bag = new LinkedHashMap<>();
    String userInfo = u.getRawUserInfo() == null ? "" : u.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    bag.put("Scheme", Dynamic.of(nz(u.getScheme())));
    bag.put("Host", Dynamic.of(nz(u.getHost())));
    bag.put("Port", Dynamic.of(u.getPort() < 0 ? "" : Integer.toString(u.getPort())));
    bag.put("Path", Dynamic.of(nz(u.getRawPath())));
    bag.put("Username", Dynamic.of(colon < 0 ? userInfo : userInfo.substring(0, colon)));
    bag.put("Password", Dynamic.of(colon < 0 ? "" : userInfo.substring(colon + 1)));
    Map<String, Dynamic> query = new LinkedHashMap<>();
    if (u.getRawQuery() != null) {
      for (String kv : u.getRawQuery().split("&")) {
        int eq = kv.indexOf('=');
        if (!kv.isEmpty()) query.put(urlDecode(eq < 0 ? kv : kv.substring(0, eq)), Dynamic.of(eq < 0 ? "" : urlDecode(kv.substring(eq + 1))));
      }
    }
    bag.put("Query Parameters", new Dynamic.DynBag(query));
    bag.put("Fragment", Dynamic.of(nz(u.getRawFragment())));
    return new Dynamic.DynBag(bag);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String urlDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static Object digest(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new ExecutionException(ExecError.INTERNAL, algorithm, e.toString());
    }
  }

  /** {@code extract_all(regex, [groups,] text)}: every match; one group gives strings, several give arrays. */
  private static ScalarFunction extractAll(ScalarType[] types) {
    Map<String, com.google.re2j.Pattern> cache = new HashMap<>();
    return a -> {
      String regex = s(a[0], types[0]);
      String text = s(a[a.length - 1], types[a.length - 1]);
      com.google.re2j.Pattern p = cache.computeIfAbsent(regex, r -> {
        KustoRegex.Compiled c = KustoRegex.compile(r);
        if (!c.ok()) throw new ExecutionException(ExecError.BAD_ARGUMENT, "extract_all", c.error());
        return c.pattern();
      });
      Matcher m = p.matcher(text);
      List<Dynamic> out = new ArrayList<>();
      while (m.find()) {
        int groups = m.groupCount();
        if (groups <= 1) {
          String g = m.group(groups);
          out.add(g == null ? Dynamic.NULL : Dynamic.of(g));
        } else {
          List<Dynamic> row = new ArrayList<>();
          for (int g = 1; g <= groups; g++) row.add(m.group(g) == null ? Dynamic.of("") : Dynamic.of(m.group(g)));
          out.add(new Dynamic.DynArray(row));
        }
        if (m.end() == m.start() && m.end() >= text.length()) break;
      }
      return out.isEmpty() ? null : new Dynamic.DynArray(out);
    };
  }
}
