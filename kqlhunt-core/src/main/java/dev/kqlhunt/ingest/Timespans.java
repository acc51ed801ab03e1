package dev.kqlhunt.ingest;

import java.time.Duration;

/** Kusto's timespan text {@code [-][d.]hh:mm:ss[.fffffff]}, parsed and printed at 100 ns. */
final class Timespans {
  private Timespans() {}

  /** The duration, or null when the text is not of that form. */
  static Duration parse(String s) {
    int i = 0;
    boolean negative = s.startsWith("-");
    if (negative) i++;
    int colon = s.indexOf(':', i);
    if (colon < 0) return null;
    int dot = s.lastIndexOf('.', colon);
    long days = 0;
    try {
      if (dot > i) {
        days = Long.parseLong(s.substring(i, dot));
        i = dot + 1;
      }
      String[] hms = s.substring(i).split(":", -1);
      if (hms.length != 3) return null;
      long h = Long.parseLong(hms[0]);
      long m = Long.parseLong(hms[1]);
      String sec = hms[2];
      int fdot = sec.indexOf('.');
      long secs = Long.parseLong(fdot < 0 ? sec : sec.substring(0, fdot));
      long nanos = 0;
      if (fdot >= 0) {
        String f = sec.substring(fdot + 1);
        if (f.isEmpty() || f.length() > 9 || !f.chars().allMatch(Character::isDigit)) return null;
        nanos = Long.parseLong((f + "000000000").substring(0, 9));
        nanos -= nanos % 100;
      }
      if (h > 23 || m > 59 || secs > 59 || h < 0 || m < 0 || secs < 0 || days < 0) return null;
      Duration d = Duration.ofDays(days).plusHours(h).plusMinutes(m).plusSeconds(secs).plusNanos(nanos);
      return negative ? d.negated() : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String format(Duration d) {
    boolean neg = d.isNegative();
    Duration a = d.abs();
    long days = a.toDays();
    String t =
        String.format(
            java.util.Locale.ROOT, "%02d:%02d:%02d", a.toHoursPart(), a.toMinutesPart(), a.toSecondsPart());
    long ticks = a.toNanosPart() / 100;
    String frac = ticks == 0 ? "" : String.format(java.util.Locale.ROOT, ".%07d", ticks);
    return (neg ? "-" : "") + (days > 0 ? days + "." : "") + t + frac;
  }
}
