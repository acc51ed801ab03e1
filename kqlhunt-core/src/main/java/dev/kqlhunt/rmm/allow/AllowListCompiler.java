package dev.kqlhunt.rmm.allow;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rmm.GeneratedRule;
import dev.kqlhunt.rmm.RmmCorrelationRules;
import dev.kqlhunt.rmm.RmmRuleKind;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.text.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Compiles an allow-list into exclusions of the rules package. Per entry and per rule kind of the
 * sanctioned tool, one exclusion selecting exactly that tool's rules of that kind (by id) and removing
 * the rows where all pins and the scope hold:
 *
 * <ul>
 *   <li>process rules (DeviceProcessEvents): {@code FolderPath} is a pinned path;
 *   <li>file rules: {@code FolderPath} is a pinned path;
 *   <li>registry and service rules: the process writing the key / installing the service
 *       ({@code InitiatingProcessFolderPath}) is a pinned path;
 *   <li>network rules: the connecting process is a pinned path AND {@code RemoteUrl} is a pinned
 *       tenant/relay host — without pinned domains no network exclusion is made (any relay alerts);
 *   <li>signer rules (DeviceFileCertificateInfo): {@code Signer} is a pinned signer and the
 *       certificate is trusted — without pinned signers, or with an account scope (the table has no
 *       account column), no signer exclusion is made.
 * </ul>
 *
 * Scope: devices ({@code DeviceId} or {@code DeviceName}) or device-name globs, and accounts (the
 * table's process account column). Expired entries compile to nothing and are reported. Other tools'
 * rules are never selected, so an unsanctioned tool keeps alerting. Of the correlation rules only
 * first-seen is selected, with the process pins (a sanctioned install on a new host is routine); the
 * multi-vendor rule keeps seeing the sanctioned tool, so a second vendor beside it still alerts.
 */
public final class AllowListCompiler {

  /**
   * One compiled exclusion, with the Java twin of its predicate ({@code matcher}, built by the same
   * factory as the KQL text; tests check that the engine agrees with it).
   */
  public record CompiledExclusion(
      String id, String entryId, String toolId, RmmRuleKind kind, List<String> ruleIds, String where,
      Predicate<Map<String, String>> matcher) {
    public CompiledExclusion {
      Objects.requireNonNull(id, "id is null");
      ruleIds = List.copyOf(ruleIds);
      Objects.requireNonNull(where, "where is null");
      Objects.requireNonNull(matcher, "matcher is null");
    }

    public String table() {
      return kind.table();
    }
  }

  /**
   * The result: the exclusions, the same as an exclusions file (text and loaded), and notes (expired
   * entries, kinds left alerting for lack of a pin), positioned in the allow-list file.
   */
  public record Compiled(
      List<CompiledExclusion> exclusions, String exclusionsYaml, LoadResult<ExclusionSet> loaded,
      List<Diagnostic> notes) {
    public Compiled {
      exclusions = List.copyOf(exclusions);
      notes = List.copyOf(notes);
    }
  }

  /** Compiles {@code list} against the rules of {@code pack} as of {@code today} (UTC). */
  public Compiled compile(AllowList list, List<GeneratedRule> pack, LocalDate today) {
    List<CompiledExclusion> out = new ArrayList<>();
    List<Diagnostic> notes = new ArrayList<>();
    for (AllowEntry entry : list.entries()) {
      if (entry.isExpired(today)) {
        notes.add(Diagnostic.warning(AllowListErrors.EXPIRED, entry.span(), entry.id(), entry.expires()));
        continue;
      }
      Map<RmmRuleKind, List<String>> ruleIds = new EnumMap<>(RmmRuleKind.class);
      for (GeneratedRule r : pack) {
        if (r.toolId().equals(entry.toolId())) ruleIds.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id());
      }
      for (Map.Entry<RmmRuleKind, List<String>> e : ruleIds.entrySet()) {
        List<PinClause> clauses = clauses(entry, e.getKey());
        if (clauses.isEmpty()) continue;
        out.add(exclusion(entry, e.getKey(), e.getValue(), clauses));
      }
      // A sanctioned install on a new host is routine, so the first-seen correlation does not see
      // the pinned process events; the multi-vendor one does (a second vendor must still alert).
      if (ruleIds.containsKey(RmmRuleKind.PROCESS_NAME) || ruleIds.containsKey(RmmRuleKind.PROCESS_VERSION_INFO)) {
        CompiledExclusion e = exclusion(entry, RmmRuleKind.PROCESS_NAME,
            List.of(RmmCorrelationRules.ruleId("first-seen")), clauses(entry, RmmRuleKind.PROCESS_NAME));
        out.add(new CompiledExclusion("allow-" + entry.id() + "-correlation-first-seen", e.entryId(), e.toolId(),
            e.kind(), e.ruleIds(), e.where(), e.matcher()));
      }
    }
    String yaml = ExclusionYaml.render(list, out);
    LoadResult<ExclusionSet> loaded = new ExclusionLoader().load(SourceText.of(list.file().name() + ".exclusions.yaml", yaml));
    return new Compiled(out, yaml, loaded, notes);
  }

  /** The pins and scope of {@code entry} for one rule kind; empty = the kind keeps alerting. */
  static List<PinClause> clauses(AllowEntry entry, RmmRuleKind kind) {
    List<PinClause> c = new ArrayList<>();
    String account;
    switch (kind) {
      case PROCESS_VERSION_INFO, PROCESS_NAME -> {
        c.add(PinClause.anyGlob("FolderPath", entry.paths()));
        account = "AccountName";
      }
      case FILE -> {
        c.add(PinClause.anyGlob("FolderPath", entry.paths()));
        account = "InitiatingProcessAccountName";
      }
      case REGISTRY, SERVICE -> {
        c.add(PinClause.anyGlob("InitiatingProcessFolderPath", entry.paths()));
        account = "InitiatingProcessAccountName";
      }
      case NETWORK -> {
        if (entry.domains().isEmpty()) return List.of();
        c.add(PinClause.anyGlob("InitiatingProcessFolderPath", entry.paths()));
        c.add(PinClause.anyHost("RemoteUrl", entry.domains()));
        account = "InitiatingProcessAccountName";
      }
      case SIGNER -> {
        if (entry.signers().isEmpty() || !entry.accounts().isEmpty()) return List.of();
        c.add(PinClause.anyEquals("Signer", entry.signers()));
        c.add(PinClause.isTrue("IsTrusted"));
        account = null;
      }
      default -> throw new IllegalStateException("unhandled kind " + kind);
    }
    PinClause devices = entry.devices().isEmpty() ? null
        : PinClause.either(PinClause.anyEquals("DeviceId", entry.devices()), PinClause.anyEquals("DeviceName", entry.devices()));
    PinClause names = entry.deviceNamePatterns().isEmpty() ? null : PinClause.anyGlob("DeviceName", entry.deviceNamePatterns());
    if (devices != null && names != null) c.add(PinClause.either(devices, names));
    else if (devices != null) c.add(devices);
    else if (names != null) c.add(names);
    if (!entry.accounts().isEmpty() && account != null) c.add(PinClause.anyEquals(account, entry.accounts()));
    return c;
  }

  private static CompiledExclusion exclusion(AllowEntry entry, RmmRuleKind kind, List<String> ids, List<PinClause> clauses) {
    List<String> kql = new ArrayList<>();
    for (PinClause p : clauses) kql.add(p.kql());
    List<Predicate<Map<String, String>>> tests = clauses.stream().map(PinClause::test).toList();
    Predicate<Map<String, String>> all = ev -> {
      for (Predicate<Map<String, String>> t : tests) if (!t.test(ev)) return false;
      return true;
    };
    return new CompiledExclusion("allow-" + entry.id() + "-" + kind.slug(), entry.id(), entry.toolId(), kind, ids,
        String.join("\nand ", kql), all);
  }
}
