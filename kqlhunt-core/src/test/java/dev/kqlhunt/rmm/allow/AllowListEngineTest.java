package dev.kqlhunt.rmm.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.rmm.EngineTables;
import dev.kqlhunt.rmm.GeneratedRule;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmCorrelationRules;
import dev.kqlhunt.rmm.RmmRuleGenerator;
import dev.kqlhunt.rmm.allow.AllowListCompiler.Compiled;
import dev.kqlhunt.rmm.allow.AllowListCompiler.CompiledExclusion;
import dev.kqlhunt.rules.CompiledRule;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleCompiler;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.text.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sanctioned-tool scenario of the issue on the real engine: the whole shipped pack (per-tool rules
 * and the correlation rules) loaded as Sentinel rules, the allow-list compiled to exclusions and applied
 * by {@link RuleCompiler} (the shadowing {@code let}s {@code kqlhunt hunt} uses), each rule run once by
 * {@link dev.kqlhunt.exec.QueryRunner} over one set of events where every host plays one part.
 */
class AllowListEngineTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final String PINNED = "C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe";
  static final String ALLOW = """
      allow:
        - id: anydesk-it
          tool: AnyDesk
          owner: it@contoso.example
          ticket: CHG-1
          expires: 2027-06-30
          pins:
            paths: ['C:\\Program Files (x86)\\AnyDesk\\']
            signers: ['AnyDesk Software GmbH']
            domains: ['*.net-contoso.anydesk.com']
      """;

  private static RmmCatalog catalog;
  private static List<SentinelRule> rules;
  private static Map<String, String> toolOfRule;
  private static DataSource data;

  @BeforeAll
  static void setUp() {
    catalog = RmmCatalog.load();
    List<GeneratedRule> pack = new RmmRuleGenerator().generate(catalog);
    rules = new ArrayList<>();
    toolOfRule = new LinkedHashMap<>();
    RuleLoader loader = new RuleLoader();
    for (GeneratedRule g : pack) {
      rules.add(load(loader, g.fileName(), g.yaml()));
      toolOfRule.put(g.id(), g.toolId());
    }
    for (RmmCorrelationRules.CorrelationRule c : new RmmCorrelationRules(dev.kqlhunt.rmm.Confidence.MEDIUM).generate(catalog)) {
      rules.add(load(loader, c.fileName(), c.yaml()));
      toolOfRule.put(c.id(), "correlation-" + c.kind());
    }
    data = events();
  }

  private static SentinelRule load(RuleLoader loader, String name, String yaml) {
    LoadResult<SentinelRule> r = loader.load(SourceText.of(name, yaml));
    assertFalse(r.hasErrors(), () -> String.join("\n", r.rendered()));
    return r.value();
  }

  /** One host per part of the scenario; the "two-vendors" host runs AnyDesk and TeamViewer. */
  private static DataSource events() {
    EngineTables t = new EngineTables();
    for (String host : List.of("sanctioned", "two-vendors")) {
      t.add("DeviceProcessEvents", "x", anydeskProcess(host, PINNED));
      t.add("DeviceFileCertificateInfo", "x", Map.of("DeviceId", host, "DeviceName", host,
          "Signer", "AnyDesk Software GmbH", "IsTrusted", true, "SHA1", "aa"));
      t.add("DeviceNetworkEvents", "x", Map.of("DeviceId", host, "DeviceName", host,
          "RemoteUrl", "relay-01.net-contoso.anydesk.com", "InitiatingProcessFolderPath", PINNED,
          "InitiatingProcessFileName", "AnyDesk.exe", "InitiatingProcessVersionInfoCompanyName", "AnyDesk Software GmbH",
          "InitiatingProcessVersionInfoProductName", "AnyDesk"));
    }
    t.add("DeviceProcessEvents", "x", Map.of("DeviceId", "two-vendors", "DeviceName", "two-vendors",
        "FileName", "TeamViewer.exe", "FolderPath", "C:\\Program Files\\TeamViewer\\TeamViewer.exe",
        "ProcessVersionInfoCompanyName", "TeamViewer Germany GmbH", "ProcessVersionInfoProductName", "TeamViewer",
        "ProcessVersionInfoOriginalFileName", "TeamViewer.exe", "AccountName", "jdoe"));
    t.add("DeviceProcessEvents", "x", anydeskProcess("portable", "C:\\Users\\jdoe\\Downloads\\AnyDesk.exe"));
    t.add("DeviceNetworkEvents", "x", Map.of("DeviceId", "public-relay", "DeviceName", "public-relay",
        "RemoteUrl", "relay-1a2b3c4d.net.anydesk.com", "InitiatingProcessFolderPath", PINNED,
        "InitiatingProcessFileName", "AnyDesk.exe", "InitiatingProcessVersionInfoCompanyName", "AnyDesk Software GmbH",
        "InitiatingProcessVersionInfoProductName", "AnyDesk"));
    t.add("DeviceFileCertificateInfo", "x", Map.of("DeviceId", "untrusted", "DeviceName", "untrusted",
        "Signer", "AnyDesk Software GmbH", "IsTrusted", false, "SHA1", "bb"));
    return t.source();
  }

  private static Map<String, Object> anydeskProcess(String host, String path) {
    return Map.of("DeviceId", host, "DeviceName", host, "FileName", "AnyDesk.exe", "FolderPath", path,
        "ProcessVersionInfoCompanyName", "AnyDesk Software GmbH", "ProcessVersionInfoProductName", "AnyDesk",
        "ProcessVersionInfoOriginalFileName", "AnyDesk.exe", "AccountName", "jdoe");
  }

  /** Host to the sorted "tool/rule file" findings, running every rule with the compiled exclusions. */
  private static Map<String, Set<String>> hunt(String allowList, LocalDate today) {
    Compiled compiled = new AllowListCompiler().compile(
        new AllowListLoader(catalog).load(SourceText.of("allow.yaml", allowList)).value(),
        new RmmRuleGenerator().generate(catalog), today);
    assertTrue(compiled.loaded().ok(), () -> String.join("\n", compiled.loaded().rendered()));
    ExclusionSet exclusions = compiled.loaded().value();
    Map<String, Set<String>> findings = new LinkedHashMap<>();
    RuleCompiler compiler = new RuleCompiler();
    for (SentinelRule rule : rules) {
      CompiledRule c = compiler.compile(rule, exclusions.select(rule, today).active(), Map.of());
      for (String host : EngineTables.deviceNames(EngineTables.run(data, rule.id(), c.text().text(), EngineTables.NOW))) {
        findings.computeIfAbsent(host, h -> new TreeSet<>()).add(toolOfRule.get(rule.id()) + "/" + rule.name());
      }
    }
    return findings;
  }

  private static Set<String> tools(Map<String, Set<String>> findings, String host) {
    Set<String> out = new TreeSet<>();
    for (String f : findings.getOrDefault(host, Set.of())) out.add(f.substring(0, f.indexOf('/')));
    return out;
  }

  @Test
  void theSanctionedScenario() {
    Map<String, Set<String>> without = hunt("allow: []\n", TODAY);
    // Without an allow-list every AnyDesk host is a finding, through several rule kinds.
    for (String host : List.of("sanctioned", "two-vendors", "portable", "public-relay", "untrusted")) {
      assertTrue(tools(without, host).contains("anydesk"), host + ": " + without.get(host));
    }
    assertTrue(without.get("sanctioned").size() >= 3, "process, signer and network rules: " + without.get("sanctioned"));

    Map<String, Set<String>> with = hunt(ALLOW, TODAY);
    assertEquals(Set.of(), with.getOrDefault("sanctioned", Set.of()), "pinned path, signer and tenant relay raise nothing");
    // A portable copy alerts through AnyDesk's own rules (and is "first seen" on that host).
    assertTrue(tools(with, "portable").contains("anydesk"), "the same binary from Downloads: " + with.get("portable"));
    assertTrue(Set.of("anydesk", "correlation-first-seen").containsAll(tools(with, "portable")), with.get("portable").toString());
    assertEquals(Set.of("anydesk"), tools(with, "public-relay"), "a relay that is not the tenant's: " + with.get("public-relay"));
    assertEquals(Set.of("anydesk"), tools(with, "untrusted"), "an untrusted certificate: " + with.get("untrusted"));
    Set<String> second = tools(with, "two-vendors");
    assertTrue(second.contains("teamviewer"), "the second vendor alerts: " + second);
    assertTrue(second.contains("correlation-multi-vendor"), "and raises the correlation: " + second);
    assertFalse(second.contains("anydesk"), "the sanctioned AnyDesk on that host stays quiet: " + second);
    assertFalse(tools(with, "sanctioned").contains("correlation-multi-vendor"));

    Map<String, Set<String>> expired = hunt(ALLOW, LocalDate.of(2027, 7, 1));
    assertEquals(without, expired, "an expired entry suppresses nothing");
  }

  @Test
  void unpinnedTenantAlerts() {
    // Without pinned domains, even the organisation's own relay alerts (no network exclusion is made).
    Map<String, Set<String>> with = hunt(ALLOW.lines().filter(l -> !l.contains("domains:"))
        .collect(java.util.stream.Collectors.joining("\n", "", "\n")), TODAY);
    Set<String> sanctioned = with.getOrDefault("sanctioned", Set.of());
    assertEquals(Set.of("anydesk"), tools(with, "sanctioned"), sanctioned.toString());
    assertTrue(sanctioned.stream().allMatch(f -> f.contains("Network")), sanctioned.toString());
  }

  /** The Java twin of each compiled exclusion agrees with its KQL predicate run by the engine. */
  @Test
  void exclusionMatchersAgreeWithTheEngine() {
    Compiled compiled = new AllowListCompiler().compile(
        new AllowListLoader(catalog).load(SourceText.of("allow.yaml", ALLOW)).value(),
        new RmmRuleGenerator().generate(catalog), TODAY);
    int compared = 0;
    for (CompiledExclusion e : compiled.exclusions()) {
      Set<String> engine = EngineTables.deviceNames(EngineTables.run(
          data, e.id(), e.table() + "\n| where (\n" + e.where() + "\n) == true", EngineTables.NOW));
      for (Map.Entry<String, Map<String, String>> ev : sampleRows(e.table()).entrySet()) {
        assertEquals(engine.contains(ev.getKey()), e.matcher().test(ev.getValue()), e.id() + " on " + ev.getKey());
        compared++;
      }
    }
    assertTrue(compared >= 8, "compared " + compared);
  }

  /** The events of {@link #events()} as strings, per host, for the stand-in matchers. */
  private static Map<String, Map<String, String>> sampleRows(String table) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    switch (table) {
      case "DeviceProcessEvents" -> {
        out.put("sanctioned", strings(anydeskProcess("sanctioned", PINNED)));
        out.put("portable", strings(anydeskProcess("portable", "C:\\Users\\jdoe\\Downloads\\AnyDesk.exe")));
      }
      case "DeviceNetworkEvents" -> {
        out.put("sanctioned", Map.of("DeviceName", "sanctioned", "RemoteUrl", "relay-01.net-contoso.anydesk.com",
            "InitiatingProcessFolderPath", PINNED));
        out.put("public-relay", Map.of("DeviceName", "public-relay", "RemoteUrl", "relay-1a2b3c4d.net.anydesk.com",
            "InitiatingProcessFolderPath", PINNED));
      }
      case "DeviceFileCertificateInfo" -> {
        out.put("sanctioned", Map.of("DeviceName", "sanctioned", "Signer", "AnyDesk Software GmbH", "IsTrusted", "true"));
        out.put("untrusted", Map.of("DeviceName", "untrusted", "Signer", "AnyDesk Software GmbH", "IsTrusted", "false"));
      }
      default -> { }
    }
    return out;
  }

  private static Map<String, String> strings(Map<String, Object> row) {
    Map<String, String> out = new LinkedHashMap<>();
    row.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
