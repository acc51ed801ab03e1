package dev.kqlhunt.value;

/**
 * Punycode (RFC 3492) for one label, and IDNA-style domains where each non-ASCII label becomes
 * {@code xn--<punycode>}. Case is kept (Kusto's {@code punycode_domain_from_string("xn--Ge-mia...")}
 * is {@code Gáe...}). Malformed input gives null. Thread-safe.
 */
public final class Punycode {
  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 128;
  private static final String PREFIX = "xn--";

  private Punycode() {}

  /** The punycode of a label (without the {@code xn--} prefix); ASCII-only text ends with {@code -}. */
  public static String encode(String input) {
    int[] cps = input.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int c : cps) if (c < 0x80) out.append((char) c);
    int basic = out.length();
    int handled = basic;
    if (basic > 0) out.append('-');
    int n = INITIAL_N;
    long delta = 0;
    int bias = INITIAL_BIAS;
    while (handled < cps.length) {
      int m = Integer.MAX_VALUE;
      for (int c : cps) if (c >= n && c < m) m = c;
      delta += (long) (m - n) * (handled + 1);
      if (delta > Integer.MAX_VALUE) return null;
      n = m;
      for (int c : cps) {
        if (c < n) delta++;
        if (c == n) {
          long q = delta;
          for (int k = BASE; ; k += BASE) {
            int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
            if (q < t) break;
            out.append(digit((int) (t + (q - t) % (BASE - t))));
            q = (q - t) / (BASE - t);
          }
          out.append(digit((int) q));
          bias = adapt(delta, handled + 1, handled == basic);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return out.toString();
  }

  /** The label a punycode string (without {@code xn--}) stands for, or null. */
  public static String decode(String input) {
    int dash = input.lastIndexOf('-');
    StringBuilder out = new StringBuilder();
    java.util.List<Integer> cps = new java.util.ArrayList<>();
    if (dash > 0) {
      for (int i = 0; i < dash; i++) {
        char c = input.charAt(i);
        if (c >= 0x80) return null;
        cps.add((int) c);
      }
    }
    int n = INITIAL_N;
    long i = 0;
    int bias = INITIAL_BIAS;
    for (int p = dash > 0 ? dash + 1 : 0; p < input.length(); ) {
      long oldI = i;
      long w = 1;
      for (int k = BASE; ; k += BASE) {
        if (p >= input.length()) return null;
        int d = value(input.charAt(p++));
        if (d < 0) return null;
        i += d * w;
        if (i > Integer.MAX_VALUE) return null;
        int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
        if (d < t) break;
        w *= BASE - t;
      }
      bias = adapt(i - oldI, cps.size() + 1, oldI == 0);
      n += (int) (i / (cps.size() + 1));
      i %= cps.size() + 1;
      if (!Character.isValidCodePoint(n)) return null;
      cps.add((int) i, n);
      i++;
    }
    for (int c : cps) out.appendCodePoint(c);
    return out.toString();
  }

  /** Each label with non-ASCII characters replaced by {@code xn--<punycode>}. */
  public static String domainToAscii(String domain) {
    // IDNA also separates labels with the ideographic and full-width full stops.
    String[] labels = domain.split("[.\u3002\uff0e\uff61]", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      if (i > 0) out.append('.');
      String label = labels[i];
      boolean ascii = label.chars().allMatch(c -> c < 0x80);
      if (ascii) {
        out.append(label);
      } else {
        String p = encode(label);
        if (p == null) return null;
        out.append(PREFIX).append(p);
      }
    }
    return out.toString();
  }

  /** Each {@code xn--} label decoded. */
  public static String domainToUnicode(String domain) {
    String[] labels = domain.split("\\.", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      if (i > 0) out.append('.');
      String label = labels[i];
      if (label.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
        String d = decode(label.substring(PREFIX.length()));
        if (d == null) return null;
        out.append(d);
      } else {
        out.append(label);
      }
    }
    return out.toString();
  }

  private static int adapt(long delta, int points, boolean first) {
    delta = first ? delta / DAMP : delta / 2;
    delta += delta / points;
    int k = 0;
    while (delta > ((BASE - TMIN) * TMAX) / 2) {
      delta /= BASE - TMIN;
      k += BASE;
    }
    return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
  }

  private static char digit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') return c - '0' + 26;
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    return -1;
  }
}
