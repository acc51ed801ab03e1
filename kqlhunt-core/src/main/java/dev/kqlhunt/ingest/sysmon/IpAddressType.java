package dev.kqlhunt.ingest.sysmon;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Classifies an IP address with Defender's {@code LocalIPType}/{@code RemoteIPType} vocabulary:
 * Loopback, Private, LinkLocal, Broadcast, Teredo, FourToSixMapping, Reserved, Public. Multicast
 * and unspecified addresses count as Reserved. Never resolves names: only literal addresses are
 * parsed.
 */
final class IpAddressType {
  private IpAddressType() {}

  /** The type of {@code ip}, or null when it is not a literal IPv4/IPv6 address. */
  static String of(String ip) {
    byte[] a = parse(SysmonValues.clean(ip));
    if (a == null) {
      return null;
    }
    return a.length == 4 ? v4(a) : v6(a);
  }

  private static String v4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if (b0 == 127) return "Loopback";
    if (b0 == 10 || b0 == 172 && b1 >= 16 && b1 <= 31 || b0 == 192 && b1 == 168) return "Private";
    if (b0 == 169 && b1 == 254) return "LinkLocal";
    if ((a[0] & a[1] & a[2] & a[3]) == (byte) 0xff) return "Broadcast";
    if (b0 == 0 || b0 >= 224) return "Reserved";
    return "Public";
  }

  private static String v6(byte[] a) {
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) zeroPrefix &= a[i] == 0;
    if (zeroPrefix && a[10] == (byte) 0xff && a[11] == (byte) 0xff) return "FourToSixMapping";
    boolean allZeroBut15 =
        zeroPrefix && a[10] == 0 && a[11] == 0 && a[12] == 0 && a[13] == 0 && a[14] == 0;
    if (allZeroBut15 && a[15] == 1) return "Loopback";
    if (allZeroBut15 && a[15] == 0) return "Reserved";
    int b0 = a[0] & 0xff;
    if (b0 == 0xfe && (a[1] & 0xc0) == 0x80) return "LinkLocal";
    if ((b0 & 0xfe) == 0xfc) return "Private";
    if (b0 == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) return "Teredo";
    if (b0 == 0xff) return "Reserved";
    return "Public";
  }

  private static byte[] parse(String ip) {
    if (ip == null) {
      return null;
    }
    String s = ip.strip();
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (s.indexOf(':') < 0) {
      return parseV4(s);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return null;
      }
    }
    try {
      // Only hex digits, ':' and '.' remain, so this parses a literal and never does a DNS lookup.
      InetAddress address = InetAddress.getByName(s);
      if (address instanceof Inet6Address) {
        return address.getAddress();
      }
      return address instanceof Inet4Address ? mapped(address.getAddress()) : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Java folds {@code ::ffff:a.b.c.d} to IPv4; keep it as the IPv6 mapping it was written as. */
  private static byte[] mapped(byte[] v4) {
    byte[] out = new byte[16];
    out[10] = (byte) 0xff;
    out[11] = (byte) 0xff;
    System.arraycopy(v4, 0, out, 12, 4);
    return out;
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3) {
        return null;
      }
      for (int j = 0; j < p.length(); j++) {
        if (p.charAt(j) < '0' || p.charAt(j) > '9') {
          return null;
        }
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }
}
