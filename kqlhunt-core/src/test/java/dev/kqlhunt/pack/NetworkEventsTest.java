package dev.kqlhunt.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated connections: deterministic per seed, in range, with bare IPs and many distinct hosts. */
class NetworkEventsTest {
  private static final Instant TO = Instant.parse("2026-11-28T12:00:00Z");
  private static final Instant FROM = TO.minus(Duration.ofDays(8));

  @Test
  void sameSeedSameRowsAndPlausibleValues() {
    NetworkEvents a = new NetworkEvents(42, 20);
    NetworkEvents b = new NetworkEvents(42, 20);
    int n = 20_000;
    int bare = 0;
    Set<Object> urls = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> row = a.connection(i, n, FROM, TO);
      assertEquals(row, b.connection(i, n, FROM, TO));
      Instant t = (Instant) row.get("Timestamp");
      assertTrue(!t.isBefore(FROM) && t.isBefore(TO), t.toString());
      int port = (Integer) row.get("RemotePort");
      assertTrue(port > 0 && port < 65536);
      String url = (String) row.get("RemoteUrl");
      if (url.isEmpty()) bare++;
      urls.add(url);
      assertTrue(((String) row.get("DeviceName")).startsWith("ws-"));
    }
    assertTrue(bare > n / 5 && bare < n / 3, "bare IPs " + bare);
    assertTrue(urls.size() > n / 10, "distinct RemoteUrl " + urls.size());
  }
}
