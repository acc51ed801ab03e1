package dev.kqlhunt.rmm;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.json.JsonException;
import dev.kqlhunt.value.KustoRegex;
import dev.kqlhunt.value.StringMatcher;
import dev.kqlhunt.value.StringPredicate;
import dev.kqlhunt.value.TermMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The where-clause of a generated rule as a Java predicate over one event (column name to string
 * value; a missing column is the empty string, as in Kusto). It mirrors {@link RmmQueries} clause by
 * clause and uses the engine's own string kernels ({@code has}, {@code =~}, {@code startswith}, RE2),
 * so the catalog can be checked against events without building tables; the time window is not part
 * of it. Contract: on any event it answers as the engine does for the rendered rule (tested over the
 * whole catalog by {@code RmmPackEngineTest}). Immutable and thread-safe.
 */
public final class RmmMatcher implements Predicate<Map<String, String>> {
  private final List<Predicate<Map<String, String>>> alternatives;

  private RmmMatcher(List<Predicate<Map<String, String>>> alternatives) {
    this.alternatives = List.copyOf(alternatives);
  }

  /** The matcher of the rule {@link RmmQueries#render} writes for the same arguments. */
  public static RmmMatcher of(RmmRuleKind kind, List<Indicator> indicators) {
    List<Predicate<Map<String, String>>> out = new ArrayList<>();
    for (Indicator i : indicators) {
      if (i.kind().ruleKind() != kind) {
        throw new IllegalArgumentException(i.kind() + " does not feed " + kind);
      }
      out.add(clause(i));
    }
    return new RmmMatcher(out);
  }

  @Override
  public boolean test(Map<String, String> event) {
    for (Predicate<Map<String, String>> p : alternatives) {
      if (p.test(event)) {
        return true;
      }
    }
    return false;
  }

  private static Predicate<Map<String, String>> clause(Indicator indicator) {
    return switch (indicator) {
      case Indicator.PeVersionInfo pe -> versionInfo(pe);
      case Indicator.ProcessName p -> column("FileName", name(p.name()));
      case Indicator.Path p ->
          column("FolderPath", glob(p.path().endsWith("*") ? p.path() : p.path() + "*", false));
      case Indicator.Signer s -> column("Signer", TermMatcher.has(s.name(), false));
      case Indicator.Domain d -> column("RemoteUrl", TermMatcher.has(DomainPattern.baseHost(d.domain()), false));
      case Indicator.RegistryKey r -> column("RegistryKey", registry(r.key()));
      case Indicator.ServiceName s -> service(name(s.name()));
    };
  }

  private static Predicate<Map<String, String>> versionInfo(Indicator.PeVersionInfo pe) {
    List<Predicate<Map<String, String>>> all = new ArrayList<>();
    addAny(all, "ProcessVersionInfoCompanyName", pe.company());
    addAny(all, "ProcessVersionInfoProductName", pe.product());
    addAny(all, "ProcessVersionInfoOriginalFileName", pe.originalFileName());
    return e -> {
      for (Predicate<Map<String, String>> p : all) {
        if (!p.test(e)) {
          return false;
        }
      }
      return true;
    };
  }

  private static void addAny(List<Predicate<Map<String, String>>> all, String column, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    List<StringPredicate> terms = new ArrayList<>();
    for (String v : values) {
      terms.add(TermMatcher.has(v, false));
    }
    all.add(column(column, s -> {
      for (StringPredicate t : terms) {
        if (t.test(s)) {
          return true;
        }
      }
      return false;
    }));
  }

  /** {@code in~} for a plain name, the glob operator for a wildcard name. */
  private static StringPredicate name(String name) {
    return name.indexOf('*') >= 0 ? glob(name, false) : StringMatcher.equalTo(name, false);
  }

  private static StringPredicate registry(String key) {
    if (key.startsWith("HKEY_CURRENT_USER\\") || key.startsWith("HKEY_USERS\\")) {
      String below = key.substring(key.indexOf('\\'));
      return glob("*" + below + (below.endsWith("*") ? "" : "*"), false);
    }
    return glob(key, true);
  }

  private static StringPredicate glob(String pattern, boolean prefixWhenPlain) {
    KqlText.Glob g = KqlText.classify(pattern, prefixWhenPlain);
    return switch (g.op()) {
      case EQUALS -> StringMatcher.equalTo(g.text(), false);
      case STARTS_WITH -> StringMatcher.startsWith(g.text(), false);
      case ENDS_WITH -> StringMatcher.endsWith(g.text(), false);
      case CONTAINS -> StringMatcher.contains(g.text(), false);
      case REGEX -> KustoRegex.compile(g.text()).asPredicate();
    };
  }

  private static Predicate<Map<String, String>> column(String column, StringPredicate p) {
    return e -> p.test(e.getOrDefault(column, ""));
  }

  /** DeviceEvents service installs: {@code ActionType} and {@code AdditionalFields.ServiceName}. */
  private static Predicate<Map<String, String>> service(StringPredicate name) {
    return e -> {
      if (!"ServiceInstalled".equals(e.get("ActionType"))) {
        return false;
      }
      try {
        Object fields = Json.parse(e.getOrDefault("AdditionalFields", "{}"));
        return fields instanceof Map<?, ?> m && m.get("ServiceName") instanceof String s && name.test(s);
      } catch (JsonException ex) {
        return false;
      }
    };
  }
}
