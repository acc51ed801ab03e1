package dev.kqlhunt.rmm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Synthetic events for one indicator: a true positive the indicator's rule must find, and a near miss
 * (a lookalike) it must not. For tests of the pack over the whole catalog and for generated benchmark
 * data; events hold only the columns the rule tests (column name to value), the caller adds time and
 * device columns.
 *
 * <p>Construction: a wildcard is filled with {@code 1}; a domain suffix pattern gets a sub-domain and a
 * URL; a PE entry takes the first alternative of each field. The near miss keeps the event's shape
 * but changes every tested value: a name gets an {@code x} at both ends (breaking equality, prefixes
 * and suffixes), a path or registry key also gets one after every separator, a term value ({@code has}) becomes {@code x<letters and digits only>x}, a single term that
 * no needle of the catalog equals, and a domain becomes {@code x<labels joined by ->.invalid}.
 */
public final class RmmSamples {
  private RmmSamples() {}

  /**
   * A pair of events for one indicator.
   *
   * @param indicator the indicator the events were made from
   * @param hit an event the indicator's rule must match
   * @param nearMiss a lookalike event the rule must not match
   */
  public record Sample(Indicator indicator, Map<String, String> hit, Map<String, String> nearMiss) {
    public Sample {
      Objects.requireNonNull(indicator, "indicator is null");
      hit = Map.copyOf(hit);
      nearMiss = Map.copyOf(nearMiss);
    }
  }

  /** The sample for {@code indicator}. */
  public static Sample of(Indicator indicator) {
    Map<String, String> hit = new LinkedHashMap<>();
    Map<String, String> miss = new LinkedHashMap<>();
    switch (indicator) {
      case Indicator.PeVersionInfo pe -> {
        field(hit, miss, "ProcessVersionInfoCompanyName", pe.company());
        field(hit, miss, "ProcessVersionInfoProductName", pe.product());
        field(hit, miss, "ProcessVersionInfoOriginalFileName", pe.originalFileName());
      }
      case Indicator.ProcessName p -> pair(hit, miss, "FileName", fill(p.name()), "x" + fill(p.name()) + "x");
      case Indicator.Path p -> pair(hit, miss, "FolderPath", fill(p.path()), "x" + splitFolders(fill(p.path())) + "x");
      case Indicator.Signer s -> pair(hit, miss, "Signer", s.name(), lookalikeTerm(s.name()));
      case Indicator.Domain d -> {
        String base = DomainPattern.baseHost(d.domain());
        String host = DomainPattern.isSuffix(d.domain()) ? "relay-1." + base : base;
        pair(hit, miss, "RemoteUrl", "https://" + host + "/session", "https://x" + base.replace('.', '-') + ".invalid/session");
      }
      case Indicator.RegistryKey r -> {
        String key = fill(r.key());
        String user = "HKEY_CURRENT_USER\\";
        String hitKey = key.startsWith(user) ? user + "S-1-5-21-1-1-1-1001\\" + key.substring(user.length()) : key;
        pair(hit, miss, "RegistryKey", hitKey, splitFolders(hitKey));
      }
      case Indicator.ServiceName s -> {
        hit.put("ActionType", "ServiceInstalled");
        miss.put("ActionType", "ServiceInstalled");
        hit.put("AdditionalFields", "{\"ServiceName\":" + jsonString(fill(s.name())) + "}");
        miss.put("AdditionalFields", "{\"ServiceName\":" + jsonString("x" + fill(s.name())) + "}");
      }
    }
    return new Sample(indicator, hit, miss);
  }

  private static void field(Map<String, String> hit, Map<String, String> miss, String column, List<String> values) {
    if (!values.isEmpty()) {
      pair(hit, miss, column, values.get(0), lookalikeTerm(values.get(0)));
    }
  }

  private static void pair(Map<String, String> hit, Map<String, String> miss, String column, String h, String m) {
    hit.put(column, h);
    miss.put(column, m);
  }

  /** Every folder name gets a leading {@code x}, so no folder-anchored pattern matches any more. */
  private static String splitFolders(String path) {
    return path.replace("\\", "\\x").replace("/", "/x");
  }

  private static String fill(String pattern) {
    return pattern.replace("*", "1");
  }

  /** One term that contains the value's letters but equals no needle: {@code x<alnum>x}. */
  static String lookalikeTerm(String value) {
    return "x" + value.replaceAll("[^\\p{L}\\p{N}]", "") + "x";
  }

  private static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
