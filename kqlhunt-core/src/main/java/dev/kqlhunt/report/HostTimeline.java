package dev.kqlhunt.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-host timeline of the HTML report: for each host, the first and last time any finding saw
 * it, and which rules found it; plus a shared time axis over all hosts. Pure computation, no markup.
 */
final class HostTimeline {
  /** One host's bar. */
  record Bar(Finding.HostKey host, Instant first, Instant last, int findings, List<String> rules) {}

  final List<Bar> bars;
  final Instant axisStart;
  final Instant axisEnd;

  private HostTimeline(List<Bar> bars, Instant axisStart, Instant axisEnd) {
    this.bars = bars;
    this.axisStart = axisStart;
    this.axisEnd = axisEnd;
  }

  /** Bars in order of first sighting; findings without a host or without times are left out. */
  static HostTimeline of(List<Finding> findings) {
    Map<Finding.HostKey, Bar> byHost = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (f.host() == null || f.firstSeen() == null) continue;
      Bar b = byHost.get(f.host());
      if (b == null) {
        byHost.put(f.host(), new Bar(f.host(), f.firstSeen(), f.lastSeen(), 1, new ArrayList<>(List.of(f.alert().ruleName()))));
        continue;
      }
      List<String> rules = b.rules();
      if (!rules.contains(f.alert().ruleName())) rules.add(f.alert().ruleName());
      byHost.put(f.host(), new Bar(f.host(), min(b.first(), f.firstSeen()), max(b.last(), f.lastSeen()), b.findings() + 1, rules));
    }
    List<Bar> bars = new ArrayList<>(byHost.values());
    bars.sort((a, b) -> a.first().compareTo(b.first()));
    if (bars.isEmpty()) return new HostTimeline(bars, null, null);
    Instant lo = bars.get(0).first();
    Instant hi = lo;
    for (Bar b : bars) hi = max(hi, b.last());
    // Pad so that bars at the edges stay visible; at least an hour of axis for a single instant.
    Duration span = Duration.between(lo, hi);
    Duration pad = span.isZero() ? Duration.ofMinutes(30) : span.dividedBy(40);
    return new HostTimeline(bars, lo.minus(pad), hi.plus(pad));
  }

  /** Position of {@code t} on the axis as a percentage in [0, 100]. */
  double percent(Instant t) {
    double total = Duration.between(axisStart, axisEnd).toMillis();
    double at = Duration.between(axisStart, t).toMillis();
    return Math.max(0, Math.min(100, at * 100.0 / total));
  }

  /** About {@code n} evenly spaced tick times across the axis, including both ends. */
  List<Instant> ticks(int n) {
    List<Instant> out = new ArrayList<>();
    Duration step = Duration.between(axisStart, axisEnd).dividedBy(n - 1);
    for (int i = 0; i < n; i++) out.add(axisStart.plus(step.multipliedBy(i)));
    return out;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
