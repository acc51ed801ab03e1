package dev.kqlhunt.ingest.sysmon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Conversions of Sysmon's text values to Defender column values. All are total: a value that does
 * not convert gives null (the caller then keeps the raw text in AdditionalFields).
 */
final class SysmonValues {
  private SysmonValues() {}

  /** Sysmon writes {@code -} (and collectors an empty string) for "no value". */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() || v.equals("-") ? null : value;
  }

  /**
   * Sysmon {@code UtcTime} ({@code yyyy-MM-dd HH:mm:ss.SSS}, UTC without a zone) or ISO-8601 with a
   * zone ({@code 2022-05-13T08:54:05.1230000Z}, Sentinel; {@code SystemTime} of XML/EVTX).
   */
  static Instant instant(String value) {
    String v = clean(value);
    if (v == null) {
      return null;
    }
    v = v.strip();
    try {
      if (v.length() > 10 && v.charAt(10) == ' ') {
        return Instant.parse(v.substring(0, 10) + 'T' + v.substring(11) + 'Z');
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Long toLong(String value) {
    String v = clean(value);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Integer toInt(String value) {
    Long v = toLong(value);
    return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
  }

  /** {@code 0x3e7} or {@code 0x00000000000003e7} (hex, as Sysmon writes LogonId) or decimal. */
  static Long hexOrDecimal(String value) {
    String v = clean(value);
    if (v == null) {
      return null;
    }
    v = v.strip();
    try {
      if (v.startsWith("0x") || v.startsWith("0X")) {
        return Long.parseUnsignedLong(v.substring(2), 16);
      }
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code true}/{@code false} as Sysmon writes them; null otherwise. */
  static Boolean toBool(String value) {
    String v = clean(value);
    if (v == null) {
      return null;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The last component of a Windows (or POSIX) path; the path itself when it has no separator. */
  static String baseName(String path) {
    String p = clean(path);
    if (p == null) {
      return null;
    }
    int cut = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
    return cut < 0 ? p : p.substring(cut + 1);
  }

  static String lower(String value) {
    String v = clean(value);
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  /**
   * Splits {@code DOMAIN\name} into lower-cased {@code [domain, name]} as Defender stores accounts;
   * a value without a backslash is a name without a domain; null when there is no account.
   */
  static String[] account(String user) {
    String u = clean(user);
    if (u == null) {
      return null;
    }
    int cut = u.indexOf('\\');
    String domain = cut < 0 ? null : u.substring(0, cut).toLowerCase(Locale.ROOT);
    String name = u.substring(cut + 1).toLowerCase(Locale.ROOT);
    return new String[] {
      domain == null || domain.isEmpty() ? null : domain, name.isEmpty() ? null : name
    };
  }

  /**
   * Parses {@code SHA1=..,MD5=..,SHA256=..,IMPHASH=..} into upper-case algorithm → lower-case hex
   * (Defender writes hashes in lower case). Unknown shapes give an empty map.
   */
  static Map<String, String> hashes(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    String v = clean(value);
    if (v == null) {
      return out;
    }
    for (String part : v.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0 && eq < part.length() - 1) {
        out.put(
            part.substring(0, eq).strip().toUpperCase(Locale.ROOT),
            part.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /**
   * {@code 10.0.17763.1 (WinBuild.160101.0800)} → {@code 10.0.17763.1}: Defender's product version.
   */
  static String productVersion(String fileVersion) {
    String v = clean(fileVersion);
    if (v == null) {
      return null;
    }
    int paren = v.indexOf(" (");
    return (paren < 0 ? v : v.substring(0, paren)).strip();
  }

  /**
   * 40 lower-case hex digits: SHA-1 of the UTF-8 bytes of the (already lower-cased) device name.
   */
  static String deviceId(String deviceName) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(deviceName.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-1", e);
    }
  }
}
