package dev.kqlhunt.rmm.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rmm.GeneratedRule;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmMatcher;
import dev.kqlhunt.rmm.RmmRuleGenerator;
import dev.kqlhunt.rmm.RmmRuleKind;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.rmm.allow.AllowListCompiler.Compiled;
import dev.kqlhunt.rmm.allow.AllowListCompiler.CompiledExclusion;
import dev.kqlhunt.rules.BinderQueryValidator;
import dev.kqlhunt.rules.FileDiagnostic;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.exclusions.ExclusionChecker;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AllowListTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final String ANYDESK = """
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
          scope:
            deviceNames: ['*.corp.contoso.example']
      """;

  static RmmCatalog catalog;
  static List<GeneratedRule> pack;

  @BeforeAll
  static void load() {
    catalog = RmmCatalog.load();
    pack = new RmmRuleGenerator().generate(catalog);
  }

  static AllowList parse(String text) {
    LoadResult<AllowList> r = new AllowListLoader(catalog).load(SourceText.of("allow.yaml", text));
    assertFalse(r.hasErrors(), () -> String.join("\n", r.rendered()));
    return r.value();
  }

  static Compiled compile(String text, LocalDate today) {
    return new AllowListCompiler().compile(parse(text), pack, today);
  }

  /** Stand-in for a hunt: does any rule of {@code toolId} and kind fire on the event after exclusions? */
  static boolean raises(String toolId, RmmRuleKind kind, Map<String, String> event, Compiled compiled) {
    RmmTool tool = catalog.find(toolId).orElseThrow();
    List<Indicator> facts = tool.indicators().stream().filter(i -> i.kind().ruleKind() == kind).toList();
    if (facts.isEmpty() || !RmmMatcher.of(kind, facts).test(event)) return false;
    for (CompiledExclusion e : compiled.exclusions()) {
      if (e.toolId().equals(tool.id()) && e.kind() == kind && e.matcher().test(event)) return false;
    }
    return true;
  }

  static Map<String, String> process(String folderPath, String device) {
    String file = folderPath.substring(folderPath.lastIndexOf('\\') + 1);
    return Map.of("DeviceName", device, "DeviceId", "d1", "FileName", file, "FolderPath", folderPath,
        "ProcessVersionInfoCompanyName", "AnyDesk Software GmbH", "ProcessVersionInfoProductName", "AnyDesk",
        "ProcessVersionInfoOriginalFileName", "AnyDesk.exe", "AccountName", "jdoe");
  }

  static boolean anyProcessRule(Map<String, String> event, Compiled c) {
    return raises("anydesk", RmmRuleKind.PROCESS_NAME, event, c) || raises("anydesk", RmmRuleKind.PROCESS_VERSION_INFO, event, c);
  }

  @Test
  void sanctionedAnyDeskFromPinnedPathRaisesNothingButDownloadsCopyDoes() {
    Compiled c = compile(ANYDESK, TODAY);
    Map<String, String> sanctioned = process("C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe", "wks01.corp.contoso.example");
    Map<String, String> portable = process("C:\\Users\\jdoe\\Downloads\\AnyDesk.exe", "wks01.corp.contoso.example");
    Map<String, String> otherHost = process("C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe", "laptop.evil.example");
    // without the allow-list all three are findings
    Compiled none = compile("allow: []\n", TODAY);
    assertTrue(anyProcessRule(sanctioned, none) && anyProcessRule(portable, none) && anyProcessRule(otherHost, none));
    assertFalse(anyProcessRule(sanctioned, c), "pinned install on an in-scope device is allowed");
    assertTrue(anyProcessRule(portable, c), "a portable copy from Downloads still alerts");
    assertTrue(anyProcessRule(otherHost, c), "a device outside the scope still alerts");
  }

  @Test
  void relayAndSignerPins() {
    Compiled c = compile(ANYDESK, TODAY);
    String exe = "C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe";
    Map<String, String> ownRelay = Map.of("DeviceName", "wks01.corp.contoso.example",
        "InitiatingProcessFolderPath", exe, "RemoteUrl", "relay-01.net-contoso.anydesk.com");
    Map<String, String> publicRelay = Map.of("DeviceName", "wks01.corp.contoso.example",
        "InitiatingProcessFolderPath", exe, "RemoteUrl", "relay-1a2b3c4d.net.anydesk.com");
    assertFalse(raises("anydesk", RmmRuleKind.NETWORK, ownRelay, c));
    assertTrue(raises("anydesk", RmmRuleKind.NETWORK, publicRelay, c), "a relay that is not the tenant's alerts");
    Map<String, String> trusted = Map.of("DeviceName", "wks01.corp.contoso.example", "Signer", "AnyDesk Software GmbH", "IsTrusted", "true");
    Map<String, String> untrusted = Map.of("DeviceName", "wks01.corp.contoso.example", "Signer", "AnyDesk Software GmbH", "IsTrusted", "false");
    assertFalse(raises("anydesk", RmmRuleKind.SIGNER, trusted, c));
    assertTrue(raises("anydesk", RmmRuleKind.SIGNER, untrusted, c));
  }

  @Test
  void unsanctionedToolsKeepAlerting() {
    Compiled c = compile(ANYDESK, TODAY);
    Set<String> anydeskRules = pack.stream().filter(r -> r.toolId().equals("anydesk")).map(GeneratedRule::id).collect(Collectors.toSet());
    assertFalse(c.exclusions().isEmpty());
    String firstSeen = dev.kqlhunt.rmm.RmmCorrelationRules.ruleId("first-seen");
    for (CompiledExclusion e : c.exclusions()) {
      if (e.ruleIds().equals(List.of(firstSeen))) continue; // the sanctioned install is not "new" on a host
      assertTrue(anydeskRules.containsAll(e.ruleIds()), e.id() + " selects only AnyDesk rules");
    }
    assertTrue(c.exclusions().stream().noneMatch(e -> e.ruleIds().contains(dev.kqlhunt.rmm.RmmCorrelationRules.ruleId("multi-vendor"))),
        "the multi-vendor correlation is never suppressed");
    Map<String, String> teamviewer = Map.of("DeviceName", "wks01.corp.contoso.example", "FileName", "TeamViewer.exe",
        "FolderPath", "C:\\Program Files (x86)\\AnyDesk\\TeamViewer.exe");
    assertTrue(raises("teamviewer", RmmRuleKind.PROCESS_NAME, teamviewer, c), "TeamViewer inside the pinned folder still alerts");
  }

  @Test
  void expiredEntryCompilesToNothingAndIsReported() {
    Compiled c = compile(ANYDESK, LocalDate.of(2027, 7, 1));
    assertEquals(List.of(), c.exclusions());
    assertEquals(1, c.notes().size());
    assertEquals("KQL3208", c.notes().get(0).code().id());
    assertTrue(anyProcessRule(process("C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe", "wks01.corp.contoso.example"), c));
    assertEquals(1, compile(ANYDESK, LocalDate.of(2027, 6, 30)).exclusions().stream()
        .filter(e -> e.id().endsWith("-" + RmmRuleKind.PROCESS_NAME.slug())).count(), "expires is inclusive");
  }

  @Test
  void compiledExclusionsLoadAndBindAgainstTheDefenderSchemas() {
    Compiled c = compile(ANYDESK, TODAY);
    assertTrue(c.loaded().ok(), () -> String.join("\n", c.loaded().rendered()) + "\n" + c.exclusionsYaml());
    assertNotNull(c.loaded().value());
    assertEquals(c.exclusions().size(), c.loaded().value().exclusions().size());
    List<FileDiagnostic> diags = new ExclusionChecker(new BinderQueryValidator(SchemaRegistry.builtIn()))
        .check(c.loaded().value(), null);
    List<String> errors = new ArrayList<>();
    for (FileDiagnostic d : diags) if (d.diagnostic().isError()) errors.add(d.render());
    assertEquals(List.of(), errors, c.exclusionsYaml());
    // one exclusion per AnyDesk rule kind, each for the rule's own table
    Set<RmmRuleKind> kinds = c.exclusions().stream().map(CompiledExclusion::kind).collect(Collectors.toSet());
    assertTrue(kinds.containsAll(Set.of(RmmRuleKind.PROCESS_NAME, RmmRuleKind.NETWORK, RmmRuleKind.SIGNER, RmmRuleKind.FILE)), kinds.toString());
  }

  @Test
  void everyScopeAndPinShapeBinds() {
    String text = """
        allow:
          - id: all-shapes
            tool: teamviewer
            owner: o
            ticket: t
            expires: 2030-01-01
            pins:
              paths: ['C:\\Program Files\\TeamViewer\\TeamViewer.exe', 'D:\\Apps\\*\\TeamViewer\\', "C:\\\\It's\\\\"]
              domains: ['tv.contoso.example']
            scope:
              devices: ['dev-1', 'srv01']
              deviceNames: ['kiosk-*']
              accounts: ['svc-tv']
        """;
    Compiled c = compile(text, TODAY);
    assertTrue(c.loaded().ok(), () -> String.join("\n", c.loaded().rendered()));
    List<FileDiagnostic> diags = new ExclusionChecker(new BinderQueryValidator(SchemaRegistry.builtIn()))
        .check(c.loaded().value(), null);
    assertEquals(List.of(), diags.stream().filter(d -> d.diagnostic().isError()).map(FileDiagnostic::render).toList(), c.exclusionsYaml());
    assertTrue(c.exclusions().stream().noneMatch(e -> e.kind() == RmmRuleKind.SIGNER), "account scope: no signer exclusion");
    Map<String, String> hit = Map.of("DeviceName", "kiosk-7", "FolderPath", "D:\\Apps\\v15\\TeamViewer\\TeamViewer.exe", "AccountName", "SVC-TV");
    CompiledExclusion proc = c.exclusions().stream().filter(e -> e.kind() == RmmRuleKind.PROCESS_NAME).findFirst().orElseThrow();
    assertTrue(proc.matcher().test(hit));
    assertFalse(proc.matcher().test(Map.of("DeviceName", "kiosk-7", "FolderPath", "D:\\Apps\\v15\\TeamViewer\\TeamViewer.exe", "AccountName", "jdoe")));
  }

  @Test
  void errorsArePositionedInTheFile() {
    String text = """
        allow:
          - id: a
            tool: no-such-rmm
            owner: o
            ticket: t
            expires: 2027-13-01
            pins: {paths: ['C:\\\\Tools\\\\']}
          - id: b
            tool: anydesk
            ticket: t
            expires: 2027-01-01
            colour: red
          - id: c
            tool: anydesk
            owner: o
            ticket: t
            expires: 2027-01-01
            pins: {paths: ['C:\\\\Users\\\\Public\\\\AnyDesk\\\\']}
        """;
    LoadResult<AllowList> r = new AllowListLoader(catalog).load(SourceText.of("bad.yaml", text));
    List<String> got = r.diagnostics().stream().map(d -> d.code().id() + "@" + line(r.file(), d)).sorted().toList();
    assertEquals(List.of("KQL3202@8", "KQL3203@12", "KQL3204@3", "KQL3205@6", "KQL3206@8", "KQL3207@18"), got,
        String.join("\n", r.rendered()));
    assertEquals(List.of("c"), r.value().entries().stream().map(AllowEntry::id).toList(), "valid entries are kept");
    assertTrue(r.rendered().get(0).startsWith("bad.yaml:"), r.rendered().get(0));
  }

  @Test
  void controlCharactersAndMatchEverythingPatternsAreRejected() {
    String text = """
        allow:
          - id: a
            tool: anydesk
            owner: o
            ticket: t
            expires: 2027-01-01
            pins:
              paths: ["Tools\\nx"]
          - id: b
            tool: anydesk
            owner: o
            ticket: t
            expires: 2027-01-01
            pins: {paths: ['*']}
        """;
    LoadResult<AllowList> r = new AllowListLoader(catalog).load(SourceText.of("bad.yaml", text));
    List<String> got = r.diagnostics().stream().map(d -> d.code().id() + "@" + line(r.file(), d)).sorted().toList();
    assertEquals(List.of("KQL3201@8", "KQL3206@8", "KQL3211@9"), got, String.join("\n", r.rendered()));
    assertEquals(List.of(), r.value().entries());
  }

  private static int line(SourceText file, Diagnostic d) {
    return file.position(d.span().start()).line();
  }
}
